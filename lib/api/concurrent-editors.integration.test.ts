/**
 * Editors writing at once through the real route handlers (in-process, with API tokens), the smaller sibling of
 * `npm run bench:load`: no 5xx, the grid invariant holds, exactly one journal entry per accepted write and none
 * for a refused one, no two accepted writes on the same base version touched the same rows, and of two identical
 * writes sent at the same instant on the same base version exactly one is accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { checkLoad, runEditors, type Send } from "../../test/load/editors";
import { createApiToken } from "../db/api-tokens/api-tokens";
import { createActor, createWork, gridVersionOf, oneToOneSpec, type TestWork } from "../db/grid/grid.fixtures";

const EDITORS = 5;
const OPERATIONS = 20;
const SLUG = "concurrent-editors";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let database: TestDatabase;
let work: TestWork;
let tokens: string[];
let routes: Array<{ pattern: RegExp; names: string[]; module: Record<string, Handler> }>;

/** Finds the route a path belongs to, as Next.js would, and calls its handler with the path's parameters. */
const send: Send = async (method, path, headers, body) => {
  const [pathname] = path.split("?");
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) } };
    if (body !== undefined) init.body = JSON.stringify(body);
    return route.module[method](new Request(`http://hexapla.test${path}`, init), { params: Promise.resolve(params) });
  }
  throw new Error(`no route for ${path}`);
};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789";
  work = await createWork(database.prisma, oneToOneSpec(SLUG, ["ru", "fr", "en"], 40));
  tokens = [];
  for (let i = 0; i < EDITORS; i++) {
    const editor = await createActor(database.prisma, "editor", `Editor ${i + 1}`);
    tokens.push((await createApiToken(database.prisma, editor.id, { name: "load" })).token);
  }
  const route = async (template: string, load: () => Promise<unknown>) => {
    const names: string[] = [];
    const pattern = new RegExp(`^${template.replace(/\[(\w+)\]/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
    return { pattern, names, module: (await load()) as Record<string, Handler> };
  };
  routes = await Promise.all([
    route("/api/works/[work]/grid", () => import("@/app/api/works/[work]/grid/route")),
    route("/api/works/[work]/grid/changes", () => import("@/app/api/works/[work]/grid/changes/route")),
    route("/api/works/[work]/grid/operations", () => import("@/app/api/works/[work]/grid/operations/route")),
    route("/api/works/[work]/segments/[segment]/text", () => import("@/app/api/works/[work]/segments/[segment]/text/route")),
  ]);
});

afterAll(async () => {
  await database?.drop();
});

describe("editors at once", () => {
  it(`${EDITORS} editors × ${OPERATIONS} random writes and 10 races: no 5xx, one journal entry per accepted write, no lost update`, async () => {
    const before = await gridVersionOf(database.prisma, work.workId);
    const result = await runEditors({
      send,
      work: SLUG,
      editors: tokens.map((token) => ({ authorization: `Bearer ${token}` })),
      durationMs: 120_000,
      operations: OPERATIONS,
      hotRows: 8,
      races: 10,
      seed: 11,
    });
    const statuses = result.writes.map((write) => write.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.every((status) => [200, 409, 422].includes(status)), statuses.join(",")).toBe(true);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(20);
    expect(statuses.filter((status) => status === 409).length, "editors got in each other's way").toBeGreaterThan(0);
    expect(result.races).toMatchObject({ pairs: 10, bothAccepted: 0, oneAccepted: 10 });

    const check = await checkLoad(database.prisma, work.workId, before, result.writes);
    expect(check.gridProblems).toEqual([]);
    expect(check).toMatchObject({ unjournalled: 0, unexplained: 0, conflictingPairs: 0 });
    expect(check.journalEntries).toBe(check.accepted);
    expect(await gridVersionOf(database.prisma, work.workId)).toBe(before + check.accepted);
  }, 180_000);
});
