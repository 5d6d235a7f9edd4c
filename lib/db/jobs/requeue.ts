/**
 * Putting a job back on the queue for another run (a new run token, so that the run it replaces can no longer
 * claim or complete it), or failing it for good. Shared by the worker's retries, its shutdown and the recovery of
 * jobs whose worker died.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "../grid/types";
import { dispatch } from "./queue";

export interface Requeue {
  /** Seconds before the next run may start. */
  delaySeconds: number;
  message: string;
  /** Whether the run that ends counts as an attempt (false when its worker was shut down). */
  countAttempt: boolean;
}

/** Requeues a running job (the run `token` names, when given); false when it is no longer running (finished or cancelled meanwhile). */
export async function requeueJob(tx: Tx, jobId: string, requeue: Requeue, token?: string): Promise<boolean> {
  const next = randomUUID();
  const updated = await tx.$executeRaw`
    UPDATE job SET status = 'queued', run_token = ${next}::uuid, worker_id = NULL, lease_until = NULL, message = ${requeue.message},
      attempts = CASE WHEN ${requeue.countAttempt} THEN attempts ELSE greatest(attempts - 1, 0) END
    WHERE id = ${jobId}::uuid AND status = 'running' AND (${token ?? null}::uuid IS NULL OR run_token = ${token ?? null}::uuid)`;
  if (updated === 0) return false;
  await dispatch(tx, jobId, next, requeue.delaySeconds);
  return true;
}

/** Fails a running job for good; false when it is no longer running. */
export async function failJob(tx: Tx, jobId: string, message: string, token?: string): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE job SET status = 'failed', message = ${message}, finished_at = now(), lease_until = NULL
    WHERE id = ${jobId}::uuid AND status = 'running' AND (${token ?? null}::uuid IS NULL OR run_token = ${token ?? null}::uuid)`;
  return updated > 0;
}
