/** Rows an editor marked to come back to: private to the user, not part of the grid's history. */
import type { Db } from "../client";
import { DomainError } from "../errors";

export async function listBookmarks(db: Db, workId: string, userId: string): Promise<string[]> {
  const bookmarks = await db.bookmark.findMany({ where: { userId, row: { workId } }, orderBy: { createdAt: "asc" }, select: { rowId: true } });
  return bookmarks.map((b) => b.rowId);
}

export async function setBookmark(db: Db, workId: string, userId: string, rowId: string, on: boolean): Promise<string[]> {
  const row = await db.alignmentRow.findUnique({ where: { id: rowId }, select: { workId: true } });
  if (!row || row.workId !== workId) throw new DomainError("not_found", "There is no such row in this work.");
  if (on) await db.bookmark.upsert({ where: { userId_rowId: { userId, rowId } }, create: { userId, rowId }, update: {} });
  else await db.bookmark.deleteMany({ where: { userId, rowId } });
  return listBookmarks(db, workId, userId);
}
