import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const WORK = "/works/thirst-for-power";

test("the home page lists the five editions with their metadata and provenance", async ({ page }) => {
  await page.goto("/");
  const demo = page.locator('[data-work="thirst-for-power"]');
  const rows = demo.locator("tr[data-edition]");
  await expect(rows).toHaveCount(5);
  await expect(demo.locator('tr[data-edition="ru"] a[lang="ru"]')).toHaveText("«Жажда власти»");
  await expect(demo.locator('tr[data-edition="fr"] a[lang="fr"]')).toContainText("La soif du pouvoir");
  await expect(demo.locator('tr[data-edition="fr"]')).toContainText("Grasset");
  await expect(demo.locator('tr[data-edition="fr"]')).toContainText("1937");
  await expect(demo.locator('tr[data-edition="ru"]')).toContainText("Working translation (stands in for the Russian original)");
  for (const slug of ["ru", "fr", "es", "it"]) {
    await expect(demo.locator(`tr[data-edition="${slug}"] [data-provenance="working_translation"]`)).toHaveText(/Working translation/);
  }
  await expect(demo.locator('tr[data-edition="en"] [data-provenance="published"]')).toBeVisible();
});

test("choosing editions and their order in the compare view updates the columns and the URL", async ({ page }) => {
  await page.goto(`${WORK}/compare`);
  await expect(page.getByRole("columnheader")).toHaveCount(6);
  await page.getByRole("button", { name: "Editions and settings" }).click();
  await page.getByRole("checkbox", { name: /La sed de poder/ }).uncheck();
  await page.getByRole("checkbox", { name: /La sete di potere/ }).uncheck();
  await expect(page).toHaveURL(/editions=en,ru,fr$/);
  await page.getByRole("button", { name: "Move ru left" }).click();
  await expect(page).toHaveURL(/editions=ru,en,fr$/);
  const headers = page.locator(".grid-head [data-edition]");
  await expect(headers).toHaveCount(3);
  expect(await headers.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-edition")))).toEqual(["ru", "en", "fr"]);
});

test("a shared URL reproduces the view and a row can be linked to", async ({ page }) => {
  await page.goto(`${WORK}/compare?editions=en,ru`);
  const found = page.locator(".grid-row").filter({ has: page.locator('[lang="en"]', { hasText: "In the words of Vyshinsky" }) });
  await expect(found).toHaveCount(1);
  const anchor = await found.getByRole("link", { name: /^Row \d+$/ }).getAttribute("href");
  expect(anchor).toMatch(/^#r\d+$/);
  expect(await found.getAttribute("id")).toBe(anchor!.slice(1));

  await page.goto(`${WORK}/compare?editions=en,ru${anchor}`);
  const headers = page.locator(".grid-head [data-edition]");
  expect(await headers.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-edition")))).toEqual(["en", "ru"]);
  const row = page.locator(anchor!);
  await expect(row).toBeInViewport();
  expect(await row.evaluate((node) => node.matches(":target"))).toBe(true);
  await expect(row.locator('[lang="en"]')).toContainText("In the words of Vyshinsky");
  await expect(row.locator('[lang="ru"]')).toContainText("Вышинского");
});

test("Russian text is shown in its own column, marked as Russian, next to the English", async ({ page }) => {
  await page.goto(`${WORK}/compare?editions=ru,en`);
  const russian = page.locator('[role="cell"][lang="ru"]').filter({ hasText: "Каменев" }).first();
  await expect(russian).toBeVisible();
  const font = await russian.evaluate((node) => getComputedStyle(node).fontFamily);
  expect(font).toContain("Noto Serif");
  await expect(page.locator(".grid-head").getByText("Working translation").first()).toBeVisible();
});

test("an invalid edition choice in the URL is explained, not an error page", async ({ page }) => {
  await page.goto(`${WORK}/compare?editions=ru`);
  await expect(page.getByRole("alert").first()).toContainText("choose at least 2 editions");
});

test("the English edition's page lists the corrections made to the source text", async ({ page }) => {
  await page.goto(`${WORK}/editions/en`);
  await expect(page.getByRole("heading", { name: /Corrections made to the source text/ })).toBeVisible();
  await expect(page.locator("table.corrections")).toContainText("face-to-face");
  await expect(page.locator("table.corrections")).toContainText("Stalin-Bukharin");
  await expect(page.locator("table.corrections thead")).toContainText("Kind");
});

for (const path of ["/", `${WORK}/compare`, `${WORK}/editions/en`, `${WORK}/editions/ru`]) {
  test(`the page ${path} passes an accessibility check`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
  });
}

test("the compare view's rows are in its HTML but not again in its payload, and stay drawn after client-side navigation away and back", async ({ page, request }) => {
  const sentence = "That was our last conversation.";
  const html = await (await request.get(`${WORK}/compare?editions=en,ru`, { headers: { accept: "text/html" } })).text();
  const payload = [...html.matchAll(/<script[^>]*>(self\.__next_f[\s\S]*?)<\/script>/g)].map((match) => match[1]).join("");
  expect(payload.length).toBeGreaterThan(1000);
  expect(payload).not.toContain("conversation");
  expect(html.replace(/<script[\s\S]*?<\/script>/g, "")).toContain("conversation");

  await page.goto(`${WORK}/compare?editions=en,ru`);
  const row = page.locator(".grid-row").filter({ has: page.locator('[lang="en"]', { hasText: sentence }) });
  await expect(row).toHaveCount(1);
  await page.getByRole("link", { name: "Variants", exact: true }).click();
  await expect(page).toHaveURL(/\/variants$/);
  await page.goBack();
  await expect(row).toHaveCount(1);
  await expect(page.locator('.grid[data-word-links="ready"]')).toHaveCount(1);
  await page.getByRole("link", { name: "Edit alignment" }).click();
  await expect(page).toHaveURL(/\/align/);
  await page.goBack();
  await expect(row.locator('[lang="ru"]')).toContainText("Это был наш последний разговор.");
});
