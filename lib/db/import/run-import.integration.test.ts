import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { exportWorkJson, MAX_IMPORT_BYTES } from "../../formats";
import { FRENCH, FRENCH_LATIN9, RUSSIAN, RUSSIAN_STRAIGHT_QUOTES, SPANISH } from "../../formats/fixtures/encoding-texts";
import { sampleWork } from "../../formats/fixtures/sample-work";
import { splitSentences } from "../../text/sentences";
import { ImportError } from "../../text/edition-document";
import { demoCorpusDir } from "../boot";
import { DomainError } from "../errors";
import { previewImport } from "./preview-import";
import { runImport } from "./run-import";
import type { ImportRequest } from "./types";

const fixtures = path.join(import.meta.dirname, "..", "..", "formats", "fixtures");
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("importing files of every format and encoding", () => {
  let database: TestDatabase;
  let userId: string;
  const request = (bytes: Uint8Array, fileName: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
    bytes,
    fileName,
    importedById: userId,
    ...extra,
  });
  const segmentTexts = async (work: string, edition: string) =>
    (
      await database.prisma.segment.findMany({ where: { edition: { slug: edition, work: { slug: work } } }, orderBy: { position: "asc" }, select: { text: true } })
    ).map((s) => s.text);

  const journalOf = async (work: string) =>
    (
      await database.prisma.gridOperation.findMany({ where: { work: { slug: work } }, orderBy: { gridVersion: "asc" } })
    ).map((entry) => ({ kind: entry.kind, userId: entry.userId, gridVersion: entry.gridVersion, summary: (entry.payload as { summary: string }).summary, inverse: entry.inverse }));

  beforeAll(async () => {
    database = await createTestDatabase();
    userId = (await database.prisma.user.create({ data: { id: "importer", name: "Ida Importer", email: "ida@example.test", role: "editor" } })).id;
  });
  afterAll(async () => {
    await database.drop();
  });

  it("imports the project's plain format (the demo's English edition) and records who imported it", async () => {
    const result = await runImport(database.prisma, request(new Uint8Array(fs.readFileSync(path.join(demoCorpusDir, "en.txt"))), "en.txt"));
    expect(result).toMatchObject({ status: "created", work: { slug: "thirst-for-power" }, editions: [{ slug: "en" }] });
    const edition = await database.prisma.edition.findFirstOrThrow({ where: { slug: "en" } });
    expect([edition.provenance, edition.importedById, edition.sourceFile]).toEqual(["published", userId, "en.txt"]);
    expect(edition.importedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const work = await database.prisma.work.findUniqueOrThrow({ where: { slug: "thirst-for-power" } });
    expect(await journalOf("thirst-for-power")).toEqual([
      { kind: "import", userId, gridVersion: work.gridVersion, summary: expect.stringMatching(/^Imported thirst-for-power\/en \(en\)/), inverse: { type: "none" } },
    ]);
  });

  it("imports Markdown with metadata from the request, and TEI with its xml:ids", async () => {
    await runImport(database.prisma, request(fixture("no-front-matter.md"), "ru.md", { meta: { work: "md-work", language: "ru", provenance: "published" } }));
    expect(await segmentTexts("md-work", "ru")).toEqual([
      "Жажда власти",
      "По словам Вышинского (август 1936 г.), «Объединённый центр» не имел никакой программы.",
      "Им двигала лишь «голая жажда власти».",
      "Ответ",
      "Революционер, который не стремится поставить государственный аппарат на службу своей программе, ничего не стоит.",
    ]);
    await runImport(database.prisma, request(fixture("trotsky-ru.tei.xml"), "ru.xml", { meta: { work: "tei-work" } }));
    const segments = await database.prisma.segment.findMany({ where: { work: { slug: "tei-work" } }, orderBy: { position: "asc" } });
    expect(segments.filter((s) => s.xmlId != null).length).toBeGreaterThan(0);
    expect(segments.map((s) => s.xmlId)).toContain("s1");
  });

  it("imports TMX and CSV with their rows already aligned", async () => {
    const tmx = await runImport(database.prisma, request(fixture("cat-tool.tmx"), "cat.tmx", { meta: { work: "tmx-work", workTitle: "Thirst" } }));
    expect(tmx.editions.map((e) => e.slug)).toEqual(["ru-ru", "en-us", "fr-fr"]);
    const rows = await database.prisma.alignmentRow.findMany({ where: { work: { slug: "tmx-work" } }, orderBy: { position: "asc" }, include: { segments: true } });
    expect(rows.map((row) => row.segments.length)).toEqual([3, 2, 2]);
    expect(await journalOf("tmx-work")).toEqual([
      { kind: "import", userId, gridVersion: 1, summary: expect.stringContaining("with 3 aligned rows"), inverse: { type: "none" } },
    ]);
    expect((await database.prisma.work.findUniqueOrThrow({ where: { slug: "tmx-work" } })).gridVersion).toBe(1);
    await runImport(database.prisma, request(fixture("aligned-semicolon.csv"), "grid.csv", { meta: { work: "csv-work" } }));
    expect(await database.prisma.alignmentRow.count({ where: { work: { slug: "csv-work" } } })).toBeGreaterThan(0);
  });

  it("imports a full-work JSON export as a new work", async () => {
    const json = exportWorkJson({ ...sampleWork, work: { ...sampleWork.work, slug: "json-work" } });
    const result = await runImport(database.prisma, request(utf8(json), "work.json"));
    expect(result.editions.map((e) => [e.slug, e.segments])).toEqual([
      ["ru", 7],
      ["en", 8],
      ["fr", 4],
    ]);
    expect(await database.prisma.variant.count({ where: { work: { slug: "json-work" } } })).toBe(2);
  });

  it.each([
    ["ru-utf8.txt", "utf-8", RUSSIAN, "ru"],
    ["ru-utf8-bom.txt", "utf-8", RUSSIAN, "ru"],
    ["ru-utf16le-bom.txt", "utf-16le", RUSSIAN, "ru"],
    ["ru-utf16be.txt", "utf-16be", RUSSIAN, "ru"],
    ["ru-windows-1251.txt", "windows-1251", RUSSIAN, "ru"],
    ["ru-koi8-r.txt", "koi8-r", RUSSIAN_STRAIGHT_QUOTES, "ru"],
    ["fr-iso-8859-1.txt", "iso-8859-1", FRENCH, "fr"],
    ["fr-iso-8859-15.txt", "iso-8859-15", FRENCH_LATIN9, "fr"],
    ["es-windows-1252.txt", "windows-1252", SPANISH, "es"],
  ])("shows the encoding of %s (%s) in the preview, then imports its text", async (name, encoding, text, language) => {
    const work = `enc-${name.replace(/\.txt$/, "").replace(/[^a-z0-9]+/g, "-")}`;
    const req = request(fixture(`encodings/${name}`), name, { meta: { work, language, title: "Sample", provenance: "published" } });
    const before = await tableContents(database.prisma);
    const preview = await previewImport(database.prisma, req);
    expect(preview.encoding.encoding).toBe(encoding);
    expect(await tableContents(database.prisma)).toEqual(before);
    await runImport(database.prisma, { ...req, expectedChecksum: preview.checksum });
    const expected = splitSentences(text.replace(/\s+/g, " ").trim(), language);
    expect(await segmentTexts(work, language)).toEqual(expected);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await tableContents(database.prisma);
    const again = await runImport(database.prisma, request(fixture("cat-tool.tmx"), "cat.tmx", { meta: { work: "tmx-work", workTitle: "Thirst" } }));
    expect(again.status).toBe("unchanged");
    expect(await tableContents(database.prisma)).toEqual(before);
  });
});

describe("rejected files write nothing", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await runImport(database.prisma, { bytes: fixture("no-front-matter.md"), fileName: "ru.md", importedById: null, meta: { work: "w", language: "ru" } });
  });
  afterAll(async () => {
    await database.drop();
  });

  const rejection = async (req: Omit<ImportRequest, "importedById">) => {
    const before = await tableContents(database.prisma);
    const error = await runImport(database.prisma, { importedById: null, ...req }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(await tableContents(database.prisma)).toEqual(before);
    if (error == null) throw new Error("the import was not refused");
    return error as Error;
  };

  it.each([
    ["malformed XML, naming line and column", "malformed.tei.xml", {}, "malformed.tei.xml:6:"],
    ["a file in an unsupported encoding", "encodings/el-iso-8859-7.txt", { meta: { work: "w", language: "el", title: "T" } }, "the encoding could not be determined"],
    ["an empty file", "encodings/empty.txt", {}, "empty.txt: the file is empty"],
    ["a binary file", "encodings/binary.pdf", {}, "this is not a text file"],
    ["a TEI file whose xml:lang contradicts its langUsage, naming the element", "lang-mismatch.tei.xml", { meta: { work: "w" } }, "xml:lang “fr” on <body> contradicts the declared language “ru”"],
    ["a CSV header that is not an edition", "bad-header.csv", { meta: { work: "w2" } }, "bad-header.csv:1:2: column 2 header “English (Pathfinder)”"],
    ["a CSV row with too many fields", "broken-row.csv", { meta: { work: "w2" } }, "broken-row.csv:4: the row has 3 fields but the header has 2"],
    ["a TMX variant without a language", "tmx-without-lang.tmx", { meta: { work: "w2" } }, "tmx-without-lang.tmx:7: <tuv> has no xml:lang attribute"],
  ])("rejects %s", async (_, name, extra, message) => {
    const error = await rejection({ bytes: fixture(name), fileName: path.basename(name), ...extra });
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toContain(message);
  });

  it("rejects a 50 MB file before parsing it", async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    expect(bytes.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    const error = await rejection({ bytes, fileName: "huge.md", meta: { work: "w", language: "en", title: "T" } });
    expect(error.message).toBe("huge.md: the file is 50.0 MB; the import limit is 20.0 MB — split the work into smaller files");
  });

  it("rejects a text in another language than the edition it would replace", async () => {
    const french = "---\nwork: w\nedition: fr\nlanguage: fr\ntitle: Soif\nprovenance: published\noriginal: false\n---\n\nUne phrase.\n";
    const error = await rejection({ bytes: utf8(french), fileName: "fr.txt", workSlug: "w", replace: "ru" });
    expect(error.message).toBe(
      "fr.txt: mismatched languages: the file is in “fr” but the edition “ru” is in “ru”; a text can only replace an edition in its own language",
    );
  });

  it("rejects a TEI file declaring another language than the edition it would replace, naming the element", async () => {
    const error = await rejection({ bytes: fixture("lang-mismatch.tei.xml"), fileName: "fr.xml", workSlug: "w", replace: "ru" });
    expect(error.message).toContain("fr.xml:8: xml:lang “fr” on <body> contradicts the declared language “ru” (from the import form)");
  });

  it("rejects a different text under a taken edition slug, and a file for another work", async () => {
    const other = "---\nwork: w\nedition: ru\nlanguage: ru\ntitle: Другое\nprovenance: imported\noriginal: false\n---\n\nДругой текст.\n";
    expect(await rejection({ bytes: utf8(other), fileName: "ru.txt" })).toMatchObject({ code: "conflict" });
    const error = await rejection({ bytes: utf8(other), fileName: "ru.txt", workSlug: "elsewhere" });
    expect(error.message).toContain("the file belongs to the work “w”, not “elsewhere”");
  });

  it("rejects a file that is not the one previewed", async () => {
    const error = await rejection({ bytes: fixture("no-front-matter.md"), fileName: "x.md", meta: { work: "w3", language: "ru" }, expectedChecksum: "0".repeat(64) });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toContain("not the file that was previewed");
  });

  it("rejects aligned rows for a work that already has a grid", async () => {
    await database.prisma.$transaction(async (tx) => {
      const work = await tx.work.findUniqueOrThrow({ where: { slug: "w" } });
      const row = await tx.alignmentRow.create({ data: { workId: work.id, position: 1024 } });
      await tx.segment.updateMany({ where: { workId: work.id }, data: { rowId: row.id } });
    });
    const error = await rejection({ bytes: utf8("en,fr\nOne.,Un.\n"), fileName: "grid.csv", meta: { work: "w" } });
    expect(error.message).toContain("already has an alignment");
  });
});
