/**
 * The retention policy of grid snapshots (capture-snapshot.ts), which otherwise grow with every alignment run,
 * import and restore: a snapshot is kept while it is among the `keep` newest of its work OR younger than `days`
 * days; only a snapshot that fails both is pruned. Pruning empties its content and records when, keeping the row,
 * so the journal entry it belonged to says "snapshot no longer kept" instead of offering a restore that would fail
 * (restorable-entries.ts, restore-snapshot.ts). Workers prune when they start and every hour (jobs/worker.ts);
 * HEXAPLA_SNAPSHOTS_KEEP and HEXAPLA_SNAPSHOTS_DAYS set the policy.
 */
import type { Db } from "../client";

export interface SnapshotRetention {
  /** The newest snapshots of each work that are always kept. */
  keep: number;
  /** Snapshots younger than this many days are always kept. */
  days: number;
}

/** Returns how many snapshots were pruned. */
export async function pruneSnapshots(db: Db, retention: SnapshotRetention): Promise<number> {
  return db.$executeRaw`
    UPDATE grid_snapshot SET content = NULL, pruned_at = now()
    WHERE id IN (
      SELECT id FROM (
        SELECT id, content IS NULL AS pruned, created_at,
               row_number() OVER (PARTITION BY work_id ORDER BY created_at DESC, id DESC) AS newest
        FROM grid_snapshot
      ) ranked
      WHERE NOT pruned AND newest > ${retention.keep} AND created_at < now() - make_interval(days => ${retention.days})
    )`;
}
