import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { alignWork } from "../alignment/align-work";
import { DomainError } from "../errors";
import { applyEditorOperation } from "./apply-operation";
import { editSegmentText } from "./edit-segment-text";
import { createActor, gridVersionOf, createWork, oneToOneSpec, snapshotWork, type TestWork } from "./grid.fixtures";
import type { EditorOperation } from "./operation-request";
import type { Actor } from "./types";
import { redoLastUndo, undoLastChange } from "./undo-operation";

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
  return createWork(database.prisma, oneToOneSpec(`undo-${counter}`, ["ru", "fr"], rows));
}

const version = (workId: string) => gridVersionOf(database.prisma, workId);

async function apply(work: TestWork, op: EditorOperation, actor = editor) {
  return applyEditorOperation(database.prisma, work.workId, actor, { op, baseVersion: await version(work.workId) });
}

const undo = async (work: TestWork, actor = editor) => undoLastChange(database.prisma, work.workId, actor, await version(work.workId));
const redo = async (work: TestWork, actor = editor) => redoLastUndo(database.prisma, work.workId, actor, await version(work.workId));

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("undo and redo", () => {
  it("undoes an editor's changes newest first, restoring the exact grid, and redoes them in order", async () => {
    const work = await freshWork();
    const start = await snapshotWork(database.prisma, work.workId);
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    const afterMerge = await snapshotWork(database.prisma, work.workId);
    await apply(work, { type: "setStatus", rowId: work.rowIds[2], status: "confirmed" });
    const afterBoth = await snapshotWork(database.prisma, work.workId);

    const undone = await undo(work);
    expect(undone).toMatchObject({ kind: "undo", summary: "Undid: Confirmed row 2" });
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(afterMerge);
    await undo(work);
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(start);
    expect((await refusal(() => undo(work))).message).toMatch(/nothing of yours to undo/);

    expect(await redo(work)).toMatchObject({ kind: "redo", summary: "Redid: Merged row 1 with row 2" });
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(afterMerge);
    await redo(work);
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(afterBoth);
    expect((await refusal(() => redo(work))).message).toMatch(/nothing of yours to redo/);
  });

  it("marks the undone record and links the undo to it", async () => {
    const work = await freshWork();
    const done = await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    const undone = await undo(work);
    const original = await database.prisma.gridOperation.findUniqueOrThrow({ where: { id: done.operationId } });
    const record = await database.prisma.gridOperation.findUniqueOrThrow({ where: { id: undone.operationId } });
    expect(original.undoneAt).not.toBeNull();
    expect(record.undoOfId).toBe(done.operationId);
    expect(record.userId).toBe(editor.id);
  });

  it("keeps undo per editor: one editor's undo never takes back another's change", async () => {
    const work = await freshWork();
    await apply(work, { type: "setStatus", rowId: work.rowIds[0], status: "confirmed" }, editor);
    await apply(work, { type: "setStatus", rowId: work.rowIds[3], status: "confirmed" }, other);
    await undo(work, editor);
    const rows = await database.prisma.alignmentRow.findMany({ where: { workId: work.workId }, orderBy: { position: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["automatic", "automatic", "automatic", "confirmed"]);
  });

  it("a new change empties the redo stack", async () => {
    const work = await freshWork();
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    await undo(work);
    await apply(work, { type: "setStatus", rowId: work.rowIds[3], status: "confirmed" });
    expect((await refusal(() => redo(work))).message).toMatch(/nothing of yours to redo/);
  });

  it("undoes a redo, and redoes that undo", async () => {
    const work = await freshWork();
    const start = await snapshotWork(database.prisma, work.workId);
    await apply(work, { type: "mergeRows", rowId: work.rowIds[1] });
    const merged = await snapshotWork(database.prisma, work.workId);
    await undo(work);
    await redo(work);
    await undo(work);
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(start);
    await redo(work);
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(merged);
  });

  it("refuses an undo that conflicts with a later change by someone else, explaining it, and changes nothing", async () => {
    const work = await freshWork();
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    await apply(work, { type: "popDown", rowId: work.rowIds[0], editionId: work.editionIds.fr }, other);
    const counts = await tableContents(database.prisma);
    const snapshot = await snapshotWork(database.prisma, work.workId);
    const error = await refusal(() => undo(work));
    expect(error.code).toBe("stale");
    expect(error.message).toMatch(/Undo of “Merged row 1 with row 2” was refused/);
    expect(error.message).toContain("Edo Editor");
    expect(await tableContents(database.prisma)).toEqual(counts);
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(snapshot);
  });

  it("allows an undo when others changed only other rows", async () => {
    const work = await freshWork();
    const start = await snapshotWork(database.prisma, work.workId);
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    await apply(work, { type: "setStatus", rowId: work.rowIds[3], status: "confirmed" }, other);
    await undo(work);
    const now = await snapshotWork(database.prisma, work.workId);
    const rows = await database.prisma.alignmentRow.findMany({ where: { workId: work.workId }, orderBy: { position: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["automatic", "automatic", "automatic", "confirmed"]);
    expect((now.grid as { rows: unknown[][] }).rows.map((r) => r[3])).toEqual((start.grid as { rows: unknown[][] }).rows.map((r) => r[3]));
  });

  it("undoes a text correction as a new revision and redoes it", async () => {
    const work = await freshWork(2);
    const segmentId = work.segmentIds.fr[0];
    const original = (await database.prisma.segment.findUniqueOrThrow({ where: { id: segmentId } })).text;
    await editSegmentText(database.prisma, work.workId, editor, segmentId, { text: "Corrected.", reason: "typo", baseVersion: 0 });
    await undo(work);
    expect((await database.prisma.segment.findUniqueOrThrow({ where: { id: segmentId } })).text).toBe(original);
    await redo(work);
    expect((await database.prisma.segment.findUniqueOrThrow({ where: { id: segmentId } })).text).toBe("Corrected.");
    const reasons = (await database.prisma.revision.findMany({ where: { segmentId }, orderBy: { createdAt: "asc" } })).map((r) => r.reason);
    expect(reasons).toEqual(["typo", "Undo: typo", "typo"]);
  });

  it("gives back variants and bookmarks to a row that an undo brings back", async () => {
    const work = await freshWork(3);
    const removedRow = work.rowIds[1];
    const variant = await database.prisma.variant.create({ data: { workId: work.workId, rowId: removedRow, category: "omission", note: "missing clause" } });
    await database.prisma.bookmark.create({ data: { userId: editor.id, rowId: removedRow } });
    await database.prisma.bookmark.create({ data: { userId: other.id, rowId: removedRow } });
    await database.prisma.bookmark.create({ data: { userId: other.id, rowId: work.rowIds[0] } });
    const start = await snapshotWork(database.prisma, work.workId);
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    expect((await database.prisma.variant.findUniqueOrThrow({ where: { id: variant.id } })).rowId).toBe(work.rowIds[0]);
    expect(await database.prisma.bookmark.count({ where: { rowId: work.rowIds[0] } })).toBe(2);
    await undo(work);
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(start);
  });
});

describe("undo and redo around an alignment run", () => {
  const realign = (work: TestWork, actor: Actor) => alignWork(database.prisma, work.workId, { mode: "realign", actor });

  it("refuses the editor's undo right after their own re-alignment, saying why, and changes nothing", async () => {
    const work = await freshWork();
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    await realign(work, editor);
    const counts = await tableContents(database.prisma);
    const before = await snapshotWork(database.prisma, work.workId);
    const refused = await refusal(() => undo(work));
    expect(refused.code).toBe("invalid");
    expect(refused.message).toMatch(/^An alignment run cannot be undone; /);
    expect(await tableContents(database.prisma)).toEqual(counts);
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(before);
  });

  it("refuses as stale an undo of a change made before someone else's re-alignment", async () => {
    const work = await freshWork();
    await apply(work, { type: "setStatus", rowId: work.rowIds[3], status: "confirmed" });
    await realign(work, other);
    const counts = await tableContents(database.prisma);
    expect((await refusal(() => undo(work))).code).toBe("stale");
    expect(await tableContents(database.prisma)).toEqual(counts);
  });

  it("redoes nothing across the editor's own re-alignment", async () => {
    const work = await freshWork();
    await apply(work, { type: "mergeRows", rowId: work.rowIds[0] });
    await undo(work);
    await realign(work, editor);
    expect((await refusal(() => redo(work))).message).toMatch(/nothing of yours to redo/);
  });
});
