/**
 * The common path of every write to a work's grid or text, inside the work's transaction: build the change
 * from the current grid, let the caller refuse it when rows it needs changed, apply it, check the result,
 * record it in the journal with its inverse under the next grid version, queue the word alignment of the rows
 * whose cells it changed, and notify open pages.
 */
import { randomUUID } from "node:crypto";
import type { Change, Actor, Tx } from "./types";
import { applyChange } from "./apply-change";
import { describeChange, type DescribeContext } from "./describe-change";
import { loadGridState, type StoredGrid } from "./load-grid-state";
import { notifyGridChange } from "./notify";
import { queueRowWords } from "../words/queue-row-words";
import { verifyGrid } from "./verify-grid";
import type { LockedWork } from "./work-lock";
import type { Prisma } from "../generated/client";

export interface ChangeRequest {
  actor: Actor;
  /** The journal's kind; the change's own kind when left out. */
  kind?: string;
  undoOfId?: string;
  /** What the client asked for, kept in the journal. */
  request?: unknown;
  build(stored: StoredGrid, operationId: string): Promise<Change> | Change;
  /** Throws to refuse the change once the rows it touches are known (they are given with the grid before it). */
  check?(touchedRowIds: readonly string[], stored: StoredGrid): Promise<void> | void;
  /** Turns the description of the change into the journal's line (e.g. "Undid: …"). */
  summarise?(description: string): string;
}

export interface ChangeResult {
  operationId: string;
  kind: string;
  version: number;
  summary: string;
  touchedRowIds: string[];
}

export async function performChange(tx: Tx, work: LockedWork, request: ChangeRequest): Promise<ChangeResult> {
  const stored = await loadGridState(tx, work.id);
  const operationId = randomUUID();
  const change = await request.build(stored, operationId);
  const kind = request.kind ?? kindOf(change);
  const version = work.gridVersion + 1;
  await tx.gridOperation.create({
    data: { id: operationId, workId: work.id, userId: request.actor.id, kind, payload: {}, inverse: {}, rowIds: [], gridVersion: version, undoOfId: request.undoOfId },
  });
  const outcome = await applyChange(tx, { workId: work.id, stored, version, operationId, actorId: request.actor.id }, change);
  await request.check?.(outcome.touchedRowIds, stored);
  await verifyGrid(tx, work.id, outcome.state);

  const description = describeChange(outcome.applied, await describeContext(tx, work.id, stored));
  const summary = request.summarise ? request.summarise(description) : description;
  await tx.gridOperation.update({
    where: { id: operationId },
    data: {
      payload: { change: outcome.applied, summary, ...(request.request === undefined ? {} : { request: request.request }) } as unknown as Prisma.InputJsonValue,
      inverse: outcome.inverse as unknown as Prisma.InputJsonValue,
      rowIds: outcome.touchedRowIds,
    },
  });
  await tx.work.update({ where: { id: work.id }, data: { gridVersion: version } });
  if (changesCells(outcome.applied)) await queueRowWords(tx, work.id, outcome.touchedRowIds);
  await notifyGridChange(tx, {
    workId: work.id,
    version,
    operationId,
    kind,
    userId: request.actor.id,
    userName: request.actor.name,
    summary,
  });
  return { operationId, kind, version, summary, touchedRowIds: outcome.touchedRowIds };
}

/** Whether a change alters what rows hold (segments or text), so that their word links must be aligned again. */
function changesCells(change: Change): boolean {
  if (change.type === "wordLinks") return false;
  if (change.type === "layout") return !["setStatus", "confirmUpTo", "restoreStatuses"].includes(change.op.type);
  return true;
}

/** The journal's kind of a change: the grid operation's type, or splitSegment, mergeSegments, editText, revertRevision. */
export function kindOf(change: Change): string {
  if (change.type === "layout") return change.op.type;
  if (change.type === "editText" && change.revertOf) return "revertRevision";
  return change.type;
}

async function describeContext(tx: Tx, workId: string, stored: StoredGrid): Promise<DescribeContext> {
  const editions = await tx.edition.findMany({ where: { workId }, select: { id: true, slug: true } });
  const slugs = new Map(editions.map((e) => [e.id, e.slug]));
  const numbers = new Map(stored.state.grid.rows.map((row, index) => [row.id, index + 1]));
  const rowOfSegment = new Map<string, string>();
  for (const row of stored.state.grid.rows) {
    for (const ids of Object.values(row.cells)) for (const id of ids) rowOfSegment.set(id, row.id);
  }
  return {
    rowNumber: (id) => numbers.get(id) ?? null,
    editionName: (id) => slugs.get(id) ?? "an edition",
    rowOfSegment: (id) => rowOfSegment.get(id) ?? null,
  };
}
