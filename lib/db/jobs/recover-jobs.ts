/**
 * Finds running jobs whose run can no longer finish and hands them on: back to the queue while they have attempts
 * left, else failed. A run is over when its worker is gone — the worker's session-level advisory lock is released
 * the moment its process dies (the operating system closes its connection), so a killed worker's jobs are found
 * on the next sweep, within seconds — or when its lease has passed (a worker that hangs or lost the database).
 * Every worker sweeps when it starts and every few seconds; the sweep skips jobs whose row is being written (a
 * run completing) and is safe to run in several workers at once. Nothing of the run that died needs undoing: a
 * job's writes commit together with its completion, or not at all.
 */
import type { Db } from "../client";
import { failJob, requeueJob } from "./requeue";
import { WORKER_LOCK_SPACE } from "./timing";

interface Orphan {
  id: string;
  attempts: number;
  max_attempts: number;
  lease_passed: boolean;
}

export interface Recovered {
  requeued: string[];
  failed: string[];
}

export async function recoverJobs(db: Db): Promise<Recovered> {
  return db.$transaction(async (tx) => {
    const orphans = await tx.$queryRaw<Orphan[]>`
      SELECT j.id::text, j.attempts, j.max_attempts, coalesce(j.lease_until < now(), true) AS lease_passed
      FROM job j
      WHERE j.status = 'running'
        AND (j.lease_until IS NULL OR j.lease_until < now() OR j.worker_id IS NULL OR NOT EXISTS (
          SELECT 1 FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = ${WORKER_LOCK_SPACE}::int::oid AND l.objid = j.worker_id::oid))
      FOR UPDATE OF j SKIP LOCKED`;
    const recovered: Recovered = { requeued: [], failed: [] };
    for (const orphan of orphans) {
      const why = orphan.lease_passed ? "Its worker stopped answering" : "Its worker stopped";
      if (orphan.attempts < orphan.max_attempts) {
        const message = `${why} (run ${orphan.attempts} of ${orphan.max_attempts}); it runs again. Nothing of that run was kept.`;
        if (await requeueJob(tx, orphan.id, { delaySeconds: 0, countAttempt: true, message })) recovered.requeued.push(orphan.id);
      } else {
        const message = `${why} ${orphan.max_attempts === 1 ? "before it finished" : `on each of its ${orphan.max_attempts} runs`}; nothing it was writing was kept.`;
        if (await failJob(tx, orphan.id, message)) recovered.failed.push(orphan.id);
      }
    }
    /* Worker records whose process is gone: none of their jobs is running any more. */
    await tx.$executeRaw`
      DELETE FROM job_worker w
      WHERE w.heartbeat_at < now() - interval '1 minute'
        AND NOT EXISTS (
          SELECT 1 FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = ${WORKER_LOCK_SPACE}::int::oid AND l.objid = w.id::oid)`;
    return recovered;
  });
}

/** How many worker processes are alive now (holding their advisory lock). */
export async function liveWorkers(db: Db): Promise<number> {
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM job_worker w
    WHERE EXISTS (
      SELECT 1 FROM pg_locks l
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = ${WORKER_LOCK_SPACE}::int::oid AND l.objid = w.id::oid)`;
  return count;
}
