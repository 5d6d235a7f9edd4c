/**
 * The variant register through its HTTP API against a real PostgreSQL: recording (scholar or higher, checked
 * on the server), reading with filters, changing (author or editor), exporting; a refused or invalid write
 * leaves every table as it was.
 */
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { hashApiToken } from "../auth/current-user";
import { createScholarWork } from "../search/scholar-work.fixtures";
import { createUser } from "../users/create-user";

type Routes = {
  variants: typeof import("@/app/api/works/[work]/variants/route");
  variant: typeof import("@/app/api/works/[work]/variants/[variant]/route");
  exported: typeof import("@/app/api/works/[work]/variants/export/route");
};

const WORK = "variants-test";
let database: TestDatabase;
let routes: Routes;
let rows: string[];
const tokens: Record<"scholar" | "scholar2" | "editor", string> = { scholar: "", scholar2: "", editor: "" };

async function tokenFor(role: "scholar" | "editor", email: string, name: string): Promise<string> {
  const user = await createUser(database.prisma, { email, name, role, password: "a-long-password" });
  const token = randomBytes(24).toString("hex");
  await database.prisma.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hashApiToken(token) } });
  return token;
}

function request(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Request {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://hexapla.test${path}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

const context = <T extends object>(params: T) => ({ params: Promise.resolve(params) });

async function record(token: string | undefined, body: unknown) {
  const response = await routes.variants.POST(request(`/api/works/${WORK}/variants`, { method: "POST", token, body }), context({ work: WORK }));
  return { status: response.status, body: await response.json() };
}

async function list(query = "") {
  const response = await routes.variants.GET(request(`/api/works/${WORK}/variants${query}`), context({ work: WORK }));
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("hex");
  routes = {
    variants: await import("@/app/api/works/[work]/variants/route"),
    variant: await import("@/app/api/works/[work]/variants/[variant]/route"),
    exported: await import("@/app/api/works/[work]/variants/export/route"),
  };
  const workId = await createScholarWork(database.prisma, WORK);
  rows = (await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" } })).map((row) => row.id);
  tokens.scholar = await tokenFor("scholar", "sol@test.example", "Sol Scholar");
  tokens.scholar2 = await tokenFor("scholar", "sam@test.example", "Sam Scholar");
  tokens.editor = await tokenFor("editor", "eda@test.example", "Eda Editor");
});

afterAll(async () => {
  const { db } = await import("../client");
  await db().$disconnect();
  await database.drop();
});

describe("recording a variant", () => {
  it("lets a scholar record one and everyone read it, with its row number and editions", async () => {
    const created = await record(tokens.scholar, {
      rowId: rows[2],
      editions: ["en", "en-pub"],
      category: "number_date",
      note: "The published text drops the date of the letter (26 May 1928).",
    });
    expect(created.status).toBe(201);
    expect(created.body.variant).toMatchObject({ rowNumber: 3, category: "number_date", status: "open", author: { name: "Sol Scholar" } });
    expect(created.body.variant.editions.map((edition: { slug: string; provenance: string }) => [edition.slug, edition.provenance])).toEqual([
      ["en", "working_translation"],
      ["en-pub", "published"],
    ]);
    const read = await list();
    expect(read.body.variants.map((variant: { id: string }) => variant.id)).toEqual([created.body.variant.id]);
  });

  it("refuses a reader who is not signed in, and changes nothing", async () => {
    const before = await tableContents(database.prisma);
    const refused = await record(undefined, { rowId: rows[1], editions: ["en"], category: "substitution", note: "shot / executed" });
    expect(refused.status).toBe(401);
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("refuses invalid fields, naming each one, and changes nothing", async () => {
    const before = await tableContents(database.prisma);
    const invalid = await record(tokens.scholar, { rowId: rows[1], editions: [], category: "typo", note: "  " });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.issues.map((issue: { path: string }) => issue.path)).toEqual(["editions", "category", "note"]);
    const unknownEdition = await record(tokens.scholar, { rowId: rows[1], editions: ["en", "de"], category: "substitution", note: "shot / executed" });
    expect(unknownEdition.status).toBe(422);
    expect(unknownEdition.body.error.details.issues).toEqual([{ path: "editions", message: "this work has no edition “de”" }]);
    const otherRow = await record(tokens.scholar, { rowId: "00000000-0000-4000-8000-000000000000", editions: ["en"], category: "other", note: "x" });
    expect(otherRow.status).toBe(422);
    expect(otherRow.body.error.details.issues[0].path).toBe("rowId");
    expect(await tableContents(database.prisma)).toEqual(before);
  });
});

describe("the register", () => {
  beforeAll(async () => {
    await record(tokens.scholar2, { rowId: rows[1], editions: ["en", "en-pub"], category: "softening_intensifying", note: "«Расстреляны»: shot, or executed?" });
    await record(tokens.scholar2, { rowId: rows[3], editions: ["ru", "en-pub"], category: "addition", note: "The published text adds “patiently”.", status: "confirmed" });
  });

  it("filters by category, edition, status, author, row and the text of the notes", async () => {
    const rowsOf = async (query: string) => (await list(query)).body.variants.map((variant: { rowNumber: number }) => variant.rowNumber);
    expect(await rowsOf("")).toEqual([2, 3, 4]);
    expect(await rowsOf("?category=addition")).toEqual([4]);
    expect(await rowsOf("?edition=ru")).toEqual([4]);
    expect(await rowsOf("?status=open")).toEqual([2, 3]);
    const author = (await database.prisma.user.findUniqueOrThrow({ where: { email: "sam@test.example" } })).id;
    expect(await rowsOf(`?author=${author}`)).toEqual([2, 4]);
    expect(await rowsOf("?row=3")).toEqual([3]);
    expect(await rowsOf("?row=99")).toEqual([]);
    expect(await rowsOf("?q=РАССТРЕЛЯНЫ")).toEqual([2]);
    expect(await rowsOf("?q=patiently")).toEqual([4]);
    expect(await rowsOf("?q=100%25")).toEqual([]);
  });

  it("answers an invalid filter with the parameter named", async () => {
    const response = await list("?category=typo");
    expect(response.status).toBe(422);
    expect(response.body.error.details.issues[0].path).toBe("category");
  });

  it("lets the author or an editor change a variant, and no other scholar", async () => {
    const [first] = (await list("?row=3")).body.variants;
    const patch = (token: string, body: unknown) =>
      routes.variant.PATCH(request(`/api/works/${WORK}/variants/${first.id}`, { method: "PATCH", token, body }), context({ work: WORK, variant: first.id }));
    const before = await tableContents(database.prisma);
    const refused = await patch(tokens.scholar2, { status: "rejected" });
    expect(refused.status).toBe(403);
    expect(await tableContents(database.prisma)).toEqual(before);
    expect((await database.prisma.variant.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("open");
    const byEditor = await patch(tokens.editor, { status: "confirmed" });
    expect(byEditor.status).toBe(200);
    const byAuthor = await patch(tokens.scholar, { note: "The date of the letter is missing.", editions: ["en-pub"] });
    expect((await byAuthor.json()).variant).toMatchObject({ status: "confirmed", note: "The date of the letter is missing.", editions: [{ slug: "en-pub" }] });
  });

  it("exports CSV and JSON with every edition's provenance and the row's texts", async () => {
    const csvResponse = await routes.exported.GET(request(`/api/works/${WORK}/variants/export?format=csv&category=addition`), context({ work: WORK }));
    expect(csvResponse.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, ...lines] = parse((await csvResponse.text()).replace(/^\uFEFF/, "")) as string[][];
    expect(header.slice(9)).toEqual([
      "text ru (Working translation, stands in for the Russian original)",
      "text en (Working translation)",
      "text en-pub (Published text)",
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0].slice(1, 5)).toEqual(["4", "Addition", "Confirmed", "The published text adds “patiently”."]);
    expect(lines[0][8]).toBe("ru (Working translation, stands in for the Russian original); en-pub (Published text)");
    expect(lines[0].slice(9)).toEqual(["Оппозиция ждала, и власти знали это.", "", "The Opposition waited patiently, and the authorities knew it."]);

    const jsonResponse = await routes.exported.GET(request(`/api/works/${WORK}/variants/export?format=json`), context({ work: WORK }));
    const json = await jsonResponse.json();
    expect(json.editions.map((edition: { slug: string; provenanceLabel: string }) => `${edition.slug}: ${edition.provenanceLabel}`)).toEqual([
      "ru: Working translation",
      "en: Working translation",
      "en-pub: Published text",
    ]);
    expect(json.editions.map((edition: { isOriginal: boolean; role: string }) => [edition.isOriginal, edition.role])).toEqual([
      [false, "Working translation (stands in for the Russian original)"],
      [false, "Translation"],
      [false, "Translation"],
    ]);
    expect(json.variants).toHaveLength(3);
  });
});
