/** Recorded changes of a work as summaries: what conflict messages, the journal and row histories list. */
import type { Prisma } from "../generated/client";
import type { Db } from "../client";
import type { ChangeSummary, Tx } from "./types";

type Reader = Db | Tx;

const SELECT = {
  id: true,
  gridVersion: true,
  kind: true,
  payload: true,
  userId: true,
  user: { select: { name: true } },
  createdAt: true,
  rowIds: true,
  undoneAt: true,
  undoOfId: true,
} as const;

type Record = Prisma.GridOperationGetPayload<{ select: typeof SELECT }>;

export function toSummary(record: Record): ChangeSummary {
  const payload = record.payload as { summary?: unknown } | null;
  return {
    id: record.id,
    gridVersion: record.gridVersion,
    kind: record.kind,
    summary: typeof payload?.summary === "string" ? payload.summary : record.kind,
    userId: record.userId,
    userName: record.user?.name ?? null,
    createdAt: record.createdAt.toISOString(),
    rowIds: record.rowIds,
    undoneAt: record.undoneAt?.toISOString() ?? null,
    undoOfId: record.undoOfId,
  };
}

/** Changes recorded after grid version `since`, oldest first. */
export async function changesSince(db: Reader, workId: string, since: number): Promise<ChangeSummary[]> {
  const records = await db.gridOperation.findMany({
    where: { workId, gridVersion: { gt: since } },
    orderBy: { gridVersion: "asc" },
    select: SELECT,
  });
  return records.map(toSummary);
}

export async function findChanges(db: Reader, where: Prisma.GridOperationWhereInput, take: number): Promise<ChangeSummary[]> {
  const records = await db.gridOperation.findMany({ where, orderBy: { gridVersion: "desc" }, take, select: SELECT });
  return records.map(toSummary);
}

/**
 * Journal kinds of writes that replace or extend the grid as a whole (record-grid-write.ts): they touch every row.
 * "restore" puts back a grid an earlier one of them replaced (lib/db/snapshots/).
 */
export const WHOLE_GRID_KINDS = ["align", "realign", "import", "replace-edition", "restore"] as const;
export type WholeGridKind = (typeof WHOLE_GRID_KINDS)[number];

export function isWholeGrid(kind: string): kind is WholeGridKind {
  return (WHOLE_GRID_KINDS as readonly string[]).includes(kind);
}

/**
 * Whether the journal holds every change from `since` to `current` row by row: not when the grid was replaced,
 * whether that left a gap (an unrecorded write) or a whole-grid entry (aligning, an import).
 */
export function coversVersions(changes: readonly ChangeSummary[], since: number, current: number): boolean {
  return changes.length === current - since && changes.every((c, i) => c.gridVersion === since + i + 1 && !isWholeGrid(c.kind));
}

/** The changes that touched any of the rows; a whole-grid change touched them all. */
export function touchingRows(changes: readonly ChangeSummary[], rowIds: Iterable<string>): ChangeSummary[] {
  const rows = new Set(rowIds);
  return changes.filter((c) => isWholeGrid(c.kind) || c.rowIds.some((id) => rows.has(id)));
}
