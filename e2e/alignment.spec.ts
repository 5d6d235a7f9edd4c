/**
 * The automatic alignment page end to end: an editor confirms a row, re-aligns and finds the row unchanged;
 * choosing the pivot; two starts at once (one refused with 409); what a scholar may do; axe on the page. Every
 * test that aligns works on a work of its own (the demo work is only read).
 */
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { Db } from "../lib/db/client";
import { createApiToken } from "../lib/db/api-tokens/api-tokens";
import { createWork, type TestWork } from "../lib/db/grid/grid.fixtures";
import { expect, test, userOf } from "./fixtures";

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
const EDITOR = userOf("editor", 0).email;
const SCHOLAR = userOf("scholar").email;

/**
 * A browser acting as the user through an API token (the app accepts `Authorization: Bearer` on every request,
 * pages included), so this file spends none of the five sign-ins a minute the other files need.
 */
async function as(browser: Browser, db: Db, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const { token } = await createApiToken(db, user.id, { name: `e2e alignment ${randomBytes(3).toString("hex")}` });
  const context = await browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  return { context, page: await context.newPage() };
}

/** A small work of three editions, its first grid deliberately rough (two-sentence rows everywhere). */
async function roughWork(db: Db): Promise<{ slug: string; work: TestWork }> {
  const slug = `e2e-autoalign-${randomBytes(4).toString("hex")}`;
  const work = await createWork(db, {
    slug,
    editions: {
      ru: [
        "Вышинский говорил о жажде власти.",
        "Каменев и Зиновьев признались во всём.",
        "В 1926 году оппозиция выступила с программой.",
        "Сталин ответил арестами.",
        "Бухарин молчал.",
        "Радек писал статьи в 1936 году.",
      ],
      fr: [
        "Vychinski parlait de la soif du pouvoir.",
        "Kamenev et Zinoviev ont tout avoué.",
        "En 1926, l'opposition présenta un programme.",
        "Staline répondit par des arrestations.",
        "Boukharine se taisait.",
        "Radek écrivait des articles en 1936.",
      ],
      en: [
        "Vyshinsky spoke of the thirst for power.",
        "Kamenev and Zinoviev confessed to everything.",
        "In 1926 the opposition put forward a program.",
        "Stalin answered with arrests.",
        "Bukharin kept silent.",
        "Radek wrote articles in 1936.",
      ],
    },
    rows: [
      { ru: 2, fr: 2, en: 2 },
      { ru: 2, fr: 2, en: 2 },
      { ru: 2, fr: 2, en: 2 },
    ],
  });
  return { slug, work };
}

async function cellsOf(db: Db, rowId: string) {
  const row = await db.alignmentRow.findUniqueOrThrow({ where: { id: rowId }, include: { segments: { orderBy: { position: "asc" }, select: { id: true } } } });
  return { id: row.id, status: row.status, confidence: row.confidence, segments: row.segments.map((s) => s.id) };
}

test("an editor confirms a row, re-aligns, and finds the row unchanged", async ({ browser, db }) => {
  const { slug, work } = await roughWork(db);
  const confirmedRow = work.rowIds[1];
  const { context, page } = await as(browser, db, EDITOR);
  const { gridVersion } = await db.work.findUniqueOrThrow({ where: { id: work.workId } });
  const confirmed = await page.request.post(`/api/works/${slug}/grid/operations`, {
    data: { op: { type: "setStatus", rowId: confirmedRow, status: "confirmed" }, baseVersion: gridVersion },
  });
  expect(confirmed.status()).toBe(200);
  const before = await cellsOf(db, confirmedRow);

  await page.goto(`/works/${slug}/alignment`);
  await expect(page.locator('[data-figure="confirmed"]')).toHaveText("1");
  await page.getByRole("button", { name: "Re-align (keeps confirmed rows)" }).click();
  await expect(page.getByRole("group", { name: "Confirm the alignment" })).toContainText("1 confirmed row is kept");
  await page.getByRole("button", { name: "Re-align now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Re-aligned" })).toContainText("the confirmed row kept as it was", { timeout: 30_000 });

  expect(await cellsOf(db, confirmedRow)).toEqual(before);
  const rows = await db.alignmentRow.findMany({ where: { workId: work.workId }, orderBy: { position: "asc" }, select: { id: true, status: true } });
  expect(rows.length).toBeGreaterThan(3);
  expect(rows.filter((row) => row.status === "confirmed").map((row) => row.id)).toEqual([confirmedRow]);

  await page.goto(`/works/${slug}/compare`);
  const number = rows.findIndex((row) => row.id === confirmedRow) + 1;
  await expect(page.locator(`#r${number} [role="rowheader"] > span`)).toHaveText("confirmed");
  await context.close();
});

test("an editor aligns the work to another pivot, sees its statistics and least confident rows, and restores the grid it replaced", async ({ browser, db }) => {
  const { slug, work } = await roughWork(db);
  const { context, page } = await as(browser, db, EDITOR);
  await page.goto(`/works/${slug}/alignment`);
  await page.getByLabel("Pivot").selectOption("fr");
  await page.getByRole("button", { name: "Align", exact: true }).click();
  await page.getByRole("button", { name: "Align now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Last run" })).toContainText("Aligned in", { timeout: 30_000 });
  await expect(page.locator("table.alignment-shapes caption")).toContainText("(fr)");
  await expect(page.locator('[data-figure="rows"]')).toHaveText("6");
  const firstUncertain = page.locator("table.alignment-uncertain tbody tr").first();
  const link = firstUncertain.getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toMatch(new RegExp(`^/works/${slug}/compare#r\\d+$`));
  await link.click();
  await expect(page.locator(`#${href!.split("#")[1]}`)).toBeInViewport();
  expect((await db.work.findUniqueOrThrow({ where: { slug } })).pivotEditionId).toBe(
    (await db.edition.findFirstOrThrow({ where: { work: { slug }, slug: "fr" } })).id,
  );

  /* The journal restores the grid the run replaced: every row as it was before. */
  const aligned = await gridRows(db, slug);
  await page.goto(`/works/${slug}/journal`);
  await page.locator('tr[data-kind="align"]').getByRole("button", { name: "Restore the grid before this" }).click();
  await page.getByRole("button", { name: "Restore now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restored the grid" })).toBeVisible();
  await expect(page.locator('tr[data-kind="restore"]')).toHaveCount(1);
  const restored = await gridRows(db, slug);
  expect(restored).not.toEqual(aligned);
  expect(restored.map((row) => row.id)).toEqual(work.rowIds);
  await context.close();
});

async function gridRows(db: Db, slug: string) {
  return db.alignmentRow.findMany({ where: { work: { slug } }, orderBy: { position: "asc" }, select: { id: true, status: true } });
}

test("two starts at once: one is accepted (202), the other refused (409) naming the running job", async ({ browser, db }) => {
  const { slug } = await roughWork(db);
  const { context, page } = await as(browser, db, EDITOR);
  const responses = await Promise.all(["align", "realign"].map((mode) => page.request.post(`/api/works/${slug}/align`, { data: { mode } })));
  expect(responses.map((r) => r.status()).sort()).toEqual([202, 409]);
  const accepted = (await responses.find((r) => r.status() === 202)!.json()) as { job: { id: string } };
  const refused = (await responses.find((r) => r.status() === 409)!.json()) as { error: { code: string; details: { job: { id: string } } } };
  expect(refused.error.code).toBe("conflict");
  expect(refused.error.details.job.id).toBe(accepted.job.id);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/works/${slug}/align/${accepted.job.id}`)).json()) as { job: { status: string } }).job.status, {
      timeout: 30_000,
    })
    .toBe("done");
  const tooLate = await page.request.post(`/api/works/${slug}/jobs/${accepted.job.id}/cancel`);
  expect(tooLate.status()).toBe(409);
  await context.close();
});

test("a scholar may read the page and a job but not start one", async ({ browser, db }) => {
  const { slug } = await roughWork(db);
  const { context, page } = await as(browser, db, SCHOLAR);
  await page.goto(`/works/${slug}/alignment`);
  await expect(page.getByText("Aligning needs the editor role.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Align", exact: true })).toHaveCount(0);
  const refused = await page.request.post(`/api/works/${slug}/align`, { data: { mode: "align" } });
  expect(refused.status()).toBe(403);
  const invalid = await page.request.get(`/api/works/${slug}/align/00000000-0000-0000-0000-000000000000`);
  expect(invalid.status()).toBe(404);
  const cancel = await page.request.post(`/api/works/${slug}/jobs/00000000-0000-0000-0000-000000000000/cancel`);
  expect(cancel.status()).toBe(403);
  await context.close();
});

test("an invalid request to start an alignment is answered 422 naming the field", async ({ browser, db }) => {
  const { slug } = await roughWork(db);
  const { context, page } = await as(browser, db, EDITOR);
  const wrongMode = await page.request.post(`/api/works/${slug}/align`, { data: { mode: "everything" } });
  expect(wrongMode.status()).toBe(422);
  expect(((await wrongMode.json()) as { error: { message: string } }).error.message).toContain("mode");
  const wrongPivot = await page.request.post(`/api/works/${slug}/align`, { data: { mode: "align", pivot: "de" } });
  expect(wrongPivot.status()).toBe(422);
  expect(await db.job.count({ where: { work: { slug } } })).toBe(0);
  await context.close();
});

for (const who of ["anonymous", "editor"] as const) {
  test(`the alignment page passes an accessibility check (${who})`, async ({ browser, db }) => {
    const context = who === "editor" ? (await as(browser, db, EDITOR)).context : await browser.newContext({ baseURL: BASE_URL });
    const page = context.pages()[0] ?? (await context.newPage());
    if (who === "editor") {
      const { slug } = await roughWork(db);
      await page.goto(`/works/${slug}/alignment`);
      await page.getByRole("button", { name: "Re-align (keeps confirmed rows)" }).click();
      await page.getByRole("button", { name: "Re-align now" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Last run" })).toBeVisible({ timeout: 30_000 });
    } else {
      await page.goto("/works/thirst-for-power/alignment");
      await expect(page.locator("table.alignment-uncertain")).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
    await context.close();
  });
}
