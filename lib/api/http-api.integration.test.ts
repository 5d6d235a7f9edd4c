/**
 * The interchange endpoints end to end in-process: the route handlers called with real Requests against a real
 * database, authenticated with API tokens as scripts are.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../test/database";
import { createApiToken } from "../db/api-tokens/api-tokens";
import { demoCorpusDir } from "../db/boot";
import { seedDemo } from "../db/demo/seed-demo";

const BASE = "http://hexapla.test";
const fixtures = path.join(import.meta.dirname, "..", "formats", "fixtures");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

describe("the HTTP API", () => {
  let database: TestDatabase;
  let editor: string;
  let scholar: string;
  let routes: Record<string, Record<string, Handler>>;

  const call = async (method: string, route: string, url: string, init: { token?: string; body?: BodyInit; headers?: Record<string, string> } = {}) => {
    const urlParts = url.split("?")[0].split("/");
    const params = Object.fromEntries(route.split("/").flatMap((part, i) => (/^\[\w+\]$/.test(part) ? [[part.slice(1, -1), urlParts[i]]] : [])));
    const headers = new Headers(init.headers);
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    const request = new Request(`${BASE}${url}`, { method, headers, body: init.body });
    return routes[route][method](request, { params: Promise.resolve(params) });
  };
  const upload = (fields: Record<string, string>, file: Blob, name: string) => {
    const form = new FormData();
    form.set("file", file, name);
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return form;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789";
    await seedDemo(database.prisma, demoCorpusDir);
    await database.prisma.user.createMany({
      data: [
        { id: "u-editor", name: "Eda Editor", email: "eda@example.test", role: "editor" },
        { id: "u-scholar", name: "Sasha Scholar", email: "sasha@example.test", role: "scholar" },
      ],
    });
    editor = (await createApiToken(database.prisma, "u-editor", { name: "tests" })).token;
    scholar = (await createApiToken(database.prisma, "u-scholar", { name: "tests" })).token;
    routes = {
      "/api/works": await import("@/app/api/works/route"),
      "/api/works/[work]": await import("@/app/api/works/[work]/route"),
      "/api/works/[work]/editions": await import("@/app/api/works/[work]/editions/route"),
      "/api/works/[work]/editions/[edition]": await import("@/app/api/works/[work]/editions/[edition]/route"),
      "/api/works/[work]/segments": await import("@/app/api/works/[work]/segments/route"),
      "/api/works/[work]/rows": await import("@/app/api/works/[work]/rows/route"),
      "/api/works/[work]/import": await import("@/app/api/works/[work]/import/route"),
      "/api/works/[work]/export/[kind]": await import("@/app/api/works/[work]/export/[kind]/route"),
      "/api/tokens": await import("@/app/api/tokens/route"),
      "/api/tokens/[token]": await import("@/app/api/tokens/[token]/route"),
      "/api/openapi.json": await import("@/app/api/openapi.json/route"),
    } as unknown as Record<string, Record<string, Handler>>;
  });
  afterAll(async () => {
    await database.drop();
  });

  it("lists works and editions with their provenance, a working translation labelled as such", async () => {
    const { works } = await (await call("GET", "/api/works", "/api/works")).json();
    expect(works.map((w: { slug: string }) => w.slug)).toEqual(["thirst-for-power"]);
    const response = await call("GET", "/api/works/[work]/editions", "/api/works/thirst-for-power/editions");
    const { editions } = await response.json();
    expect(editions.map((e: { slug: string; provenance: string; workingTranslation: boolean }) => [e.slug, e.provenance, e.workingTranslation])).toEqual([
      ["ru", "working-translation", true],
      ["fr", "working-translation", true],
      ["es", "working-translation", true],
      ["it", "working-translation", true],
      ["en", "published", false],
    ]);
    const en = await (await call("GET", "/api/works/[work]/editions/[edition]", "/api/works/thirst-for-power/editions/en")).json();
    expect(en.apparatus.length).toBeGreaterThan(0);
    expect(en).toMatchObject({ original: false, role: "Translation", editor: "Tim Davenport (introduction and notes)", publisher: null, year: null, pivot: true });
    expect(en.corrections.every((c: { kind: string | null }) => ["extraction", "emendation", "markup"].includes(c.kind!))).toBe(true);
  });

  it("never calls a working translation the original, says which edition stands in for it, and why the pivot is the English", async () => {
    const work = await (await call("GET", "/api/works/[work]", "/api/works/thirst-for-power?superseded=true")).json();
    const roles = work.editions.map((e: { slug: string; original: boolean; standsInForOriginal: boolean; role: string }) => [e.slug, e.original, e.standsInForOriginal, e.role]);
    expect(roles).toEqual([
      ["ru", false, true, "Working translation (stands in for the Russian original)"],
      ["fr", false, false, "Translation"],
      ["es", false, false, "Translation"],
      ["it", false, false, "Translation"],
      ["en", false, false, "Translation"],
      ["en-extracted", false, false, "Translation"],
    ]);
    expect(work.pivotEdition).toBe("en");
    expect(work.pivotReason).toMatch(/^en \(English\) is the pivot because no original text of the work is present \(ru only stands in for it\), and it is the published text the working translations ru, fr, es and it were made from/);
    const fr = work.editions.find((e: { slug: string }) => e.slug === "fr");
    expect(fr).toMatchObject({ translator: "working translation made for Hexapla", translatedFrom: "en", made: "2026-11-25/2026-12-06", titleOurs: true });
    expect(fr.departures).toContain("That was our last conversation.");
    expect(work.editions.find((e: { slug: string }) => e.slug === "en-extracted").supersededBy).toBe("en");
    expect((await call("GET", "/api/works/[work]", "/api/works/nothing")).status).toBe(404);
  });

  it("pages through an edition's segments with a cursor, in reading order", async () => {
    const all = await database.prisma.segment.findMany({ where: { edition: { slug: "en" } }, orderBy: { position: "asc" }, select: { id: true } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/works/thirst-for-power/segments?edition=en&limit=25${cursor ? `&cursor=${cursor}` : ""}`;
      const page: { segments: { id: string }[]; next: string | null } = await (await call("GET", "/api/works/[work]/segments", url)).json();
      seen.push(...page.segments.map((s) => s.id));
      cursor = page.next;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(all.map((s) => s.id));
    expect(pages).toBe(Math.ceil(all.length / 25));
  });

  it("pages through the rows with the chosen editions' cells and numbers", async () => {
    const first = await (await call("GET", "/api/works/[work]/rows", "/api/works/thirst-for-power/rows?editions=ru,en&limit=5")).json();
    expect(first.editions).toEqual(["ru", "en"]);
    expect(first.rows.map((r: { number: number }) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(Object.keys(first.rows[0].cells)).toEqual(["ru", "en"]);
    const second = await (await call("GET", "/api/works/[work]/rows", `/api/works/thirst-for-power/rows?editions=ru,en&limit=5&cursor=${first.next}`)).json();
    expect(second.rows[0].number).toBe(6);
  });

  it("answers invalid query parameters with 422 naming the parameter", async () => {
    const tooMany = await call("GET", "/api/works/[work]/segments", "/api/works/thirst-for-power/segments?edition=en&limit=5000");
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).error.details.issues[0].path).toBe("limit");
    const badCursor = await call("GET", "/api/works/[work]/segments", "/api/works/thirst-for-power/segments?edition=en&cursor=nonsense");
    expect(badCursor.status).toBe(422);
    const unknown = await call("GET", "/api/works/[work]/rows", "/api/works/thirst-for-power/rows?editions=ru,de");
    expect([unknown.status, (await unknown.json()).error.message]).toEqual([422, "The work “thirst-for-power” has no edition “de”."]);
  });

  it("previews an import without writing, then imports the same file with the preview's checksum", async () => {
    const file = new Blob([fs.readFileSync(path.join(fixtures, "encodings", "ru-windows-1251.txt"))]);
    const fields = { language: "ru", edition: "ru-1251", title: "Жажда власти (1251)", provenance: "published" };
    const before = await tableContents(database.prisma);
    const previewResponse = await call("POST", "/api/works/[work]/import", "/api/works/thirst-for-power/import", {
      token: editor,
      body: upload({ ...fields, mode: "preview" }, file, "ru.txt"),
    });
    expect(previewResponse.status).toBe(200);
    const { preview } = await previewResponse.json();
    expect([preview.format, preview.encoding.encoding, preview.editions[0].meta.edition, preview.alignment.mode]).toEqual(["markdown", "windows-1251", "ru-1251", "place"]);
    expect(await tableContents(database.prisma)).toEqual(before);

    const imported = await call("POST", "/api/works/[work]/import", "/api/works/thirst-for-power/import", {
      token: editor,
      body: upload({ ...fields, mode: "import", checksum: preview.checksum }, file, "ru.txt"),
    });
    expect(imported.status).toBe(201);
    const edition = await database.prisma.edition.findFirstOrThrow({ where: { slug: "ru-1251" }, include: { importedBy: true } });
    expect([edition.provenance, edition.importedBy?.name]).toEqual(["published", "Eda Editor"]);
  });

  it("refuses imports without the editor role, from other sites, and of broken or oversized files — writing nothing", async () => {
    const before = await tableContents(database.prisma);
    const file = () => new Blob([fs.readFileSync(path.join(fixtures, "malformed.tei.xml"))]);
    const post = (init: Parameters<typeof call>[3]) => call("POST", "/api/works/[work]/import", "/api/works/thirst-for-power/import", init);
    expect((await post({ token: scholar, body: upload({}, file(), "x.xml") })).status).toBe(403);
    expect((await post({ body: upload({}, file(), "x.xml"), headers: { origin: "https://elsewhere.test", host: "hexapla.test" } })).status).toBe(403);
    expect((await post({ body: upload({}, file(), "x.xml"), headers: { origin: BASE, host: "hexapla.test" } })).status).toBe(401);
    const broken = await post({ token: editor, body: upload({ mode: "import" }, file(), "malformed.tei.xml") });
    const answer = await broken.json();
    expect(broken.status).toBe(422);
    expect(answer.error.details).toMatchObject({ file: "malformed.tei.xml", line: 6, column: expect.any(Number) });
    const huge = await post({ token: editor, body: "x", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toBe("The file is 50.0 MB; the import limit is 20.0 MB — split the work into smaller files.");
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("exports TEI, TMX, CSV and the work as downloads, labelling working translations", async () => {
    const tei = await call("GET", "/api/works/[work]/export/[kind]", "/api/works/thirst-for-power/export/tei-edition?edition=fr");
    expect(tei.headers.get("content-type")).toContain("application/tei+xml");
    expect(tei.headers.get("content-disposition")).toBe('attachment; filename="thirst-for-power-fr.tei.xml"');
    expect(await tei.text()).toContain('<note type="provenance" subtype="working-translation">');
    const csvBytes = await (await call("GET", "/api/works/[work]/export/[kind]", "/api/works/thirst-for-power/export/grid-csv?editions=en,fr")).arrayBuffer();
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csvBytes);
    expect(csv.split("\n")[0]).toBe("\uFEFFrow_id,row_position,row_status,row_confidence,en,fr (working translation)");
    const tmx = await (await call("GET", "/api/works/[work]/export/[kind]", "/api/works/thirst-for-power/export/tmx?editions=ru,en")).text();
    expect(tmx.match(/<tu /g)?.length).toBe(await database.prisma.alignmentRow.count());
    const unknownKind = await call("GET", "/api/works/[work]/export/[kind]", "/api/works/thirst-for-power/export/docx");
    expect(unknownKind.status).toBe(422);
    const noEdition = await call("GET", "/api/works/[work]/export/[kind]", "/api/works/thirst-for-power/export/tei-edition");
    expect((await noEdition.json()).error.message).toBe("Say which edition to export (?edition=…).");
  });

  it("lists and revokes tokens, and refuses to create a token with a token", async () => {
    const created = await createApiToken(database.prisma, "u-scholar", { name: "to revoke" });
    const { tokens } = await (await call("GET", "/api/tokens", "/api/tokens", { token: scholar })).json();
    expect(tokens.map((t: { name: string }) => t.name).sort()).toEqual(["tests", "to revoke"]);
    expect(JSON.stringify(tokens)).not.toContain(created.token);
    const minted = await call("POST", "/api/tokens", "/api/tokens", { token: scholar, body: JSON.stringify({ name: "x" }), headers: { "content-type": "application/json" } });
    expect(minted.status).toBe(403);
    expect((await call("DELETE", "/api/tokens/[token]", `/api/tokens/${created.id}`, { token: editor })).status).toBe(404);
    expect((await call("DELETE", "/api/tokens/[token]", `/api/tokens/${created.id}`, { token: scholar })).status).toBe(204);
    expect((await call("GET", "/api/tokens", "/api/tokens", { token: created.token })).status).toBe(401);
  });

  it("serves the OpenAPI document", async () => {
    const document = await (await call("GET", "/api/openapi.json", "/api/openapi.json")).json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/works/{work}/import");
  });
});
