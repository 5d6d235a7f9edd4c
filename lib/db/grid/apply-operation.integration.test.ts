import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { DomainError } from "../errors";
import { applyEditorOperation } from "./apply-operation";
import { applyGridPatch } from "./editor-grid";
import { createActor, gridVersionOf, createWork, oneToOneSpec, snapshotWork, type TestWork } from "./grid.fixtures";
import { loadEditorGrid, loadGridChanges } from "./load-grid";
import type { EditorOperation } from "./operation-request";
import type { Actor } from "./types";
import { GridOperationError } from "../../alignment/operations";

let database: TestDatabase;
let editor: Actor;
let other: Actor;
let counter = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor", "Eda Editor");
  other = await createActor(database.prisma, "editor", "Edo Editor");
});
afterAll(async () => database?.drop());

async function freshWork(rows = 4): Promise<TestWork> {
  counter += 1;
  return createWork(database.prisma, oneToOneSpec(`ops-${counter}`, ["ru", "fr"], rows));
}

const version = (workId: string) => gridVersionOf(database.prisma, workId);

/** Cells of each row as edition slug -> segment indexes, for readable expectations. */
async function layout(work: TestWork): Promise<string[]> {
  const grid = await loadEditorGrid(database.prisma, work.workId);
  return grid.rows.map((row) =>
    Object.entries(work.editionIds)
      .map(([slug, id]) => `${slug}:${(row.cells[id] ?? []).map((s) => work.segmentIds[slug].indexOf(s.id) + 1).join(",") || "-"}`)
      .join(" "),
  );
}

async function apply(work: TestWork, op: EditorOperation, actor = editor) {
  return applyEditorOperation(database.prisma, work.workId, actor, { op, baseVersion: await version(work.workId) });
}

async function refusal(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a refusal");
}

describe("each grid operation against PostgreSQL", () => {
  it("merges a row with the next and splits it back at a segment boundary", async () => {
    const work = await freshWork();
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    expect(await layout(work)).toEqual(["ru:1,2 fr:1,2", "ru:3 fr:3", "ru:4 fr:4"]);
    await apply(work, { type: "splitRow", rowId: work.rowIds[0], at: { [work.editionIds.ru]: 1, [work.editionIds.fr]: 2 } });
    expect(await layout(work)).toEqual(["ru:1 fr:1,2", "ru:2 fr:-", "ru:3 fr:3", "ru:4 fr:4"]);
  });

  it("shifts a column's first segment up and pops its last segment down", async () => {
    const work = await freshWork();
    await apply(work, { type: "shiftUp", rowId: work.rowIds[1], editionId: work.editionIds.fr });
    expect(await layout(work)).toEqual(["ru:1 fr:1,2", "ru:2 fr:-", "ru:3 fr:3", "ru:4 fr:4"]);
    await apply(work, { type: "popDown", rowId: work.rowIds[0], editionId: work.editionIds.fr });
    expect(await layout(work)).toEqual(["ru:1 fr:1", "ru:2 fr:2", "ru:3 fr:3", "ru:4 fr:4"]);
  });

  it("pops the last row's segment into a new last row", async () => {
    const work = await freshWork(2);
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    await apply(work, { type: "popDown", rowId: work.rowIds[0], editionId: work.editionIds.ru });
    expect(await layout(work)).toEqual(["ru:1 fr:1,2", "ru:2 fr:-"]);
  });

  it("moves a column's whole cell up and down", async () => {
    const work = await freshWork();
    await apply(work, { type: "moveCellUp", rowId: work.rowIds[2], editionId: work.editionIds.ru });
    expect(await layout(work)).toEqual(["ru:1 fr:1", "ru:2,3 fr:2", "ru:- fr:3", "ru:4 fr:4"]);
    await apply(work, { type: "moveCellDown", rowId: work.rowIds[1], editionId: work.editionIds.ru });
    expect(await layout(work)).toEqual(["ru:1 fr:1", "ru:- fr:2", "ru:2,3 fr:3", "ru:4 fr:4"]);
  });

  it("inserts an empty cell (the column below moves down a row) and deletes it again", async () => {
    const work = await freshWork(3);
    await apply(work, { type: "insertEmptyCell", rowId: work.rowIds[1], editionId: work.editionIds.fr });
    expect(await layout(work)).toEqual(["ru:1 fr:1", "ru:2 fr:-", "ru:3 fr:2", "ru:- fr:3"]);
    await apply(work, { type: "deleteEmptyCell", rowId: work.rowIds[1], editionId: work.editionIds.fr });
    expect(await layout(work)).toEqual(["ru:1 fr:1", "ru:2 fr:2", "ru:3 fr:3"]);
    expect(await database.prisma.alignmentRow.count({ where: { workId: work.workId } })).toBe(3);
  });

  it("confirms and unconfirms a row, and confirms every row down to one", async () => {
    const work = await freshWork();
    await apply(work, { type: "setStatus", rowId: work.rowIds[1], status: "confirmed" });
    await apply(work, { type: "confirmUpTo", rowId: work.rowIds[2] });
    await apply(work, { type: "setStatus", rowId: work.rowIds[1], status: "automatic" });
    const rows = await database.prisma.alignmentRow.findMany({ where: { workId: work.workId }, orderBy: { position: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["confirmed", "automatic", "confirmed", "automatic"]);
    expect(rows.map((r) => r.confidence)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it("records each operation in the journal with who, what, its inverse and the rows it touched, under the next version", async () => {
    const work = await freshWork();
    const before = await version(work.workId);
    const result = await apply(work, { type: "mergeRows", rowId: work.rowIds[1] });
    expect(result.version).toBe(before + 1);
    expect(await version(work.workId)).toBe(before + 1);
    const record = await database.prisma.gridOperation.findUniqueOrThrow({ where: { id: result.operationId } });
    expect(record).toMatchObject({ userId: editor.id, kind: "mergeRows", gridVersion: before + 1, undoneAt: null });
    expect([...record.rowIds].sort()).toEqual([work.rowIds[1], work.rowIds[2]].sort());
    expect((record.payload as { summary: string }).summary).toBe("Merged row 2 with row 3");
    expect((record.inverse as { op: { type: string } }).op.type).toBe("splitRow");
    const touched = await database.prisma.alignmentRow.findUniqueOrThrow({ where: { id: work.rowIds[1] } });
    expect(touched.version).toBe(before + 1);
    expect(touched.confidence).toBeNull();
  });

  it("places a new row between its neighbours, renumbering the rows when their positions leave no gap", async () => {
    const work = await freshWork(3);
    await database.prisma.$executeRaw`UPDATE alignment_row SET position = position / 1024 + 100 WHERE work_id = ${work.workId}::uuid`;
    await apply(work, { type: "splitRow", rowId: work.rowIds[0], at: { [work.editionIds.ru]: 1, [work.editionIds.fr]: 0 } });
    expect(await layout(work)).toEqual(["ru:1 fr:-", "ru:- fr:1", "ru:2 fr:2", "ru:3 fr:3"]);
    const positions = (await database.prisma.alignmentRow.findMany({ where: { workId: work.workId }, orderBy: { position: "asc" } })).map((r) => r.position);
    expect(positions).toEqual([1024, 2048, 3072, 4096]);
  });
});

describe("refusals change nothing", () => {
  it("refuses an operation that does not apply with the reason, leaving every table and the grid as they were", async () => {
    const work = await freshWork(2);
    const counts = await tableContents(database.prisma);
    const snapshot = await snapshotWork(database.prisma, work.workId);
    const v = await version(work.workId);
    const error = await refusal(() => apply(work, { type: "mergeRows", rowId: work.rowIds[1] }));
    expect(error).toBeInstanceOf(GridOperationError);
    expect(error.message).toMatch(/last row/);
    expect(await tableContents(database.prisma)).toEqual(counts);
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(snapshot);
    expect(await version(work.workId)).toBe(v);
  });

  it("refuses a scholar's operation as forbidden", async () => {
    const work = await freshWork(2);
    const scholar = await createActor(database.prisma, "scholar");
    const counts = await tableContents(database.prisma);
    const error = await refusal(() => apply(work, { type: "mergeRows", rowId: work.rowIds[0] }, scholar));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("forbidden");
    expect(await tableContents(database.prisma)).toEqual(counts);
  });

  it("refuses a row of another work as not found", async () => {
    const work = await freshWork(2);
    const elsewhere = await freshWork(2);
    const error = await refusal(() => apply(work, { type: "mergeRows", rowId: elsewhere.rowIds[0] }));
    expect(error).toBeInstanceOf(GridOperationError);
    expect((error as GridOperationError).code).toBe("unknown-row");
  });
});

describe("several editors at once", () => {
  it("refuses a write based on a version after which its row changed, naming the change, and changes nothing", async () => {
    const work = await freshWork();
    const base = await version(work.workId);
    await applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "mergeRows", rowId: work.rowIds[1] }, baseVersion: base });
    const counts = await tableContents(database.prisma);
    const snapshot = await snapshotWork(database.prisma, work.workId);
    const error = await refusal(() =>
      applyEditorOperation(database.prisma, work.workId, other, { op: { type: "setStatus", rowId: work.rowIds[1], status: "confirmed" }, baseVersion: base }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("stale");
    expect(error.message).toContain("Eda Editor");
    expect(error.message).toContain("Merged row 2 with row 3");
    expect((error as DomainError).details).toMatchObject({ currentVersion: base + 1, changes: [{ userName: "Eda Editor", kind: "mergeRows" }] });
    expect(await tableContents(database.prisma)).toEqual(counts);
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(snapshot);
  });

  it("refuses a stale write whose operation would touch a row that changed, even when it names another row", async () => {
    const work = await freshWork();
    const base = await version(work.workId);
    await applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "setStatus", rowId: work.rowIds[1], status: "confirmed" }, baseVersion: base });
    const error = await refusal(() =>
      applyEditorOperation(database.prisma, work.workId, other, { op: { type: "mergeRows", rowId: work.rowIds[0] }, baseVersion: base }),
    );
    expect((error as DomainError).code).toBe("stale");
  });

  it("applies a write based on an older version when the rows it concerns did not change since", async () => {
    const work = await freshWork();
    const base = await version(work.workId);
    await applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "mergeRows", rowId: work.rowIds[0] }, baseVersion: base });
    await applyEditorOperation(database.prisma, work.workId, other, { op: { type: "setStatus", rowId: work.rowIds[3], status: "confirmed" }, baseVersion: base });
    expect(await layout(work)).toEqual(["ru:1,2 fr:1,2", "ru:3 fr:3", "ru:4 fr:4"]);
    expect(await version(work.workId)).toBe(base + 2);
  });

  it("refuses every stale write when the grid was replaced wholesale since (the journal has a gap)", async () => {
    const work = await freshWork();
    const base = await version(work.workId);
    await database.prisma.work.update({ where: { id: work.workId }, data: { gridVersion: { increment: 1 } } });
    const error = await refusal(() =>
      applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "mergeRows", rowId: work.rowIds[2] }, baseVersion: base }),
    );
    expect((error as DomainError).code).toBe("stale");
    expect(error.message).toMatch(/replaced/);
  });

  it("refuses a base version newer than the grid", async () => {
    const work = await freshWork(2);
    const error = await refusal(() =>
      applyEditorOperation(database.prisma, work.workId, editor, { op: { type: "mergeRows", rowId: work.rowIds[0] }, baseVersion: 999 }),
    );
    expect((error as DomainError).code).toBe("invalid");
  });

  it("serialises simultaneous writes: each applies to the grid the previous one left", async () => {
    const work = await freshWork(6);
    const base = await version(work.workId);
    const results = await Promise.allSettled(
      [0, 2, 4].map((i) =>
        applyEditorOperation(database.prisma, work.workId, i === 2 ? other : editor, { op: { type: "mergeRows", rowId: work.rowIds[i] }, baseVersion: base }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    expect(await layout(work)).toEqual(["ru:1,2 fr:1,2", "ru:3,4 fr:3,4", "ru:5,6 fr:5,6"]);
    expect(await version(work.workId)).toBe(base + 3);
  });
});

describe("catching up an open page", () => {
  it("brings a page's rows from an older version to exactly the current grid", async () => {
    const work = await freshWork(6);
    const start = await loadEditorGrid(database.prisma, work.workId);
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    await apply(work, { type: "popDown", rowId: work.rowIds[5], editionId: work.editionIds.fr });
    await apply(work, { type: "splitRow", rowId: work.rowIds[2], at: { [work.editionIds.ru]: 0, [work.editionIds.fr]: 1 } });
    await apply(work, { type: "setStatus", rowId: work.rowIds[3], status: "confirmed" });
    const patch = await loadGridChanges(database.prisma, work.workId, start.version);
    const now = await loadEditorGrid(database.prisma, work.workId);
    expect(patch.version).toBe(now.version);
    expect(applyGridPatch(start.rows, patch)).toEqual(now.rows);
  });

  it("asks for a full reload when the journal cannot tell what changed", async () => {
    const work = await freshWork(2);
    const start = await version(work.workId);
    await database.prisma.work.update({ where: { id: work.workId }, data: { gridVersion: { increment: 1 } } });
    expect(await loadGridChanges(database.prisma, work.workId, start)).toMatchObject({ full: true });
  });
});
