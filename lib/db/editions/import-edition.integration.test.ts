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
});
