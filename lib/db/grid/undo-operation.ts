/**
 * Undo and redo per editor, kept in the journal so they survive reloads and work from any app server.
 *
 * Undo applies the inverse of the editor's latest change that is not undone (an undo record is never itself
 * the target: undoing it is redo). Redo applies the inverse of the editor's latest undo that is not redone,
 * as long as the editor has made no new change since (a new change empties the redo stack). Both are refused,
 * with the changes that stand in the way, when someone else has since changed a row they would touch. Aligning a
 * work, importing into it and restoring a grid are in the journal but not undone step by step (the grid they replaced
 * is restored from the journal instead, lib/db/snapshots/): the editor's own such write is a barrier that undo
 * refuses to reach across, and redo stops at it.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import { GridOperationError } from "../../alignment/operations";
import type { GridPatch } from "./editor-grid";
import { changesSince, isWholeGrid, toSummary, type WholeGridKind } from "./list-changes";
import { loadGridChanges } from "./load-grid";
import { performChange, type ChangeResult } from "./perform-change";
import { requireEditor } from "./require-editor";
import { refuseGap, refuseIfTouched } from "./stale";
import type { Actor, Change, Tx } from "./types";
import { inWorkTransaction, type LockedWork } from "./work-lock";

export interface UndoOutcome extends ChangeResult {
  changes: GridPatch;
}

const RECORD = {
  id: true,
  gridVersion: true,
  kind: true,
  payload: true,
  inverse: true,
  userId: true,
  user: { select: { name: true } },
  createdAt: true,
  rowIds: true,
  undoneAt: true,
  undoOfId: true,
} as const;

export async function undoLastChange(db: Db, workId: string, actor: Actor, baseVersion: number): Promise<UndoOutcome> {
  requireEditor(actor);
  const result = await inWorkTransaction(db, workId, async (tx, work) => {
    const target = await tx.gridOperation.findFirst({
      where: { workId: work.id, userId: actor.id, kind: { not: "undo" }, undoneAt: null },
      orderBy: { gridVersion: "desc" },
      select: RECORD,
    });
    if (!target) throw new DomainError("invalid", "There is nothing of yours to undo in this work.");
    if (isWholeGrid(target.kind)) throw new DomainError("invalid", notUndoable(target.kind));
    return reverse(tx, work, actor, target, "undo");
  });
  return { ...result, changes: await loadGridChanges(db, workId, Math.min(baseVersion, result.version - 1)) };
}

export async function redoLastUndo(db: Db, workId: string, actor: Actor, baseVersion: number): Promise<UndoOutcome> {
  requireEditor(actor);
  const result = await inWorkTransaction(db, workId, async (tx, work) => {
    const target = await latestRedoable(tx, work.id, actor.id);
    if (!target) throw new DomainError("invalid", "There is nothing of yours to redo in this work.");
    return reverse(tx, work, actor, target, "redo");
  });
  return { ...result, changes: await loadGridChanges(db, workId, Math.min(baseVersion, result.version - 1)) };
}

type Target = NonNullable<Awaited<ReturnType<typeof latestRedoable>>>;

/** Walks back through the editor's records: past redos and redone undos, stopping at a new change. */
async function latestRedoable(tx: Tx, workId: string, userId: string) {
  let cursor: number | undefined;
  for (;;) {
    const records = await tx.gridOperation.findMany({
      where: { workId, userId, ...(cursor === undefined ? {} : { gridVersion: { lt: cursor } }) },
      orderBy: { gridVersion: "desc" },
      take: 100,
      select: RECORD,
    });
    for (const record of records) {
      if (record.kind === "undo" && record.undoneAt === null) return record;
      if (record.kind !== "undo" && record.kind !== "redo") return null;
    }
    if (records.length < 100) return null;
    cursor = records[records.length - 1].gridVersion;
  }
}

async function reverse(tx: Tx, work: LockedWork, actor: Actor, target: Target, kind: "undo" | "redo"): Promise<ChangeResult> {
  const action = kind === "undo" ? "Undo" : "Redo";
  const original = baseSummary(toSummary(target).summary);
  const later = await changesSince(tx, work.id, target.gridVersion);
  refuseGap(later, target.gridVersion, work.gridVersion);
  const others = later.filter((c) => c.userId !== actor.id);
  try {
    const result = await performChange(tx, work, {
      actor,
      kind,
      undoOfId: target.id,
      build: () => {
        refuseIfTouched(others, target.rowIds, work.gridVersion, `${action} of “${original}”`);
        return target.inverse as unknown as Change;
      },
      check: (touched) => refuseIfTouched(others, touched, work.gridVersion, `${action} of “${original}”`),
      summarise: () => `${kind === "undo" ? "Undid" : "Redid"}: ${original}`,
    });
    await tx.gridOperation.update({ where: { id: target.id }, data: { undoneAt: new Date() } });
    return result;
  } catch (error) {
    if (error instanceof GridOperationError || (error instanceof DomainError && error.code === "conflict")) {
      throw new DomainError("conflict", `${action} of “${original}” is not possible any more: ${error.message}`);
    }
    throw error;
  }
}

function notUndoable(kind: WholeGridKind): string {
  const what = { align: "An alignment run", realign: "An alignment run", import: "An import", "replace-edition": "Replacing an edition's text", restore: "A restore" }[kind];
  return `${what} cannot be undone; your changes before it cannot be undone across it either. Restore the grid it replaced from the journal (“Restore the grid before this”).`;
}

/** A journal line without the "Undid: " or "Redid: " in front. */
export function baseSummary(summary: string): string {
  return summary.replace(/^(Undid|Redid): /, "");
}
