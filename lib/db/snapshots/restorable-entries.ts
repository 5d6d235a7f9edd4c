/**
 * Which journal entries keep a snapshot of the grid they replaced (the journal offers to restore those), and which
 * had one that was pruned since (prune-snapshots.ts: the journal says "snapshot no longer kept").
 */
import type { Db } from "../client";

export interface EntrySnapshots {
  restorable: Set<string>;
  pruned: Set<string>;
}

export async function restorableEntries(db: Db, operationIds: readonly string[]): Promise<EntrySnapshots> {
  const snapshots: EntrySnapshots = { restorable: new Set(), pruned: new Set() };
  if (operationIds.length === 0) return snapshots;
  const found = await db.gridSnapshot.findMany({ where: { operationId: { in: [...operationIds] } }, select: { operationId: true, prunedAt: true } });
  for (const snapshot of found) {
    if (snapshot.operationId) (snapshot.prunedAt ? snapshots.pruned : snapshots.restorable).add(snapshot.operationId);
  }
  return snapshots;
}
