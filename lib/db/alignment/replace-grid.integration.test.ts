import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { createActor, createWork, type TestWork } from "../grid/grid.fixtures";
import { replaceGrid } from "./replace-grid";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

async function threeRows(slug: string): Promise<TestWork> {
  return createWork(database.prisma, {
    slug,
    editions: { ru: ["Один.", "Два.", "Три."], fr: ["Un.", "Deux.", "Trois."] },
    rows: [{ ru: 1, fr: 1 }, { ru: 1, fr: 1 }, { ru: 1, fr: 1 }],
  });
}

async function rowsOf(workId: string) {
  const rows = await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, include: { segments: { orderBy: { position: "asc" } } } });
  const ofEdition = (row: (typeof rows)[number], editionId: string) => row.segments.filter((s) => s.editionId === editionId).map((s) => s.id);
  const editions = [...new Set(rows.flatMap((row) => row.segments.map((s) => s.editionId)))].sort();
  return rows.map((row) => ({ id: row.id, status: row.status, confidence: row.confidence, segments: editions.flatMap((e) => ofEdition(row, e)) }));
}

describe("replacing a work's grid", () => {
  it("keeps a row given with its id, and hands a variant and a bookmark of a row that goes to the row holding its first pivot segment", async () => {
    const work = await threeRows("replace-keep");
    const [ru, fr] = [work.segmentIds.ru, work.segmentIds.fr];
    const scholar = await createActor(database.prisma, "scholar");
    const variant = await database.prisma.variant.create({ data: { workId: work.workId, rowId: work.rowIds[1], category: "other", note: "on row 2" } });
    await database.prisma.bookmark.create({ data: { userId: scholar.id, rowId: work.rowIds[1] } });
    await database.prisma.bookmark.create({ data: { userId: scholar.id, rowId: work.rowIds[2] } });
    const { gridVersion: before } = await database.prisma.work.findUniqueOrThrow({ where: { id: work.workId } });

    const replaced = await database.prisma.$transaction((tx) =>
      replaceGrid(
        tx,
        work.workId,
        [
          { id: work.rowIds[0], cells: { [work.editionIds.ru]: [ru[0]], [work.editionIds.fr]: [fr[0]] }, status: "confirmed", confidence: null },
          { cells: { [work.editionIds.ru]: [], [work.editionIds.fr]: [fr[1]] }, status: "automatic", confidence: 0.4 },
          { cells: { [work.editionIds.ru]: [ru[1], ru[2]], [work.editionIds.fr]: [fr[2]] }, status: "automatic", confidence: 0.7 },
        ],
        { pivotEditionId: work.editionIds.ru },
      ),
    );

    const ruFirst = work.editionIds.ru < work.editionIds.fr;
    const both = (ruIds: string[], frIds: string[]) => (ruFirst ? [...ruIds, ...frIds] : [...frIds, ...ruIds]);
    expect(await rowsOf(work.workId)).toEqual([
      { id: work.rowIds[0], status: "confirmed", confidence: null, segments: both([ru[0]], [fr[0]]) },
      { id: replaced.rowIds[1], status: "automatic", confidence: 0.4, segments: [fr[1]] },
      { id: replaced.rowIds[2], status: "automatic", confidence: 0.7, segments: both([ru[1], ru[2]], [fr[2]]) },
    ]);
    expect(replaced.gridVersion).toBe(before + 1);
    expect((await database.prisma.variant.findUniqueOrThrow({ where: { id: variant.id } })).rowId).toBe(replaced.rowIds[2]);
    /* Both bookmarked rows went to the same heir: the user keeps one bookmark there. */
    expect(await database.prisma.bookmark.findMany({ where: { userId: scholar.id }, select: { rowId: true } })).toEqual([{ rowId: replaced.rowIds[2] }]);
    expect(replaced.moved).toEqual({ variants: 1, bookmarks: 1 });
  });

  it("refuses to keep a row of another work, and changes nothing", async () => {
    const work = await threeRows("replace-refuse");
    const other = await threeRows("replace-other");
    const counts = await tableContents(database.prisma);
    const rows = await rowsOf(work.workId);
    await expect(
      database.prisma.$transaction((tx) =>
        replaceGrid(tx, work.workId, [
          { id: other.rowIds[0], cells: { [work.editionIds.ru]: work.segmentIds.ru, [work.editionIds.fr]: work.segmentIds.fr }, status: "automatic", confidence: null },
        ]),
      ),
    ).rejects.toThrow(/is not a row of work/);
    expect(await tableContents(database.prisma)).toEqual(counts);
    expect(await rowsOf(work.workId)).toEqual(rows);
  });
});
