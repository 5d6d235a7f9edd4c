/** The row_signal cache against a real PostgreSQL: computed once, reused, recomputed when a row's texts change. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createScholarWork } from "../search/scholar-work.fixtures";
import { getRowSignals, staleRowIds } from "./get-row-signals";
import { getRowWitnesses } from "./get-row-witnesses";

let database: TestDatabase;
let workId: string;
let slugOf: Map<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  workId = await createScholarWork(database.prisma, "signals-test");
  slugOf = new Map((await database.prisma.edition.findMany({ where: { workId } })).map((edition) => [edition.id, edition.slug]));
});

afterAll(async () => {
  await database.drop();
});

const computedAt = async () => (await database.prisma.rowSignal.findMany({ orderBy: { rowId: "asc" } })).map((signal) => signal.computedAt.getTime());

describe("getRowSignals", () => {
  it("computes the rows a page needs at once and leaves the rest pending when the budget is spent", async () => {
    const result = await getRowSignals(database.prisma, workId, { required: { from: 3, to: 3 }, budgetMs: 0 });
    expect(result.rows.map((row) => row.number)).toEqual([1, 2, 3, 4]);
    expect(result.rows.map((row) => row.signal !== null)).toEqual([false, false, true, false]);
    expect(result.pending).toHaveLength(3);
    const [dateMissing] = result.rows[2].signal!.differences;
    expect([dateMissing.key, dateMissing.missingIn.map((id) => slugOf.get(id))]).toEqual(["date:1928-05-26", ["en-pub"]]);
  });

  it("stores every row's signals and reuses them while the texts stay the same", async () => {
    const first = await getRowSignals(database.prisma, workId);
    expect(first.pending).toEqual([]);
    expect(first.rows.every((row) => row.signal !== null)).toBe(true);
    const stored = await computedAt();
    const second = await getRowSignals(database.prisma, workId);
    expect(second.rows.map((row) => row.signal)).toEqual(first.rows.map((row) => row.signal));
    expect(await computedAt()).toEqual(stored);
  });

  it("recomputes a row whose text changed, and only that row", async () => {
    const before = await database.prisma.rowSignal.findMany({ orderBy: { rowId: "asc" } });
    const segment = await database.prisma.segment.findFirstOrThrow({ where: { workId, edition: { slug: "en-pub" }, text: { startsWith: "In those years" } } });
    await database.prisma.segment.update({ where: { id: segment.id }, data: { text: "On 26 May 1928 I wrote from Alma Ata to my friends." } });
    const result = await getRowSignals(database.prisma, workId);
    expect(result.rows[2].signal!.differences).toEqual([]);
    const after = await database.prisma.rowSignal.findMany({ orderBy: { rowId: "asc" } });
    const changed = after.filter((signal, index) => signal.computedAt.getTime() !== before[index].computedAt.getTime()).map((signal) => signal.rowId);
    expect(changed).toEqual([segment.rowId]);
  });
});

describe("getRowWitnesses", () => {
  it("offers each edition's text and each revision's texts before and after", async () => {
    const segment = await database.prisma.segment.findFirstOrThrow({ where: { workId, edition: { slug: "en" }, text: { startsWith: "In August" } } });
    await database.prisma.revision.create({ data: { segmentId: segment.id, reason: "typo", oldText: "In Agust 1936 Zinoviev and Kamenev were shot.", newText: segment.text } });
    const witnesses = await getRowWitnesses(database.prisma, workId, 2);
    expect(witnesses!.witnesses.map((witness) => witness.id.split(":")[0] + " " + witness.editionSlug)).toEqual([
      "edition ru",
      "edition en",
      "segment en",
      "after en",
      "before en",
      "edition en-pub",
    ]);
    expect(witnesses!.witnesses.find((witness) => witness.id.startsWith("before:"))!.text).toBe("In Agust 1936 Zinoviev and Kamenev were shot.");
    expect(await getRowWitnesses(database.prisma, workId, 5)).toBeNull();
  });
});

describe("staleRowIds", () => {
  it("lists the rows without signals or whose texts changed since, in reading order", async () => {
    await database.prisma.rowSignal.deleteMany();
    const { rows, pending } = await getRowSignals(database.prisma, workId, { required: { from: 2, to: 2 }, budgetMs: 0 });
    expect(pending).toHaveLength(3);
    expect(await staleRowIds(database.prisma, workId)).toEqual(rows.filter((row) => row.number !== 2).map((row) => row.rowId));
    await getRowSignals(database.prisma, workId);
    expect(await staleRowIds(database.prisma, workId)).toEqual([]);
    const segment = await database.prisma.segment.findFirstOrThrow({ where: { rowId: rows[3].rowId } });
    await database.prisma.segment.update({ where: { id: segment.id }, data: { text: `${segment.text} (changed)` } });
    expect(await staleRowIds(database.prisma, workId)).toEqual([rows[3].rowId]);
  });
});
