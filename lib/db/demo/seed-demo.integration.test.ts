import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { checkGridInvariant, type Grid } from "../../alignment/grid";
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

  it("keeps the translators' paragraph merges and splits as rows holding several paragraphs of one edition", async () => {
    const rows = await database.prisma.alignmentRow.findMany({ include: { segments: { include: { edition: true } } } });
    const paragraphsPerEdition = rows.map((row) => {
      const counts: Record<string, Set<number>> = {};
      for (const segment of row.segments) (counts[segment.edition.slug] ??= new Set()).add(segment.paragraph);
      return Object.fromEntries(Object.entries(counts).map(([slug, set]) => [slug, set.size]));
    });
    expect(paragraphsPerEdition.some((row) => row.en === 2 && row.fr === 1)).toBe(true);
    expect(paragraphsPerEdition.some((row) => row.en === 1 && row.ru === 2)).toBe(true);
  });
});
