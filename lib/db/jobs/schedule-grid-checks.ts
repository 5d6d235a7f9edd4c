/**
 * Queues a `check-grid` job for every work whose grid changed since its last successful check (or was never
 * checked). Workers do it when they start and every GRID_CHECK_EVERY_MS; a check already queued for a work is
 * reused, so several workers doing it at once queue one each at most.
 */
import type { Db } from "../client";
import { enqueueJob } from "./enqueue-job";

export const GRID_CHECK_EVERY_MS = 3_600_000;

/** Returns the ids of the works a check was queued for. */
export async function scheduleGridChecks(db: Db): Promise<string[]> {
  const works = await db.$queryRaw<{ id: string }[]>`
    SELECT w.id::text FROM work w
    WHERE EXISTS (SELECT 1 FROM alignment_row r WHERE r.work_id = w.id)
      AND w.grid_version IS DISTINCT FROM (
        SELECT (j.result ->> 'version')::int FROM job j
        WHERE j.work_id = w.id AND j.kind = 'check-grid' AND j.status = 'done'
        ORDER BY j.finished_at DESC LIMIT 1)`;
  for (const work of works) await enqueueJob(db, { kind: "check-grid", workId: work.id, userId: null });
  return works.map((w) => w.id);
}
