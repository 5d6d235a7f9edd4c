/**
 * Reading the compare view on any screen (issue 13) and across many editions (issue 10): rows stacked on a phone
 * with nothing overflowing and word links by tap; the compact settings bar that lets the text start near the top
 * on a laptop, opened from the keyboard, with the picker's filter and per-column swap; j / k and "continue where
 * you left off"; more than five columns scrolling sideways with the row margin sticky, a URL's bad choices named;
 * one row in every edition; a row's page by its number as by its id, and a 404 naming a row that is not there.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const WORK = "/works/thirst-for-power";

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
}

/** How far the page and any element reach past the viewport's right edge (0 when nothing overflows). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = [...document.querySelectorAll("body *")]
      .filter((element) => element.getClientRects().length > 0 && !element.closest(".visually-hidden"))
      .map((element) => element.getBoundingClientRect().right - width);
    return { page: document.documentElement.scrollWidth - width, body: document.body.scrollWidth - width, elements: Math.max(0, ...past) };
  });

const highlighted = (page: Page, name: string) =>
  page.evaluate((name) => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  }, name);

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("rows are stacked with each edition's label, nothing overflows, a tapped word shows its counterparts, and the page passes axe", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`${WORK}/compare`);
    await expect(page.locator('.grid[data-word-links="ready"]')).toHaveCount(1);
    expect(await overflow(page)).toEqual({ page: 0, body: 0, elements: 0 });

    const row = page.locator(".grid-row").filter({ has: page.locator('[lang="en"]', { hasText: "In those days, Zinoviev, the great agitator" }) });
    const cells = row.getByRole("cell");
    const lefts = await cells.evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    const labels = await cells.evaluateAll((nodes) => nodes.map((node) => getComputedStyle(node, "::before").content));
    expect(labels[0]).toContain("Thirst for Power");
    expect(labels[1]).toContain("Жажда власти");
    expect(labels[1]).toContain("working translation");
    const strip = await page.getByRole("navigation", { name: "Overview of the work" }).boundingBox();
    expect(strip!.height).toBeLessThan(30);

    const ru = row.locator('[role="cell"][lang="ru"]');
    const point = await ru.evaluate((cell) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf("Зиновьев");
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + 3);
        node.parentElement!.scrollIntoView({ block: "center" });
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error("Зиновьев not found");
    });
    await page.touchscreen.tap(point.x, point.y);
    await expect.poll(() => highlighted(page, "word-active")).toEqual(["Зиновьев"]);
    await expect.poll(() => highlighted(page, "word-counterpart")).toContain("Zinoviev");

    await page.getByRole("button", { name: "Editions and settings" }).click();
    await expect(page.getByRole("group", { name: "Shown editions, in column order" })).toBeVisible();
    expect(await overflow(page)).toEqual({ page: 0, body: 0, elements: 0 });
    await expectNoAxeViolations(page);
  });
});

test.describe("on a laptop", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the text starts in the upper third; the settings open from the keyboard; the picker filters and swaps a column", async ({ page }) => {
    await page.goto(`${WORK}/compare?editions=en,ru`);
    const first = await page.locator(".grid-row").first().boundingBox();
    expect(first!.y).toBeLessThan(300);
    await expect(page.locator(".compare-bar")).toContainText("2 editions: en · ru");

    const toggle = page.getByRole("button", { name: "Editions and settings" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByLabel("Column 1")).toBeHidden();
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");

    await page.getByLabel("Filter").fill("ital");
    const groups = page.locator(".picker-language .picker-group");
    await expect(groups).toHaveText(["Italian (it)"]);
    await expect(page.getByRole("list", { name: "Italian (it)" }).getByRole("checkbox")).toHaveCount(1);

    await page.getByLabel("Column 2").selectOption("fr");
    await expect(page).toHaveURL(/editions=en,fr$/);
    await expect(page.locator(".grid-head [data-edition]")).toHaveCount(2);
    await expect(page.locator('.grid-head [data-edition="fr"]')).toBeVisible();
    await expect(page.getByLabel("Column 2")).toBeFocused();
  });

  test("j and k move row by row and announce the row; the next visit offers to continue there", async ({ page }) => {
    await page.goto(`${WORK}/compare?editions=en,ru`);
    await expect(page.getByText(/Continue where you left off/)).toHaveCount(0);
    await page.keyboard.press("j");
    await expect(page.locator("#r1")).toBeFocused();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await expect(page.locator("#r2")).toBeFocused();
    await expect(page.locator("#r2")).toBeInViewport();
    await expect(page.locator("[data-row-announcer]")).toHaveText(/^Row 2 of \d+$/);

    await page.getByLabel("Search all editions").focus();
    await page.keyboard.press("j");
    await expect(page.getByLabel("Search all editions")).toHaveValue("j");

    await page.goto(`${WORK}/compare?editions=en,ru`);
    const offer = page.getByRole("link", { name: "Continue where you left off (row 2)" });
    await offer.click();
    await expect(page.locator("#r2")).toBeInViewport();
    await expect(page.locator("#r2")).toBeFocused();
  });

  test("six columns scroll sideways with the row margin sticky, an unknown edition in the address is named, and one row lists every edition", async ({ page }) => {
    await page.goto(`${WORK}/compare?editions=ru,fr,es,it,en,en-extracted,xx`);
    await expect(page.locator('.provenance-box[role="alert"]')).toContainText("no edition “xx” in this work");
    await expect(page.locator(".grid-head [data-edition]")).toHaveCount(6);
    const box = page.locator(".many-columns");
    expect(await box.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
    await box.evaluate((node) => node.scrollBy(600, 0));
    const [margin, frame] = await Promise.all([page.locator('#r3 [role="rowheader"]').boundingBox(), box.boundingBox()]);
    expect(Math.abs(margin!.x - frame!.x)).toBeLessThan(2);

    await page.locator("#r3").getByRole("link", { name: "Row 3", exact: true }).click();
    await page.getByRole("link", { name: "All editions of row 3" }).click();
    await expect(page.getByRole("heading", { name: "Row 3 in every edition" })).toBeVisible();
    const editions = page.locator(".row-all-list > li");
    await expect(editions.locator(".row-all-language")).toHaveText(["English (en)", "Russian (ru)", "French (fr)", "Spanish (es)", "Italian (it)", "English (en) · earlier witness"]);
    for (const language of ["en", "ru", "fr", "es", "it"]) await expect(editions.locator(`.cell[lang="${language}"]`).first()).not.toBeEmpty();
    await expect(editions.locator("h2 a[lang]")).toHaveCount(6);
    await page.getByRole("link", { name: "Row 4 →" }).click();
    await expect(page.getByRole("heading", { name: "Row 4 in every edition" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("one row in every edition marks each edition's words against a base the reader chooses", async ({ page }) => {
    await page.goto(`${WORK}/rows/8/all`);
    const edition = (slug: string) => page.locator(`.row-all-list > li[data-edition="${slug}"]`);
    await expect(page.getByLabel("Words marked against")).toHaveValue("en");
    await expect(edition("en").locator(".column-meta")).toContainText("base of the word marks");
    await expect(edition("ru").locator(".column-meta")).toContainText(/words without a sure counterpart in en: \d+%/);
    const marked = page.locator('.row-all-list .cell[lang="ru"] u, .row-all-list .cell[lang="fr"] u');
    expect(await marked.count()).toBeGreaterThan(0);
    await expect(edition("ru").locator(".cell .visually-hidden")).toContainText(/Word differences: \d+ words? without counterpart in the base/);
    await expectNoAxeViolations(page);

    await page.getByLabel("Words marked against").selectOption("ru");
    await page.getByRole("button", { name: "Mark" }).click();
    await expect(page).toHaveURL(/\/rows\/8\/all\?base=ru$/);
    await expect(edition("ru").locator(".column-meta")).toContainText("base of the word marks");
    await expect(edition("en").locator(".column-meta")).toContainText(/words without a sure counterpart in ru: \d+%/);
    await expect(edition("ru").locator(".cell u")).toHaveCount(0);
  });

  test("a row's page answers to its number as to its id, and a row that is not there gets a 404 naming it", async ({ page }) => {
    await page.goto(`${WORK}/rows/3/all`);
    const byId = await page.getByRole("link", { name: "History and word links" }).getAttribute("href");
    expect(byId).toMatch(/\/rows\/[0-9a-f-]{36}$/);
    expect((await page.goto(`${WORK}/rows/3`))!.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Row 3: history");
    const cells = await page.locator(".row-cells").innerText();
    expect(cells.length).toBeGreaterThan(100);
    await page.goto(byId!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Row 3: history");
    expect(await page.locator(".row-cells").innerText()).toBe(cells);

    for (const [path, message] of [
      [`${WORK}/rows/100000`, "There is no row 100000 in this work"],
      [`${WORK}/rows/100000/all`, "There is no row 100000 in this work"],
      [`${WORK}/rows/00000000-0000-4000-8000-000000000000`, "There is no row with the id 00000000-0000-4000-8000-000000000000 in this work"],
      [`${WORK}/rows/first`, "“first” is not a row"],
    ]) {
      expect((await page.goto(path))!.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Row not found");
      await expect(page.locator(".lede")).toContainText(message);
    }
  });
});
