/**
 * Hostile input at the HTTP boundaries, through the route handlers against a real database: every case is answered
 * with a clear error naming what is wrong and where (status 415, 422; 413 is request-bounds.integration.test.ts's),
 * never a 500, and leaves every table's contents as they were. The parsers' own cases are the hostile corpus's
 * (test/hostile-files.ts) and lib/formats/hostile-input.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../test/database";
import { createApiToken } from "../db/api-tokens/api-tokens";
import { demoCorpusDir } from "../db/boot";
import { seedDemo } from "../db/demo/seed-demo";
import { searchWork } from "../db/search/search-work";
import { createUser } from "../db/users/create-user";
import { exportWorkJson, type WorkExport } from "../formats";
import { sampleWork } from "../formats/fixtures/sample-work";
import { MAX_BLOCK_CHARS } from "../text/limits";

const BASE = "http://hexapla.test";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const FRONT = "---\nwork: thirst-for-power\nedition: de\nlanguage: de\ntitle: Machtgier\nprovenance: imported\noriginal: false\n---\n\nEin Satz.\n";

/** The sample work under another slug, changed by `change` (a copy: the fixture is shared). */
function workJson(change: (work: WorkExport) => void): string {
  const work = structuredClone({ ...sampleWork, work: { ...sampleWork.work, slug: "hostile" } });
  change(work);
  return exportWorkJson(work);
}

describe("hostile input at the HTTP boundaries", () => {
  let database: TestDatabase;
  let editor: string;
  let importRoute: Handler;
  let worksRoute: Handler;
  let textRoute: Handler;
  let variantsRoute: Handler;
  let searchRoute: Handler;
  let variantsList: Handler;
  let journalRoute: Handler;
  let before: Awaited<ReturnType<typeof tableContents>>;
  const work = { params: Promise.resolve({ work: "thirst-for-power" }) };

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789";
    await seedDemo(database.prisma, demoCorpusDir);
    const user = await createUser(database.prisma, { email: "eda@example.test", name: "Eda", role: "editor", password: "a long enough password" });
    editor = (await createApiToken(database.prisma, user.id, { name: "tests" })).token;
    importRoute = (await import("@/app/api/works/[work]/import/route")).POST as Handler;
    worksRoute = (await import("@/app/api/works/route")).POST as unknown as Handler;
    textRoute = (await import("@/app/api/works/[work]/segments/[segment]/text/route")).PUT as Handler;
    variantsRoute = (await import("@/app/api/works/[work]/variants/route")).POST as Handler;
    searchRoute = (await import("@/app/api/works/[work]/search/route")).GET as Handler;
    variantsList = (await import("@/app/api/works/[work]/variants/route")).GET as Handler;
    journalRoute = (await import("@/app/api/works/[work]/journal/route")).GET as Handler;
    before = await tableContents(database.prisma);
  });
  afterAll(async () => {
    await database.drop();
  });

  const upload = (route: Handler, url: string, name: string, content: BlobPart, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("file", new Blob([content]), name);
    for (const [key, value] of Object.entries({ mode: "import", ...fields })) form.set(key, value);
    return route(new Request(`${BASE}${url}`, { method: "POST", headers: { authorization: `Bearer ${editor}` }, body: form }), url === "/api/works" ? { params: Promise.resolve({}) } : work);
  };
  const intoWork = (name: string, content: BlobPart, fields?: Record<string, string>) => upload(importRoute, "/api/works/thirst-for-power/import", name, content, fields);
  const newWork = (name: string, content: BlobPart, fields?: Record<string, string>) => upload(worksRoute, "/api/works", name, content, fields);
  const json = (route: Handler, url: string, body: string, params: Record<string, string>, type = "application/json") =>
    route(new Request(`${BASE}${url}`, { method: url.endsWith("/text") ? "PUT" : "POST", headers: { authorization: `Bearer ${editor}`, "content-type": type }, body }), { params: Promise.resolve(params) });

  /** The status and the error's message and details. */
  const answer = async (response: Response) => {
    const body = await response.json();
    return { status: response.status, message: body.error?.message as string, details: body.error?.details };
  };

  it.each([
    ["a language tag of the right shape that is not BCP 47, in the file", () => intoWork("de.txt", FRONT.replace("language: de", "language: de-12")), /front matter: “language”: a BCP 47 language code/, 4],
    ["a paragraph over the block limit", () => intoWork("long.md", `# Machtgier\n\n${"Wort ".repeat(MAX_BLOCK_CHARS / 5 + 1)}`, { language: "de", edition: "de" }), /this paragraph is 1,000,00\d characters long; the import limit is 1,000,000/, 3],
    ["a work JSON with a NUL in a segment's text", () => newWork("w.json", workJson((w) => (w.editions[0].segments[1].text = "a\u0000b"))), /editions\.0\.segments\.1\.text: holds a NUL character/, null],
    ["a work JSON with a lone surrogate", () => newWork("w.json", workJson((w) => (w.editions[1].segments[0].text = "a\ud800b"))), /editions\.1\.segments\.0\.text: holds half of a UTF-16 surrogate pair/, null],
    ["a work JSON with a __proto__ key", () => newWork("w.json", workJson(() => {}).replace('"cells": {', '"cells": {"__proto__": ["ru-s1"],')), /rows\.0\.cells\.__proto__: is not a field of this format/, null],
    ["a work JSON with a block index past 32 bits", () => newWork("w.json", workJson((w) => (w.editions[0].segments.at(-1)!.blockIndex = 2 ** 40))), /editions\.0\.segments\.6\.blockIndex: Too big/, null],
    ["a work JSON with a row position of 2^53 + 1", () => newWork("w.json", workJson(() => {}).replace('"position": 7', '"position": 9007199254740993')), /rows\.6\.position: /, null],
    ["a work JSON with two rows at one position", () => newWork("w.json", workJson((w) => (w.rows[1].position = 1))), /rows “row-1” and “row-2” both have position 1/, null],
    ["a work JSON with a word link between segments of different rows", () => newWork("w.json", workJson((w) => (w.wordLinks = [{ editionA: "ru", editionB: "en", a: "ru-s1", b: "en-s4", status: "confirmed", links: "0-0", p: [1] }]))), /word link set 1 links segment “ru-s1” of “ru” with segment “en-s4” of “en”, which are not in the same row/, null],
    ["a work JSON with a word link count past 32 bits", () => newWork("w.json", workJson((w) => (w.wordLinks = [{ editionA: "ru", editionB: "en", a: "ru-s1", b: "en-s1", status: "confirmed", links: "", p: [], dropped: 2 ** 40 }]))), /wordLinks\.0\.dropped: Too big/, null],
    ["a work JSON with a variant's date that is not a date", () => newWork("w.json", workJson((w) => (w.variants[0].createdAt = "yesterday"))), /variants\.0\.createdAt: an ISO 8601 date and time/, null],
    ["a work JSON with an empty segment", () => newWork("w.json", workJson((w) => (w.editions[2].segments[2].text = " "))), /editions\.2\.segments\.2\.text: a segment's text may not be empty/, null],
    ["a work JSON whose title is 10,000 characters", () => newWork("w.json", workJson((w) => (w.work.title = "T".repeat(10_000)))), /work\.title: Too big/, null],
    ["a work JSON whose title holds a right-to-left override", () => newWork("w.json", workJson((w) => (w.work.title = "Thirst\u202Erewop"))), /work\.title: holds a bidirectional control character \(U\+202E\)/, null],
    ["a work JSON with a language tag that is not BCP 47", () => newWork("w.json", workJson((w) => (w.editions[0].meta.language = "ru-12"))), /editions\.0\.meta\.language: a BCP 47 language code/, null],
  ])("refuses %s with 422, naming where", async (_, send, reason, line) => {
    const { status, details } = await answer(await send());
    expect(status).toBe(422);
    expect(details.reason).toMatch(reason);
    expect(details.line).toBe(line);
  });

  it.each([
    ["language", "not BCP 47", "de-12", /^language: a BCP 47 language code/],
    ["title", "with a NUL", "Macht\u0000gier", /^title: holds a NUL character/],
    ["title", "with a right-to-left override", "abc\u202Etxt.md", /^title: holds a bidirectional control character \(U\+202E\)/],
    ["translator", "of 10,000 characters", "x".repeat(10_000), /^translator: Too big/],
  ])("refuses the import form's field %s %s with 422 naming it", async (field, _, value, reason) => {
    const { status, message } = await answer(await intoWork("de.md", "# Machtgier\n\nEin Satz.", { language: "de", edition: "de", [field]: value }));
    expect(status).toBe(422);
    expect(message.replace("The request is not valid: ", "")).toMatch(reason);
  });

  it("refuses an import sent as another media type with 415", async () => {
    const response = await importRoute(
      new Request(`${BASE}/api/works/thirst-for-power/import`, { method: "POST", headers: { authorization: `Bearer ${editor}`, "content-type": "text/plain" }, body: FRONT }),
      work,
    );
    expect(await answer(response)).toMatchObject({ status: 415, message: "Send the file as multipart/form-data with a field named “file”." });
  });

  it("refuses JSON bodies with text that cannot be stored (422, naming the field), nested 500,000 deep (422) or of another media type (415)", async () => {
    const segment = await database.prisma.segment.findFirstOrThrow({ where: { edition: { slug: "en" } }, orderBy: { position: "asc" }, select: { id: true, version: true } });
    const row = await database.prisma.alignmentRow.findFirstOrThrow({ orderBy: { position: "asc" }, select: { id: true } });
    const textUrl = `/api/works/thirst-for-power/segments/${segment.id}/text`;
    const params = { work: "thirst-for-power", segment: segment.id };
    const nul = await answer(await json(textRoute, textUrl, JSON.stringify({ text: "Thirst\u0000", reason: "typo", baseVersion: segment.version }), params));
    expect(nul).toMatchObject({ status: 422, message: "The request is not valid: text: holds a NUL character (U+0000), which cannot be stored in a text." });
    const surrogate = await answer(await json(variantsRoute, "/api/works/thirst-for-power/variants", `{"rowId":"${row.id}","editions":["fr"],"category":"other","note":"\\udc00"}`, { work: "thirst-for-power" }));
    expect(surrogate).toMatchObject({ status: 422, details: { issues: [{ path: "note" }] } });
    const form = await answer(await json(textRoute, textUrl, "text=x", params, "application/x-www-form-urlencoded"));
    expect(form.status).toBe(415);
    const deep = await answer(await json(variantsRoute, "/api/works/thirst-for-power/variants", `${"[".repeat(500_000)}${"]".repeat(500_000)}`, { work: "thirst-for-power" }));
    expect(deep).toMatchObject({ status: 422, message: "The request is not valid: Invalid input: expected object, received array" });
  });

  it.each([
    ["a NUL in the search's query", () => searchRoute, "/api/works/thirst-for-power/search?q=power%00"],
    ["a NUL in the variant register's text filter", () => variantsList, "/api/works/thirst-for-power/variants?q=%00"],
    ["a NUL in the variant register's author filter", () => variantsList, "/api/works/thirst-for-power/variants?author=%00"],
    ["a NUL in the journal's user filter", () => journalRoute, "/api/works/thirst-for-power/journal?user=%00"],
    ["a day that does not exist in the journal's filter", () => journalRoute, "/api/works/thirst-for-power/journal?from=2026-13-45"],
  ])("refuses %s with 422", async (_, route, url) => {
    const response = await route()(new Request(`${BASE}${url}`, { headers: { authorization: `Bearer ${editor}` } }), work);
    expect((await answer(response)).status).toBe(422);
  });

  it("searches for a query with a NUL, as the search page passes it on, as for the words around it", async () => {
    const { id } = await database.prisma.work.findUniqueOrThrow({ where: { slug: "thirst-for-power" }, select: { id: true } });
    const withNul = await searchWork(database.prisma, { workId: id, query: "power\u0000" });
    expect(withNul.rows.length).toBeGreaterThan(0);
    expect(withNul.rows).toEqual((await searchWork(database.prisma, { workId: id, query: "power" })).rows);
  });

  it("changed no table", async () => {
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  // After the check that nothing changed: this import is accepted.
  it("imports a file sent under a hostile name under its last path segment, without control characters, shortened", async () => {
    const names = ["../../etc/\u202Epasswd\u0000.md", `${"x".repeat(10_000)}.md`];
    for (const [i, name] of names.entries()) expect((await intoWork(name, "# Probe\n\nEin Satz.", { language: "de", edition: `de-named-${i}` })).status).toBe(201);
    const stored = await database.prisma.edition.findMany({ where: { slug: { startsWith: "de-named-" } }, orderBy: { slug: "asc" }, select: { sourceFile: true } });
    expect(stored.map((edition) => edition.sourceFile)).toEqual(["passwd.md", `${"x".repeat(204)}…${"x".repeat(47)}.md`]);
  });
});
