/**
 * Reads that can be large answer a page at a time: the grid, the variant register, search and the journal, through
 * their route handlers against a real database. Each refuses a page over its limit (422) and an unknown cursor, and
 * following `next` gives every item once, in order — the same items as one read of everything.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { demoCorpusDir } from "../db/boot";
import { seedDemo } from "../db/demo/seed-demo";
import { applyEditorOperation } from "../db/grid/apply-operation";
import { createActor } from "../db/grid/grid.fixtures";
import { loadEditorGrid } from "../db/grid/load-grid";
import { PAGE_LIMIT_MAX, SEARCH_LIMIT_MAX } from "./schemas";

const BASE = "http://hexapla.test";
const WORK = "thirst-for-power";

type Handler = (request: Request, context: { params: Promise<{ work: string }> }) => Promise<Response>;
type Page = { next: string | null } & Record<string, unknown>;

let database: TestDatabase;
let workId: string;
let routes: Record<string, Handler>;
/** The row index (0-based) of each variant made, in the order made. */
let variantRows: number[];

async function get(route: string, query: string): Promise<Response> {
  return routes[route](new Request(`${BASE}/api/works/${WORK}/${route}?${query}`), { params: Promise.resolve({ work: WORK }) });
}

/** Every page from the first, following `next`; returns the pages. */
async function allPages(route: string, query: string): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const response = await get(route, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    pages.push(page);
    cursor = page.next;
  } while (cursor !== null && pages.length < 1000);
  return pages;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789";
  ({ workId } = await seedDemo(database.prisma, demoCorpusDir));
  const rows = await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
  const n = rows.length;
  variantRows = [Math.floor(n * 0.6), 3, 3, Math.floor(n * 0.3), n - 1];
  for (const [i, index] of variantRows.entries()) {
    await database.prisma.variant.create({ data: { workId, rowId: rows[index].id, category: "other", note: `variant ${i}` } });
  }
  const editor = await createActor(database.prisma, "editor");
  for (const row of rows.slice(0, 3)) {
    const { gridVersion } = await database.prisma.work.findUniqueOrThrow({ where: { id: workId } });
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId: row.id, status: "confirmed" }, baseVersion: gridVersion });
  }
  routes = {
    grid: (await import("@/app/api/works/[work]/grid/route")).GET,
    variants: (await import("@/app/api/works/[work]/variants/route")).GET,
    search: (await import("@/app/api/works/[work]/search/route")).GET,
    journal: (await import("@/app/api/works/[work]/journal/route")).GET,
  };
});
afterAll(async () => database?.drop());

describe("paged reads", () => {
  it.each([
    ["grid", "", PAGE_LIMIT_MAX],
    ["variants", "", PAGE_LIMIT_MAX],
    ["journal", "", PAGE_LIMIT_MAX],
    ["search", "q=Stalin&", SEARCH_LIMIT_MAX],
  ] as const)("%s refuses a page over its limit and a cursor it did not give out", async (route, query, max) => {
    expect((await get(route, `${query}limit=${max}`)).status).toBe(200);
    const over = await get(route, `${query}limit=${max + 1}`);
    expect(over.status).toBe(422);
    expect(JSON.stringify(await over.json())).toContain("limit");
    expect((await get(route, `${query}cursor=bm90LWEtY3Vyc29y`)).status).toBe(422);
  });

  it("the grid: every row once, in order, each page of the same version", async () => {
    const whole = await loadEditorGrid(database.prisma, workId);
    const pages = await allPages("grid", "limit=25");
    expect(pages.length).toBe(Math.ceil(whole.rows.length / 25));
    expect(pages.every((page) => page.version === whole.version)).toBe(true);
    expect(pages.flatMap((page) => page.rows as unknown[])).toEqual(whole.rows);
  });

  it("the variant register: in reading order, a page at a time", async () => {
    const pages = await allPages("variants", "limit=2");
    expect(pages.map((page) => (page.variants as unknown[]).length)).toEqual([2, 2, 1]);
    const notes = pages.flatMap((page) => (page.variants as { note: string; rowNumber: number }[]).map((v) => [v.rowNumber, v.note]));
    const expected = variantRows.map((index, i) => [index + 1, `variant ${i}`]).sort((a, b) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1])));
    expect(notes).toEqual(expected);
  });

  it("search: the pages together are the one big page", async () => {
    const one = (await (await get("search", `q=power&limit=${SEARCH_LIMIT_MAX}`)).json()) as { rows: { rowNumber: number }[]; next: string | null };
    expect(one.next).toBeNull();
    expect(one.rows.length).toBeGreaterThan(4);
    const pages = await allPages("search", "q=power&limit=2");
    expect(pages.length).toBe(Math.ceil(one.rows.length / 2));
    expect(pages.flatMap((page) => page.rows as unknown[])).toEqual(one.rows);
  });

  it("the journal: newest first, a page at a time", async () => {
    const entries = await database.prisma.gridOperation.findMany({ where: { workId }, orderBy: { gridVersion: "desc" }, select: { id: true } });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const pages = await allPages("journal", "limit=1");
    expect(pages.flatMap((page) => (page.entries as { id: string }[]).map((entry) => entry.id))).toEqual(entries.map((entry) => entry.id));
  });
});
