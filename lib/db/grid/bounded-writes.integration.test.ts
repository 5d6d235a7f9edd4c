/**
 * Grid writes on a 10,000-row, five-edition work read and write a bounded number of table rows: PostgreSQL's own
 * per-table counters (pg_stat_user_tables) are read before and after each write, on the write's only connection.
 * Reading the whole grid (as writes did before) would read every one of its 50,000 segments; a write here may read
 * a few hundred table rows at most, whatever the size of the work. Time is measured by `npm run bench:scale`.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import type { Db } from "../client";
import { PrismaClient } from "../generated/client";
import { applyEditorOperation } from "./apply-operation";
import { createActor, createLargeWork } from "./grid.fixtures";
import type { EditorOperation } from "./operation-request";
import type { Actor } from "./types";
import { undoLastChange } from "./undo-operation";
import { checkStoredGrid } from "./verify-grid";

const ROWS = 10_000;
const MAX_READ = 600;
const MAX_WRITTEN = 60;

let database: TestDatabase;
let counted: Db;
let editor: Actor;
let workId: string;
let rowIds: string[];
let editionIds: string[];

interface Counts {
  read: number;
  written: number;
  segmentsRead: number;
}

/** Table rows read (sequentially or through an index) and written in this database so far. */
async function counts(): Promise<Counts> {
  await counted.$executeRaw`SELECT pg_stat_force_next_flush()`;
  const tables = await counted.$queryRaw<{ relname: string; read: bigint; written: bigint }[]>`
    SELECT relname::text, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS read, n_tup_ins + n_tup_upd + n_tup_del AS written
    FROM pg_stat_user_tables`;
  const sum = (key: "read" | "written") => tables.reduce((total, t) => total + Number(t[key]), 0);
  return { read: sum("read"), written: sum("written"), segmentsRead: Number(tables.find((t) => t.relname === "segment")?.read ?? 0) };
}

async function measured<T>(run: () => Promise<T>): Promise<Counts> {
  const before = await counts();
  await run();
  const after = await counts();
  return { read: after.read - before.read, written: after.written - before.written, segmentsRead: after.segmentsRead - before.segmentsRead };
}

const version = async () => (await counted.work.findUniqueOrThrow({ where: { id: workId }, select: { gridVersion: true } })).gridVersion;
const operate = async (op: EditorOperation) => applyEditorOperation(counted, workId, editor, { op, baseVersion: await version() });
const undo = async () => undoLastChange(counted, workId, editor, await version());

beforeAll(async () => {
  database = await createTestDatabase();
  counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 1 }) });
  editor = await createActor(database.prisma, "editor");
  workId = await createLargeWork(database.prisma, "novel", ["en", "ru", "fr", "de", "it"], ROWS);
  // As autovacuum would after a large import: the visibility map lets counts of rows above use the index alone.
  await database.prisma.$executeRawUnsafe("VACUUM ANALYZE alignment_row, segment");
  rowIds = (await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
  editionIds = (await database.prisma.edition.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } })).map((e) => e.id);
}, 300_000);

afterAll(async () => {
  await counted?.$disconnect();
  await database?.drop();
});

describe("grid writes on a 10,000-row work", () => {
  it("counts what a whole-grid read costs, so the bounds below mean something", async () => {
    const whole = await measured(() => counted.$transaction((tx) => checkStoredGrid(tx, workId)));
    expect(whole.segmentsRead).toBeGreaterThanOrEqual(5 * ROWS);
  });

  it("merges rows, moves cells, splits and merges segments and undoes each, reading and writing a bounded number of rows", async () => {
    const middle = ROWS / 2;
    const segment = await counted.segment.findFirstOrThrow({ where: { rowId: rowIds[middle + 20], editionId: editionIds[1] }, select: { id: true } });
    const steps: Array<[string, () => Promise<unknown>]> = [
      ["mergeRows", () => operate({ type: "mergeRows", rowId: rowIds[middle] })],
      ["undo mergeRows", undo],
      ["shiftUp", () => operate({ type: "shiftUp", rowId: rowIds[middle + 10], editionId: editionIds[2] })],
      ["undo shiftUp", undo],
      ["popDown", () => operate({ type: "popDown", rowId: rowIds[ROWS - 1], editionId: editionIds[3] })],
      ["undo popDown", undo],
      ["splitSegment", () => operate({ type: "splitSegment", segmentId: segment.id, offset: 3 })],
      ["mergeSegments", () => operate({ type: "mergeSegments", segmentId: segment.id })],
      ["undo mergeSegments", undo],
      ["setStatus", () => operate({ type: "setStatus", rowId: rowIds[middle + 30], status: "confirmed" })],
    ];
    const seen: Record<string, Counts> = {};
    for (const [name, run] of steps) seen[name] = await measured(run);
    const over = Object.entries(seen).filter(([, count]) => count.read > MAX_READ || count.written > MAX_WRITTEN);
    expect(over, JSON.stringify(seen)).toEqual([]);
    expect(await counted.$transaction((tx) => checkStoredGrid(tx, workId))).toEqual([]);
  }, 120_000);
});
