/** Full-text search across the demo chapter's editions, each in its own language, and names by spelling. */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const WORK = "/works/thirst-for-power";

test("searching «власть» finds the inflected form in the Russian edition, with the row's other editions beside it", async ({ page }) => {
  await page.goto(`${WORK}/search?q=${encodeURIComponent("власть")}&editions=ru,en`);
  await expect(page.getByRole("heading", { name: /rows? with hits for “власть”/ })).toBeVisible();
  const first = page.locator(".search-row").first();
  await expect(first.locator('[data-edition="ru"] mark.hit').first()).toHaveText("власти");
  await expect(first.locator('.cell[data-edition="en"]')).not.toBeEmpty();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
});

test("a misspelt name is found in every script, and a result leads to its row", async ({ page }) => {
  await page.goto(`${WORK}/compare?editions=ru,en`);
  await page.getByLabel("Search all editions").fill("Zinovyev");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=Zinovyev&editions=ru%2Cen$/);
  await expect(page.locator('[data-edition="ru"] mark.hit').first()).toHaveText(/^Зиновьев/);
  await expect(page.locator('[data-edition="en"] mark.hit').first()).toHaveText("Zinoviev");
  await expect(page.getByText("similar spelling").first()).toBeVisible();
  const row = await page.locator(".search-row").first().getAttribute("data-row");
  await page.locator(".search-row").first().getByRole("link", { name: `Row ${row}` }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?editions=ru,en#r${row}$`));
});

test("a search with no hits says so", async ({ page }) => {
  await page.goto(`${WORK}/search?q=Napoleon`);
  await expect(page.getByRole("heading", { name: "Nothing found for “Napoleon”." })).toBeVisible();
});
