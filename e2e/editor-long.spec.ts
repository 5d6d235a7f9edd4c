/**
 * The alignment editor on long works, where the grid renders only a window of its rows: the window stays
 * small, keyboard and review navigation scroll the selected row into view and focus it, an operation far down
 * the grid shows its result, the grid still tells assistive technology how many rows there are, and axe passes.
 * Every test works on a large work of its own.
 */
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Locator, Page } from "@playwright/test";
import { createLargeWork } from "../lib/db/grid/grid.fixtures";
import { expect, test, userOf } from "./fixtures";
import { E2E_PASSWORD } from "./users";

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
const EDITOR = userOf("editor", 0).email;
let editorSession: Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs the editor in once for the file, waiting out a 429 (sign-ins are rate-limited per client). */
test.beforeAll(async ({ playwright }) => {
  test.setTimeout(180_000);
  const request = await playwright.request.newContext({ baseURL: BASE_URL });
  for (;;) {
    const response = await request.post("/api/auth/sign-in/email", { data: { email: EDITOR, password: E2E_PASSWORD } });
    if (response.status() !== 429) {
      expect(response.ok(), `sign-in of ${EDITOR}`).toBe(true);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, (Number(response.headers()["x-retry-after"] ?? 10) + 1) * 1000));
  }
  editorSession = await request.storageState();
  await request.dispose();
});

function slug(): string {
  return `e2e-long-${randomBytes(4).toString("hex")}`;
}

const dataRows = (page: Page) => page.locator('[role="row"][data-row-id]');
const rowNumbered = (page: Page, number: number) => page.locator(`[role="row"][data-row-number="${number}"]`);
const focusedCell = (page: Page) => page.locator('[role="gridcell"]:focus');

/** The focused cell is in row `number` (whose aria-rowindex counts the header too) and can be seen, below the sticky header. */
async function expectFocusOnRow(page: Page, number: number) {
  const cell = focusedCell(page);
  await expect(cell).toHaveCount(1);
  const row: Locator = page.locator('[role="row"]').filter({ has: cell });
  await expect(row).toHaveAttribute("data-row-number", String(number));
  await expect(row).toHaveAttribute("aria-rowindex", String(number + 1));
  await expect(cell).toBeInViewport();
  await expect
    .poll(async () => {
      const [head, box] = await Promise.all([page.locator(".grid-head").boundingBox(), cell.boundingBox()]);
      return box!.y - (head!.y + head!.height);
    })
    .toBeGreaterThanOrEqual(-1);
}

test("a 600-row grid keeps a window of rows in the page, and keys, review navigation and a merge far down all work", async ({ browser, db }) => {
  test.setTimeout(90_000);
  const name = slug();
  const workId = await createLargeWork(db, name, ["ru", "fr", "en"], 600);
  await db.alignmentRow.updateMany({ where: { workId, position: { lte: 300 * 1024 } }, data: { status: "confirmed" } });
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: editorSession });
  const page = await context.newPage();
  await page.goto(`/works/${name}/align`);

  const grid = page.getByRole("grid");
  await expect(grid).toHaveAttribute("aria-rowcount", "601");
  await expect(rowNumbered(page, 1)).toBeVisible();
  const rendered = await dataRows(page).count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(80);

  await rowNumbered(page, 1).locator('[role="gridcell"][data-edition="fr"]').click();
  for (let i = 0; i < 40; i++) await page.keyboard.press("j");
  await expectFocusOnRow(page, 41);
  await expect(focusedCell(page)).toHaveAttribute("data-edition", "fr");
  await expect(focusedCell(page)).toContainText("fr sentence 41 has five words.");
  expect(await dataRows(page).count()).toBeLessThan(80);

  await page.getByRole("button", { name: "Next unconfirmed" }).click();
  await expectFocusOnRow(page, 301);
  await expect(focusedCell(page)).toContainText("fr sentence 301 has five words.");

  await page.keyboard.press("G");
  await expectFocusOnRow(page, 600);
  for (let i = 0; i < 3; i++) await page.keyboard.press("k");
  await expectFocusOnRow(page, 597);
  await page.keyboard.press("m");
  await expect(page.getByRole("status")).toContainText("Merged row 597 with row 598");
  await expect(grid).toHaveAttribute("aria-rowcount", "600");
  await expect(rowNumbered(page, 597).locator('[data-edition="en"]')).toContainText("en sentence 597 has five words.");
  await expect(rowNumbered(page, 597).locator('[data-edition="en"]')).toContainText("en sentence 598 has five words.");
  await expect(rowNumbered(page, 598).locator('[data-edition="en"]')).toContainText("en sentence 599 has five words.");
  await expectFocusOnRow(page, 597);
  expect(await db.alignmentRow.count({ where: { workId } })).toBe(599);

  await page.keyboard.press("g");
  await expectFocusOnRow(page, 1);
  await page.locator(".align-scroll").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight / 2));
  await expect(rowNumbered(page, 300)).toBeAttached();
  expect(await dataRows(page).count()).toBeLessThan(80);
  await expect(focusedCell(page)).toHaveCount(1);
  await expect(rowNumbered(page, 1).locator('[role="gridcell"][tabindex="0"]')).toHaveAttribute("data-edition", "fr");
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await context.close();
});

test("a 2,000-row grid of five editions renders a window of rows, quickly", async ({ page, db }) => {
  test.setTimeout(90_000);
  const name = slug();
  await createLargeWork(db, name, ["ru", "fr", "es", "it", "en"], 2000);
  await page.goto(`/works/${name}/align`, { waitUntil: "commit" });
  const interactiveAt = await page.waitForFunction(
    () => {
      const cell = document.querySelector('[role="row"][data-row-id] [role="gridcell"]');
      return cell && Object.keys(cell).some((key) => key.startsWith("__reactFiber")) ? performance.now() : null;
    },
    undefined,
    { polling: "raf", timeout: 30_000 },
  );
  const milliseconds = Math.round((await interactiveAt.jsonValue()) as number);
  const rows = await dataRows(page).count();
  const elements = await page.evaluate(() => document.querySelectorAll("*").length);
  test.info().annotations.push({ type: "first render", description: `${milliseconds} ms to an interactive grid; ${rows} rows and ${elements} elements in the page` });
  console.log(`2,000-row grid: ${milliseconds} ms to an interactive grid; ${rows} rows and ${elements} elements in the page`);
  expect(rows).toBeLessThan(80);
  await expect(page.getByRole("grid")).toHaveAttribute("aria-rowcount", "2001");
});

const FORTY = ["en", "ru", "fr", "de", "it", "es", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk", "sl", "hr", "sr", "bg", "uk", "be", "ro", "hu", "el", "tr", "ar", "he", "fa", "hi", "bn", "zh", "ja", "ko", "th", "vi", "id", "ms", "sw", "et", "lv"];

test("a 40-edition work: the editor shows five editions, the picker chooses five others, a cell of row 1 is clicked and its row merged", async ({ browser, db }) => {
  test.setTimeout(90_000);
  const name = slug();
  const workId = await createLargeWork(db, name, FORTY, 12);
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: editorSession });
  const page = await context.newPage();
  await page.goto(`/works/${name}/align?e=en,zz`);
  await expect(page.getByRole("note")).toContainText("Not shown: zz");
  await expect(page.getByRole("columnheader")).toHaveCount(2);

  await page.goto(`/works/${name}/align`);
  const headers = page.getByRole("columnheader");
  await expect(headers).toHaveCount(6);
  await page.getByText("Editions shown: 5 of 40").click();
  for (const lang of ["ru", "fr", "de", "it"]) await page.getByRole("checkbox", { name: new RegExp(`^${lang} `) }).uncheck();
  const filter = page.getByRole("searchbox", { name: "Filter" });
  for (const lang of ["ja", "sw", "ar", "th"]) {
    await filter.fill(lang);
    await page.getByRole("checkbox", { name: new RegExp(`^${lang} `) }).check();
  }
  await page.getByRole("button", { name: "Show 5 editions" }).click();
  await expect(page).toHaveURL(/\?e=en,ja,sw,ar,th$/);
  await expect(headers).toHaveCount(6);
  await expect(headers.nth(2)).toHaveAttribute("data-edition", "ja");

  const cell = rowNumbered(page, 1).locator('[role="gridcell"][data-edition="ja"]');
  expect((await cell.boundingBox())!.width).toBeGreaterThanOrEqual(200);
  await cell.click();
  await expect(cell).toHaveAttribute("aria-selected", "true");
  await page.getByRole("button", { name: "Merge with next" }).click();
  await expect(page.getByRole("status")).toContainText("Merged row 1 with row 2");
  await expect(cell).toContainText("ja sentence 2 has five words.");
  expect(await db.alignmentRow.count({ where: { workId } })).toBe(11);
  const hidden = await db.segment.findFirstOrThrow({ where: { workId, text: "lv sentence 2 has five words." }, select: { rowId: true } });
  const shown = await db.segment.findFirstOrThrow({ where: { workId, text: "ja sentence 1 has five words." }, select: { rowId: true } });
  expect(hidden.rowId).toBe(shown.rowId);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await context.close();
});

test("a 40-edition work with every edition shown renders a window of columns; the keyboard reaches the last column, whose cell is corrected and its row merged", async ({ browser, db }) => {
  test.setTimeout(90_000);
  const name = slug();
  const workId = await createLargeWork(db, name, FORTY, 12);
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: editorSession });
  const page = await context.newPage();
  await page.goto(`/works/${name}/align?e=${FORTY.join(",")}`);
  const grid = page.getByRole("grid");
  await expect(grid).toHaveAttribute("aria-colcount", "41");
  await expect(page.locator('.align-editor[data-ready="true"]')).toBeAttached();
  expect(await page.getByRole("columnheader").count()).toBeLessThan(12);

  await rowNumbered(page, 1).locator('[role="gridcell"][data-edition="en"]').click();
  for (let i = 0; i < FORTY.length - 1; i++) await page.keyboard.press("l");
  const last = focusedCell(page);
  await expect(last).toHaveAttribute("data-edition", "lv");
  await expect(last).toHaveAttribute("aria-colindex", "41");
  await expect(last).toHaveAttribute("lang", "lv");
  await expect(last).toBeInViewport();
  await expect(last).toContainText("lv sentence 1 has five words.");
  await expect(page.locator('[role="columnheader"][data-edition="lv"]')).toBeInViewport();
  await expect
    .poll(async () => {
      const [numbers, box] = await Promise.all([rowNumbered(page, 1).getByRole("rowheader").boundingBox(), last.boundingBox()]);
      return box!.x - (numbers!.x + numbers!.width);
    })
    .toBeGreaterThanOrEqual(-1);
  expect(await page.getByRole("columnheader").count()).toBeLessThan(12);
  await page.keyboard.press("0");
  await expect(focusedCell(page)).toHaveAttribute("data-edition", "en");
  await page.keyboard.press("$");
  await expect(last).toHaveAttribute("data-edition", "lv");

  await page.keyboard.press("e");
  await page.getByLabel("Text", { exact: true }).fill("lv sentence 1, corrected.");
  await page.getByLabel("Reason for the correction (required)").fill("typo");
  await page.getByRole("button", { name: "Save the correction" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(last).toContainText("lv sentence 1, corrected.");

  await page.keyboard.press("m");
  await expect(page.getByRole("status")).toContainText("Merged row 1 with row 2");
  const merged = rowNumbered(page, 1).locator('[role="gridcell"][data-edition="lv"]');
  await expect(merged).toContainText("lv sentence 2 has five words.");
  await expect(merged).toBeFocused();
  expect(await db.alignmentRow.count({ where: { workId } })).toBe(11);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await context.close();
});
