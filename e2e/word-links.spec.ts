import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createWork } from "../lib/db/grid/grid.fixtures";
import { alignWorkWords } from "../lib/db/words/align-work-words";
import { expect, signIn, test, userOf } from "./fixtures";

const WORK = "/works/thirst-for-power";

/** Viewport point in the middle of the first occurrence of `word` inside `selector`. */
async function pointAt(page: Page, selector: string, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([selector, word]) => {
      const root = document.querySelector(selector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        range.startContainer.parentElement!.scrollIntoView({ block: "center" });
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`${word} not found in ${selector}`);
    },
    [selector, word] as const,
  );
}

const highlighted = (page: Page, name: string) =>
  page.evaluate((name) => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  }, name);

test("word differences are marked on first load, and pointing at a Russian word highlights its English counterpart", async ({ page }) => {
  await page.goto(`${WORK}/compare?editions=ru,en&base=en`);
  await expect(page.locator("[role='cell'] u").first()).toBeVisible();
  await page.getByRole("button", { name: "Editions and settings" }).click();
  await expect(page.locator(".word-legend")).toContainText("no counterpart in the base edition");
  const row = page.locator(".grid-row").filter({ has: page.locator('[lang="en"]', { hasText: "In those days, Zinoviev, the great agitator" }) });
  const rowId = await row.getAttribute("id");
  await expect(page.locator('.grid[data-word-links="ready"]')).toHaveCount(1);
  const point = await pointAt(page, `#${rowId} [role="cell"][lang="ru"]`, "Зиновьев");
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => highlighted(page, "word-active")).toEqual(["Зиновьев"]);
  await expect.poll(() => highlighted(page, "word-counterpart")).toContain("Zinoviev");
  await expect(page.locator("[data-word-announcer]")).toContainText("en: Zinoviev");
});

test("word mode moves word by word from the keyboard and announces the counterparts", async ({ page }) => {
  await page.goto(`${WORK}/compare?editions=ru,en`);
  await expect(page.locator('.grid[data-word-links="ready"]')).toHaveCount(1);
  const row = page.locator(".grid-row").filter({ has: page.locator('[lang="en"]', { hasText: "In those days, Zinoviev, the great agitator" }) });
  const cell = row.locator('[role="cell"][lang="ru"]');
  await cell.focus();
  await page.keyboard.press("w");
  await expect(cell).toHaveClass(/word-mode/);
  await expect(page.locator("[data-word-announcer]")).toContainText("В (ru)");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("[data-word-announcer]")).toContainText("дни (ru)");
  await expect.poll(() => highlighted(page, "word-active")).toEqual(["дни"]);
  await page.keyboard.press("Escape");
  await expect(cell).not.toHaveClass(/word-mode/);
});

test("the compare view with word marks passes axe", async ({ page }) => {
  await page.goto(`${WORK}/compare`);
  await expect(page.locator("[role='cell'] u:not([class])").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test("an editor links two words and another editor's open row page shows the link", async ({ browser, db }) => {
  const slug = `words-${Date.now()}`;
  const work = await createWork(db, {
    slug,
    editions: { en: ["The party will need us.", "Lenin called him an intelligent politician."], fr: ["Le parti aura besoin de nous.", "Lénine l’appelait un politique intelligent."] },
    rows: [{ en: 1, fr: 1 }, { en: 1, fr: 1 }],
  });
  await alignWorkWords(db, work.workId, { dictionaries: false });
  const [first, second] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [one, two] = await Promise.all([first.newPage(), second.newPage()]);
  await signIn(one, userOf("editor", 0).email);
  await signIn(two, userOf("editor", 1).email);
  const url = `/works/${slug}/rows/${work.rowIds[1]}`;
  await Promise.all([one.goto(url), two.goto(url)]);
  const removeButtons = two.getByRole("button", { name: /^Remove the link/ });
  const before = await removeButtons.count();
  const words = (page: Page, edition: string) => page.getByRole("group", { name: new RegExp(`Words of ${edition} edition`) });
  await words(one, "en").getByRole("button", { name: /^called/ }).click();
  await words(one, "fr").getByRole("button", { name: /^Lénine/ }).click();
  await one.getByRole("button", { name: "Link the chosen words" }).click();
  await expect(one.locator(".word-link-editor [role=status]")).toContainText("Linked 1 word pair");
  await expect(two.getByRole("button", { name: "Remove the link called ↔ Lénine" })).toBeVisible();
  expect(await removeButtons.count()).toBe(before + 1);
  await first.close();
  await second.close();
});
