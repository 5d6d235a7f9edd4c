/**
 * Everything that happened to one row: the row as it is now (if it still exists), every journal entry that
 * touched it, and the revisions of the segments it holds.
 */
import type { Db } from "../client";
import type { EditorRow, EditorSegment } from "./editor-grid";
import { findChanges } from "./list-changes";
import type { ChangeSummary } from "./types";

export interface RevisionView {
  id: string;
  segmentId: string;
  editionId: string;
  authorName: string | null;
  reason: string;
  oldText: string;
  newText: string;
  createdAt: string;
  /** True when the segment still reads as this revision left it, so it can be reverted. */
  current: boolean;
}

export interface RowHistory {
  row: (EditorRow & { number: number }) | null;
  changes: ChangeSummary[];
  revisions: RevisionView[];
}

export async function rowHistory(db: Db, workId: string, rowId: string): Promise<RowHistory> {
  const [row, changes] = await Promise.all([
    db.alignmentRow.findFirst({
      where: { id: rowId, workId },
      select: {
        id: true,
        position: true,
        version: true,
        status: true,
        confidence: true,
        segments: {
          orderBy: { position: "asc" },
          select: { id: true, editionId: true, text: true, version: true, kind: true, paragraph: true, headingLevel: true },
        },
      },
    }),
    findChanges(db, { workId, rowIds: { has: rowId } }, 500),
  ]);
  if (!row) return { row: null, changes, revisions: [] };
  const number = (await db.alignmentRow.count({ where: { workId, position: { lt: row.position } } })) + 1;
  const cells: Record<string, EditorSegment[]> = {};
  for (const { editionId, ...segment } of row.segments) (cells[editionId] ??= []).push(segment);
  const revisions = await db.revision.findMany({
    where: { segmentId: { in: row.segments.map((s) => s.id) } },
    orderBy: { createdAt: "desc" },
    select: { id: true, segmentId: true, reason: true, oldText: true, newText: true, createdAt: true, author: { select: { name: true } } },
  });
  const segmentOf = new Map(row.segments.map((s) => [s.id, s]));
  return {
    row: { id: row.id, number, version: row.version, status: row.status, confidence: row.confidence, cells },
    changes,
    revisions: revisions.map((r) => ({
      id: r.id,
      segmentId: r.segmentId,
      editionId: segmentOf.get(r.segmentId)!.editionId,
      authorName: r.author?.name ?? null,
      reason: r.reason,
      oldText: r.oldText,
      newText: r.newText,
      createdAt: r.createdAt.toISOString(),
      current: segmentOf.get(r.segmentId)!.text === r.newText,
    })),
  };
}
