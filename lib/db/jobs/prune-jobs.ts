/**
 * Forgets finished jobs after a while, so the job table does not grow with every import and alignment: a job that
 * ended more than KEEP_DAYS ago goes, unless it is the latest of its kind on its work (what the alignment page
 * shows as the last run). Workers prune when they start and every hour.
 */
import type { Db } from "../client";

export const KEEP_DAYS = 30;

/** Returns how many jobs were deleted. */
export async function pruneJobs(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM job j
    WHERE j.status IN ('done', 'failed', 'cancelled') AND j.finished_at < now() - make_interval(days => ${KEEP_DAYS})
      AND EXISTS (SELECT 1 FROM job later WHERE later.work_id = j.work_id AND later.kind = j.kind AND later.created_at > j.created_at)`;
}
