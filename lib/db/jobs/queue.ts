/**
 * The queue that hands jobs to workers: graphile-worker, in PostgreSQL (schema `graphile_worker`, installed after
 * the app's migrations by queue-schema.ts). Queuing is plain SQL, so the app server never loads graphile-worker.
 *
 * Why graphile-worker rather than pg-boss: a job is queued with the SQL function `graphile_worker.add_job`, so it
 * commits in the same transaction as the job record and whatever asked for it (an import queues its follow-up jobs
 * atomically, through Prisma); idle workers are woken by LISTEN/NOTIFY, so a job starts within milliseconds instead
 * of after a polling interval; tasks are plain functions. Its one gap — a crashed worker's queue entry stays locked
 * for four hours (recovery is in the commercial Worker Pro) — does not matter here: the queue entry only names a
 * run of a `job` record, and job records carry their own lease (lib/db/jobs/recover-jobs.ts). Version 0.17: 0.18
 * needs Node.js 22.18, the project runs on Node.js 20.
 */
import type { Tx } from "../grid/types";

/** The one task the queue knows: run the job record named in the payload (lib/db/jobs/run-job.ts). */
export const QUEUE_TASK = "hexapla_job";

/**
 * The queue's own retries cover a run that failed before it claimed its job (e.g. the database was unreachable);
 * once claimed, a job's retries are the job record's (attempts, max_attempts).
 */
const QUEUE_ATTEMPTS = 5;

/** Where cancellations are announced to the workers (NOTIFY, payload: the job's id). */
export const CANCEL_CHANNEL = "hexapla_job_cancel";

/** Puts a run of job `jobId` on the queue, in the caller's transaction, to start after `delaySeconds`. */
export async function dispatch(tx: Tx, jobId: string, token: string, delaySeconds = 0): Promise<void> {
  await tx.$executeRaw`
    SELECT 1 FROM graphile_worker.add_job(${QUEUE_TASK}, json_build_object('jobId', ${jobId}::text, 'token', ${token}::text),
      run_at := now() + make_interval(secs => ${delaySeconds}), max_attempts := ${QUEUE_ATTEMPTS}::smallint)`;
}
