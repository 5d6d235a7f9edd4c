/** A segment as it is now with its revisions, newest first: what the editor's reload shows after a conflict. */
import type { Db } from "../client";
import { segmentInWork } from "./edit-segment-text";

export async function getSegment(db: Db, workId: string, segmentId: string) {
  const segment = await segmentInWork(db, workId, segmentId);
  const revisions = await db.revision.findMany({
    where: { segmentId },
    orderBy: { createdAt: "desc" },
    select: { id: true, reason: true, oldText: true, newText: true, createdAt: true, author: { select: { name: true } } },
  });
  return {
    segment: { id: segment.id, text: segment.text, version: segment.version, editionId: segment.editionId, rowId: segment.rowId },
    revisions: revisions.map((r) => ({
      id: r.id,
      reason: r.reason,
      oldText: r.oldText,
      newText: r.newText,
      createdAt: r.createdAt.toISOString(),
      authorName: r.author?.name ?? null,
    })),
  };
}
