/**
 * The alignment editor end to end: an editor's keyboard session (merge, split, confirm, undo, redo), two
 * editors on the same segment (one saves, the other is told and keeps their text), live updates, the journal
 * and row history, refusals at the HTTP level (401 without a session, 403 for a scholar, 409 for a stale
 * write), and axe on the pages. Every test works on a work of its own.
 */
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { hashApiToken } from "../lib/db/auth/current-user";
import type { Db } from "../lib/db/client";
import { createWork, type TestWork } from "../lib/db/grid/grid.fixtures";
import { expect, test, userOf } from "./fixtures";
import { E2E_PASSWORD } from "./users";

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const sessions: Record<string, StorageState> = {};

/**
 * Signs in once per editor for the whole file, waiting out a 429: sign-ins are rate-limited per client, and
 * every e2e test signs in from the same address.
 */
test.beforeAll(async ({ playwright }) => {
  test.setTimeout(180_000);
  for (const user of [userOf("editor", 0), userOf("editor", 1)]) {
    const request = await playwright.request.newContext({ baseURL: BASE_URL });
    for (;;) {
      const response = await request.post("/api/auth/sign-in/email", { data: { email: user.email, password: E2E_PASSWORD } });
      if (response.status() !== 429) {
        expect(response.ok(), `sign-in of ${user.email}`).toBe(true);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, (Number(response.headers()["x-retry-after"] ?? 10) + 1) * 1000));
    }
    sessions[user.email] = await request.storageState();
    await request.dispose();
  }
});

async function as(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: sessions[email] });
  return { context, page: await context.newPage() };
}

/** A browser that authenticates every request with an API token of the user (no sign-in needed). */
async function withToken(browser: Browser, db: Db, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const token = `e2e-${randomBytes(16).toString("hex")}`;
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await db.apiToken.create({ data: { userId: user.id, name: `e2e ${token.slice(0, 12)}`, tokenHash: hashApiToken(token) } });
  const context = await browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  return { context, page: await context.newPage() };
}

const EDITOR = userOf("editor", 0).email;
const EDITOR2 = userOf("editor", 1).email;
const SCHOLAR = userOf("scholar").email;

function slug(): string {
  return `e2e-align-${randomBytes(4).toString("hex")}`;
}

/** Three rows, each one Russian and one French sentence. */
async function threeRows(db: Parameters<typeof createWork>[0]): Promise<{ slug: string; work: TestWork }> {
  const name = slug();
  const work = await createWork(db, {
    slug: name,
    editions: {
      ru: ["Первое предложение здесь.", "Второе предложение здесь.", "Третье предложение здесь."],
      fr: ["Première phrase ici.", "Deuxième phrase ici.", "Troisième phrase ici."],
    },
    rows: [
      { ru: 1, fr: 1 },
      { ru: 1, fr: 1 },
      { ru: 1, fr: 1 },
    ],
  });
  return { slug: name, work };
}

const dataRows = (page: Page) => page.locator('[role="row"][data-row-id]');
const cell = (page: Page, row: number, edition: string) => dataRows(page).nth(row - 1).locator(`[role="gridcell"][data-edition="${edition}"]`);

test("an editor merges, splits, confirms, undoes and redoes from the keyboard, and the mouse works too", async ({ browser, db }) => {
  const { slug: name, work } = await threeRows(db);
  const { context, page } = await as(browser, EDITOR);
  await page.goto(`/works/${name}/align`);
  await expect(dataRows(page)).toHaveCount(3);
  await cell(page, 1, "ru").click();

  await page.keyboard.press("m");
  await expect(dataRows(page)).toHaveCount(2);
  await expect(page.getByRole("status")).toContainText("Merged row 1 with row 2");
  await expect(cell(page, 1, "fr")).toContainText("Deuxième phrase");

  await page.keyboard.press("s");
  const split = page.getByRole("dialog", { name: "Split row 1" });
  await expect(split).toBeVisible();
  await split.getByRole("button", { name: "Split the row" }).click();
  await expect(dataRows(page)).toHaveCount(3);
  await expect(cell(page, 2, "ru")).toContainText("Второе предложение");

  await page.keyboard.press("c");
  await expect(dataRows(page).nth(0).locator(".row-status")).toHaveText("✓ confirmed");

  await page.keyboard.press("u");
  await expect(dataRows(page).nth(0).locator(".row-status")).not.toHaveText("✓ confirmed");
  await page.keyboard.press("u");
  await expect(dataRows(page)).toHaveCount(2);
  await page.keyboard.press("u");
  await expect(dataRows(page)).toHaveCount(3);
  await expect(dataRows(page).nth(0).locator(".row-status")).toHaveText("50%");
  await page.keyboard.press("Shift+U");
  await expect(dataRows(page)).toHaveCount(2);

  await page.keyboard.press("j");
  await expect(cell(page, 2, "ru")).toBeFocused();
  await page.getByRole("button", { name: "Merge with next" }).click();
  const alert = page.locator(".align-editor").getByRole("alert");
  await expect(alert).toContainText("is the last row: there is no next row to merge it with");
  await page.keyboard.press("k");
  await expect(cell(page, 1, "ru")).toBeFocused();
  await page.getByRole("button", { name: "Merge with next" }).click();
  await expect(dataRows(page)).toHaveCount(1);
  await expect(alert).toHaveCount(0);

  const kinds = await db.gridOperation.findMany({ where: { workId: work.workId }, orderBy: { gridVersion: "asc" }, select: { kind: true } });
  expect(kinds.map((k) => k.kind)).toEqual(["mergeRows", "splitRow", "setStatus", "undo", "undo", "undo", "redo", "mergeRows"]);
  await context.close();
});

test("two editors correct the same segment: one saves, the other is told (409), keeps their text and can save after reloading", async ({ browser, db }) => {
  const { slug: name, work } = await threeRows(db);
  const a = await as(browser, EDITOR);
  const b = await as(browser, EDITOR2);
  for (const { page } of [a, b]) {
    await page.goto(`/works/${name}/align`);
    await expect(page.getByText("Live: changes by other editors appear here.")).toBeVisible();
    await cell(page, 1, "ru").click();
    await page.keyboard.press("e");
  }
  await b.page.getByLabel("Text", { exact: true }).fill("Первое предложение, исправленное вторым редактором.");
  await b.page.getByLabel("Reason for the correction (required)").fill("punctuation");

  await a.page.getByLabel("Text", { exact: true }).fill("Первое предложение, исправленное.");
  await a.page.getByLabel("Reason for the correction (required)").fill("typo in the source");
  await a.page.getByRole("button", { name: "Save the correction" }).click();
  await expect(a.page.getByRole("dialog")).toHaveCount(0);
  await expect(cell(a.page, 1, "ru")).toContainText("исправленное.");
  await expect(cell(b.page, 1, "ru")).toContainText("исправленное.");

  const refused = b.page.waitForResponse((response) => response.url().endsWith("/text") && response.request().method() === "PUT");
  await b.page.getByRole("button", { name: "Save the correction" }).click();
  expect((await refused).status()).toBe(409);
  const dialog = b.page.getByRole("dialog");
  await expect(dialog.getByRole("alert")).toContainText("Eda Editor");
  await expect(dialog.getByLabel("Text", { exact: true })).toHaveValue("Первое предложение, исправленное вторым редактором.");
  await dialog.getByRole("button", { name: "Load the current text" }).click();
  await expect(dialog.locator(".current-text")).toContainText("Первое предложение, исправленное.");
  await expect(dialog.getByLabel("Text", { exact: true })).toHaveValue("Первое предложение, исправленное вторым редактором.");
  await dialog.getByRole("button", { name: "Save the correction" }).click();
  await expect(b.page.getByRole("dialog")).toHaveCount(0);
  await expect(cell(a.page, 1, "ru")).toContainText("вторым редактором");

  const segment = await db.segment.findUniqueOrThrow({ where: { id: work.segmentIds.ru[0] } });
  expect(segment.text).toBe("Первое предложение, исправленное вторым редактором.");
  expect(await db.revision.count({ where: { segmentId: segment.id } })).toBe(2);
  await a.context.close();
  await b.context.close();
});

test("another editor's grid operation appears in an open page without reloading it", async ({ browser, db }) => {
  const { slug: name } = await threeRows(db);
  const a = await as(browser, EDITOR);
  const b = await as(browser, EDITOR2);
  await b.page.goto(`/works/${name}/align`);
  await expect(b.page.getByText("Live: changes by other editors appear here.")).toBeVisible();
  await b.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await a.page.goto(`/works/${name}/align`);
  await cell(a.page, 2, "fr").click();
  await a.page.keyboard.press("m");
  await expect(dataRows(b.page)).toHaveCount(2);
  await expect(b.page.getByRole("status")).toContainText("Eda Editor changed the grid: Merged row 2 with row 3");
  expect(await b.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await a.context.close();
  await b.context.close();
});

test("a stale grid operation is refused with 409 and what changed; the page offers a one-click reload", async ({ browser, db }) => {
  const { slug: name, work } = await threeRows(db);
  const { context, page } = await as(browser, EDITOR2);
  await page.route("**/grid/events", (route) => route.abort());
  await page.goto(`/works/${name}/align`);
  await cell(page, 1, "ru").click();

  const version = (await db.work.findUniqueOrThrow({ where: { id: work.workId } })).gridVersion;
  const other = await as(browser, EDITOR);
  const first = await other.page.request.post(`/api/works/${name}/grid/operations`, { data: { op: { type: "mergeRows", rowId: work.rowIds[0] }, baseVersion: version } });
  expect(first.status()).toBe(200);
  const stale = await other.page.request.post(`/api/works/${name}/grid/operations`, {
    data: { op: { type: "setStatus", rowId: work.rowIds[0], status: "confirmed" }, baseVersion: version },
  });
  expect(stale.status()).toBe(409);
  const body = (await stale.json()) as { error: { code: string; details: { changes: { summary: string }[] } } };
  expect(body.error.code).toBe("stale");
  expect(body.error.details.changes.map((c) => c.summary)).toEqual(["Merged row 1 with row 2"]);

  await expect(dataRows(page)).toHaveCount(3);
  const refused = page.waitForResponse((response) => response.url().endsWith("/grid/operations"));
  await page.keyboard.press("c");
  expect((await refused).status()).toBe(409);
  const notice = page.locator(".align-editor").getByRole("alert");
  await expect(notice).toContainText("Eda Editor");
  await expect(notice).toContainText("Merged row 1 with row 2");
  await notice.getByRole("button", { name: "Reload the changes" }).click();
  await expect(dataRows(page)).toHaveCount(2);
  await expect(notice).toHaveCount(0);
  expect(await db.alignmentRow.count({ where: { workId: work.workId, status: "confirmed" } })).toBe(0);
  await context.close();
  await other.context.close();
});

test("nobody changes anything without the editor role: 401 without a session, 403 for a scholar", async ({ browser, db, playwright }) => {
  const { slug: name, work } = await threeRows(db);
  const api = `/api/works/${name}`;
  const writes = [
    { method: "post", url: `${api}/grid/operations`, data: { op: { type: "mergeRows", rowId: work.rowIds[0] }, baseVersion: 1 } },
    { method: "post", url: `${api}/grid/undo`, data: { baseVersion: 1 } },
    { method: "post", url: `${api}/grid/redo`, data: { baseVersion: 1 } },
    { method: "put", url: `${api}/segments/${work.segmentIds.ru[0]}/text`, data: { text: "Подмена.", reason: "test", baseVersion: 0 } },
  ] as const;
  const anonymous = await playwright.request.newContext({ baseURL: BASE_URL });
  for (const write of writes) {
    const response = await anonymous[write.method](write.url, { data: write.data });
    expect(response.status(), `${write.method} ${write.url} without a session`).toBe(401);
  }
  expect((await anonymous.get(`${api}/grid`)).status()).toBe(200);
  await anonymous.dispose();

  const { context, page } = await withToken(browser, db, SCHOLAR);
  for (const write of writes) {
    const response = await page.request[write.method](write.url, { data: write.data });
    expect(response.status(), `${write.method} ${write.url} as a scholar`).toBe(403);
  }
  await page.goto(`/works/${name}/align`);
  await expect(page.getByText("You can read and review; changing the alignment needs the editor role.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Merge with next" })).toBeDisabled();
  expect(await db.gridOperation.count({ where: { workId: work.workId } })).toBe(0);
  expect(await db.revision.count({ where: { segment: { workId: work.workId } } })).toBe(0);
  await context.close();
});

test("the journal lists and filters the changes, and a row's history shows its revisions as diffs that can be reverted", async ({ browser, db }) => {
  const { slug: name, work } = await threeRows(db);
  const { context, page } = await as(browser, EDITOR);
  const post = async (op: unknown) => {
    const version = (await db.work.findUniqueOrThrow({ where: { id: work.workId } })).gridVersion;
    expect((await page.request.post(`/api/works/${name}/grid/operations`, { data: { op, baseVersion: version } })).status()).toBe(200);
  };
  await post({ type: "setStatus", rowId: work.rowIds[2], status: "confirmed" });
  await post({ type: "mergeRows", rowId: work.rowIds[0] });
  const text = await page.request.put(`/api/works/${name}/segments/${work.segmentIds.fr[2]}/text`, {
    data: { text: "Troisième phrase, ici.", reason: "missing comma", baseVersion: 0 },
  });
  expect(text.status()).toBe(200);

  await page.goto(`/works/${name}/journal`);
  await expect(page.locator("table.journal tbody tr")).toHaveCount(3);
  await page.getByLabel("What").selectOption("mergeRows");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=mergeRows/);
  await expect(page.locator("table.journal tbody tr")).toHaveCount(1);
  await expect(page.locator("table.journal")).toContainText("Merged row 1 with row 2");
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);

  await page.goto(`/works/${name}/rows/${work.rowIds[2]}`);
  await expect(page.getByRole("heading", { name: "Row 2: history" })).toBeVisible();
  await expect(page.locator(".change-list")).toContainText("Confirmed row 3");
  await expect(page.locator(".revision-diff ins")).toContainText(",");
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
  await page.getByRole("button", { name: "Revert this revision" }).click();
  await expect(page.locator(".revision").first()).toContainText("Revert of “missing comma”");
  expect((await db.segment.findUniqueOrThrow({ where: { id: work.segmentIds.fr[2] } })).text).toBe("Troisième phrase ici.");
  await context.close();
});

test("the editor page passes an accessibility check, with the shortcuts dialog open too", async ({ browser, db }) => {
  const { slug: name } = await threeRows(db);
  const { context, page } = await as(browser, EDITOR);
  await page.goto(`/works/${name}/align`);
  await expect(dataRows(page)).toHaveCount(3);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await cell(page, 1, "ru").click();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(cell(page, 1, "ru")).toBeFocused();
  await context.close();
});

test("a visitor can read the demo work's alignment in the editor page, without edit controls, and it passes axe", async ({ page, db }) => {
  /* axe over the whole grid (six editions since the English extracted text joined the demo) takes most of the default 30 s on 2 cores. */
  test.setTimeout(90_000);
  await page.goto("/works/thirst-for-power/align");
  await expect(dataRows(page)).toHaveCount(await db.alignmentRow.count({ where: { work: { slug: "thirst-for-power" } } }));
  await expect(page.getByText("Reading only: sign in as an editor to change the alignment.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Merge with next" })).toBeDisabled();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
