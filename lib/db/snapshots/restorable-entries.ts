/** Which journal entries keep a snapshot of the grid they replaced (the journal offers to restore those). */
import type { Db } from "../client";

export async function restorableEntries(db: Db, operationIds: readonly string[]): Promise<Set<string>> {
  if (operationIds.length === 0) return new Set();
  const found = await db.gridSnapshot.findMany({ where: { operationId: { in: [...operationIds] } }, select: { operationId: true } });
  return new Set(found.flatMap((s) => (s.operationId ? [s.operationId] : [])));
}
