import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { checkGridInvariant, type Grid } from "../../alignment/grid";
import { rowsFromLabels } from "../../alignment/label-rows";
import { readEditionFile } from "../../import/read-edition-file";
import { demoCorpusDir } from "../boot";
import { isDatabaseEmpty, seedDemo } from "./seed-demo";

describe("the demo corpus", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("loads five editions and the English extracted text into an empty database, four of them labelled working translations, none the original", async () => {
    expect(await isDatabaseEmpty(database.prisma)).toBe(true);
    const seeded = await seedDemo(database.prisma, demoCorpusDir);
    expect(seeded.editions).toBe(6);
    const editions = await database.prisma.edition.findMany({ orderBy: { position: "asc" } });
    expect(editions.map((edition) => edition.slug)).toEqual(["ru", "fr", "es", "it", "en", "en-extracted"]);
    expect(editions.filter((edition) => edition.provenance === "working_translation").map((e) => e.language)).toEqual(["ru", "fr", "es", "it"]);
    expect(editions.filter((edition) => edition.isOriginal)).toEqual([]);
    expect(editions.filter((edition) => edition.standsInForOriginal).map((e) => e.slug)).toEqual(["ru"]);
    expect(await isDatabaseEmpty(database.prisma)).toBe(false);
  });

  it("aligns around the published English the working translations were made from, and keeps the extracted text as its earlier witness", async () => {
    const work = await database.prisma.work.findUniqueOrThrow({ where: { slug: "thirst-for-power" }, include: { pivotEdition: true } });
    expect(work.pivotEdition?.slug).toBe("en");
    const [en, extracted] = await Promise.all(["en", "en-extracted"].map((slug) => database.prisma.edition.findFirstOrThrow({ where: { slug } })));
    expect(extracted.supersededById).toBe(en.id);
    const rows = await database.prisma.alignmentRow.findMany({ orderBy: { position: "asc" }, include: { segments: { orderBy: { position: "asc" } } } });
    const textOf = (row: (typeof rows)[number], editionId: string) => row.segments.filter((s) => s.editionId === editionId).map((s) => s.text).join(" ");
    const differing = rows.map((row) => [textOf(row, extracted.id), textOf(row, en.id)]).filter(([a, b]) => a !== b);
    /* The corrections of the chapter, row by row: the heading as printed and its byline, the date line, the page number, the hyphen and the note number. */
    expect(differing.map(([a]) => a).join(" | ")).toMatch(/“Thirst For Power”.*by Leon Trotsky/);
    expect(differing.some(([a, b]) => a === "" && b === "January 1937")).toBe(true);
    expect(differing.some(([a, b]) => a.includes("cothinker, Kote Tsintsadze,6") && b.includes("co-thinker, Kote Tsintsadze,[^6]"))).toBe(true);
    expect(differing.some(([a, b]) => a.endsWith(" 8") || (a === "8" && b === ""))).toBe(true);
    expect(differing.length).toBeLessThanOrEqual(5);
  });

  it("aligns every segment of every edition into rows that satisfy the grid invariant", async () => {
    const rows = await database.prisma.alignmentRow.findMany({ orderBy: { position: "asc" }, include: { segments: { orderBy: { position: "asc" } } } });
    const segments = await database.prisma.segment.findMany({ orderBy: { position: "asc" } });
    const editionIds = [...new Set(segments.map((segment) => segment.editionId))];
    const grid: Grid = {
      editionIds,
      rows: rows.map((row) => ({
        id: row.id,
        status: row.status,
        confidence: row.confidence,
        cells: Object.fromEntries(editionIds.map((id) => [id, row.segments.filter((s) => s.editionId === id).map((s) => s.id)])),
      })),
    };
    const bySegments = Object.fromEntries(editionIds.map((id) => [id, segments.filter((s) => s.editionId === id).map((s) => s.id)]));
    expect(checkGridInvariant(grid, bySegments)).toEqual([]);
    expect(segments.every((segment) => segment.rowId !== null)).toBe(true);
  });

  it("refines the labelled paragraph rows into sentence rows, each with the aligner's confidence, none crossing a labelled row's boundary", async () => {
    const editions = await database.prisma.edition.findMany({ orderBy: { position: "asc" } });
    const files = editions.map((edition) => readEditionFile(path.join(demoCorpusDir, `${edition.slug}.txt`)));
    const labelRows = rowsFromLabels(
      files.map((file, index) => ({
        id: editions[index].id,
        blocks: file.document.blocks.map((block) => ({ labels: block.labels, segmentCount: block.sentences.length, line: block.line })),
      })),
    );
    const labelRowOf = new Map<string, number>();
    for (const edition of editions) {
      const ids = (await database.prisma.segment.findMany({ where: { editionId: edition.id }, orderBy: { position: "asc" } })).map((s) => s.id);
      labelRows.forEach((row, r) => (row.cells[edition.id] ?? []).forEach((i) => labelRowOf.set(ids[i], r)));
      expect(ids.every((id) => labelRowOf.has(id)), `every segment of ${edition.slug} is in a labelled row`).toBe(true);
    }
    const rows = await database.prisma.alignmentRow.findMany({ orderBy: { position: "asc" }, include: { segments: true } });
    expect(labelRows).toHaveLength(19);
    expect(rows.length).toBeGreaterThan(2 * labelRows.length);
    for (const row of rows) {
      expect(row.status).toBe("automatic");
      expect(row.confidence).toBeGreaterThanOrEqual(0);
      expect(row.confidence).toBeLessThanOrEqual(1);
      expect(new Set(row.segments.map((s) => labelRowOf.get(s.id))).size, `row ${row.id} lies within one labelled row`).toBe(1);
    }
    const labelOrder = rows.map((row) => labelRowOf.get(row.segments[0].id)!);
    expect(labelOrder).toEqual([...labelOrder].sort((a, b) => a - b));
    expect(new Set(labelOrder).size).toBe(labelRows.length);
  });
});
