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

  it("loads five editions into an empty database, four of them labelled working translations", async () => {
    expect(await isDatabaseEmpty(database.prisma)).toBe(true);
    const seeded = await seedDemo(database.prisma, demoCorpusDir);
    expect(seeded.editions).toBe(5);
    const editions = await database.prisma.edition.findMany({ orderBy: { position: "asc" } });
    expect(editions.map((edition) => edition.language)).toEqual(["ru", "fr", "es", "it", "en"]);
    expect(editions.filter((edition) => edition.provenance === "working_translation").map((e) => e.language)).toEqual(["ru", "fr", "es", "it"]);
    const work = await database.prisma.work.findUniqueOrThrow({ where: { slug: "thirst-for-power" } });
    expect(work.pivotEditionId).toBe(editions[0].id);
    expect(await isDatabaseEmpty(database.prisma)).toBe(false);
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
