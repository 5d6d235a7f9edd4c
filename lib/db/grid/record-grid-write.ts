/**
 * Journal entries for the writes that replace or extend the grid as a whole rather than through an editor's
 * operation: aligning and re-aligning a work, importing an edition into it, replacing an edition's text. The
 * writer has already moved the work to the version the entry records (exactly one step); the entry cannot be
 * undone, counts as touching every row (list-changes.ts), and open editor pages hear of it.
 */
import type { Prisma } from "../generated/client";
import type { WholeGridKind } from "./list-changes";
import { notifyGridChange } from "./notify";
import type { Tx } from "./types";

/** The inverse of an entry that cannot be undone. */
export const NOT_UNDOABLE = { type: "none" } as const;

export interface GridWrite {
  workId: string;
  kind: WholeGridKind;
  /** The work's grid version the write produced. */
  version: number;
  userId: string | null;
  /** The journal's line, e.g. "Re-aligned the rows between confirmed rows (120 rows)". */
  summary: string;
  /** Rows the write created or changed, when known cheaply. */
  rowIds?: string[];
  /** Further facts kept in the payload beside the summary. */
  details?: Record<string, Prisma.InputJsonValue | null>;
}

/** Records the write under its version and notifies open pages; returns the entry's id. */
export async function recordGridWrite(tx: Tx, write: GridWrite): Promise<string> {
  const user = write.userId === null ? null : await tx.user.findUnique({ where: { id: write.userId }, select: { id: true, name: true } });
  const entry = await tx.gridOperation.create({
    data: {
      workId: write.workId,
      userId: user?.id ?? null,
      kind: write.kind,
      payload: { ...write.details, summary: write.summary },
      inverse: NOT_UNDOABLE,
      rowIds: write.rowIds ?? [],
      gridVersion: write.version,
    },
    select: { id: true },
  });
  await notifyGridChange(tx, {
    workId: write.workId,
    version: write.version,
    operationId: entry.id,
    kind: write.kind,
    userId: user?.id ?? null,
    userName: user?.name ?? null,
    summary: write.summary,
  });
  return entry.id;
}
