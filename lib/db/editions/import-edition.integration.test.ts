import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { readEditionFile } from "../../import/read-edition-file";
import { parseEditionText } from "../../text/edition-format";
import { demoCorpusDir } from "../boot";
import { DomainError } from "../errors";
import { importEdition } from "./import-edition";

const english = () => readEditionFile(path.join(demoCorpusDir, "en.txt"));

describe("importing an edition", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("writes the work, the edition with its provenance, every sentence as a segment in order, the apparatus and the corrections", async () => {
    const file = english();
    const result = await importEdition(database.prisma, { document: file.document, checksum: file.checksum, sourceFile: file.fileName });
    expect(result.status).toBe("created");
    const edition = await database.prisma.edition.findFirstOrThrow({
      where: { slug: "en" },
      include: { work: true, segments: { orderBy: { position: "asc" } }, apparatus: true, corrections: true },
    });
    expect(edition.work.slug).toBe("thirst-for-power");
    expect(edition.provenance).toBe("published");
    expect(edition.isOriginal).toBe(false);
    const sentences = file.document.blocks.flatMap((block) => block.sentences.map((sentence) => sentence.text));
    expect(edition.segments.map((segment) => segment.text)).toEqual(sentences);
    expect(edition.segments[0].kind).toBe("heading");
    expect(edition.segments[1].kind).toBe("dateline");
    expect(edition.segments.some((segment) => segment.kind === "blockquote")).toBe(true);
    expect(edition.segments.every((segment) => segment.rowId === null)).toBe(true);
    expect(edition.apparatus.length).toBe(file.document.apparatus!.blocks.length);
    expect(edition.corrections.length).toBe(file.document.corrections.length);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await tableContents(database.prisma);
    const file = english();
    const result = await importEdition(database.prisma, { document: file.document, checksum: file.checksum, sourceFile: file.fileName });
    expect(result.status).toBe("unchanged");
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("refuses a different text under an existing edition name and writes nothing", async () => {
    const before = await tableContents(database.prisma);
    const file = english();
    const changed = { ...file.document, blocks: file.document.blocks.slice(0, 3) };
    await expect(importEdition(database.prisma, { document: changed, checksum: "another checksum", sourceFile: "en-changed.txt" })).rejects.toThrow(
      DomainError,
    );
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("rolls back the whole edition when a segment cannot be written", async () => {
    const before = await tableContents(database.prisma);
    const parsed = parseEditionText("---\nwork: other-work\nedition: de\nlanguage: de\ntitle: Machthunger\noriginal: false\nprovenance: imported\n---\n\nEin Satz.\n", "de.txt");
    const broken = { meta: parsed.meta, blocks: [...parsed.blocks, { kind: "paragraph" as const, level: null, labels: [], line: 12, sentences: [{ text: "" }] }], apparatus: null, corrections: [] };
    await expect(importEdition(database.prisma, { document: broken, checksum: "x", sourceFile: "de.txt" })).rejects.toThrow();
    expect(await tableContents(database.prisma)).toEqual(before);
  });

  it("stores the provenance model: a working translation standing in for the original, what it was made from and when, our title, its departures", async () => {
    const text = [
      "---",
      "work: roles",
      "edition: ru",
      "language: ru",
      "title: «Жажда власти»",
      "title-ours: true",
      "translator: working translation made for Hexapla",
      "translated-from: en",
      "made: 2026-11-25/2026-12-06",
      "original: false",
      "stands-in-for: original",
      "provenance: working-translation",
      "departures: None deliberate.",
      "---",
      "",
      "Одна фраза.",
    ].join("\n");
    const parsed = parseEditionText(text, "ru.txt");
    await importEdition(database.prisma, { document: { ...parsed, apparatus: null, corrections: [] }, checksum: "roles-ru", sourceFile: "ru.txt" });
    const stored = await database.prisma.edition.findFirstOrThrow({ where: { work: { slug: "roles" }, slug: "ru" }, include: { work: true } });
    expect(stored).toMatchObject({
      isOriginal: false,
      standsInForOriginal: true,
      translatedFrom: "en",
      made: "2026-11-25/2026-12-06",
      titleOurs: true,
      departures: "None deliberate.",
    });
    expect(stored.work.pivotEditionId).toBe(stored.id);
  });

  it("reads a working translation marked as the original (an older file) as standing in for it, and the database refuses the contradiction", async () => {
    const legacy = parseEditionText("---\nwork: legacy\nedition: ru\nlanguage: ru\ntitle: Жажда\noriginal: true\nprovenance: working-translation\n---\n\nФраза.\n", "ru.txt");
    const document = { ...legacy, meta: { ...legacy.meta, original: true, standsInForOriginal: false }, apparatus: null, corrections: [] };
    await importEdition(database.prisma, { document, checksum: "legacy-ru", sourceFile: "ru.txt" });
    const stored = await database.prisma.edition.findFirstOrThrow({ where: { work: { slug: "legacy" } } });
    expect([stored.isOriginal, stored.standsInForOriginal]).toEqual([false, true]);
    await expect(database.prisma.edition.update({ where: { id: stored.id }, data: { isOriginal: true } })).rejects.toThrow(/edition_working_translation_not_original|check constraint/);
    await expect(
      database.prisma.edition.update({ where: { id: stored.id }, data: { provenance: "published", isOriginal: true, standsInForOriginal: true } }),
    ).rejects.toThrow(/edition_stand_in_not_original|check constraint/);
  });
});
