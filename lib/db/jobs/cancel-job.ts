/**
 * Cancels a queued or running job of a work. The record says so at once; a worker running it hears it (NOTIFY,
 * or at its next lease renewal) and stops, and whatever it was about to write is never committed, because a job's
 * writes commit only together with its completion, which a cancelled job can no longer reach (run-job.ts).
 */
import { hasRole, type SessionUser } from "../../auth/roles";
import type { Db } from "../client";
import { ConflictError, DomainError } from "../errors";
import { getJob, type JobView } from "./job-view";
import { CANCEL_CHANNEL } from "./queue";

export async function cancelJob(db: Db, workId: string, jobId: string, user: { id: string; name: string }): Promise<JobView> {
  const job = await getJob(db, workId, jobId);
  const cancelled = await db.$executeRaw`
    UPDATE job SET status = 'cancelled', cancelled_by_id = ${user.id}, finished_at = now(), lease_until = NULL,
      message = ${`Cancelled by ${user.name} before it finished.`}
    WHERE id = ${job.id}::uuid AND status IN ('queued', 'running')`;
  if (cancelled === 0) {
    const now = await getJob(db, workId, jobId);
    throw new ConflictError(`This job has ${now.status === "cancelled" ? "already been cancelled" : `already ${now.status === "done" ? "finished" : "failed"}`}; there is nothing to cancel.`, { job: now });
  }
  await db.$executeRaw`SELECT pg_notify(${CANCEL_CHANNEL}, ${job.id})`;
  return getJob(db, workId, jobId);
}

/** Kinds a user who is no editor may cancel when they asked for the job themselves: their own exports. */
const CANCELLED_BY_REQUESTER = new Set(["export-work"]);

/** Editors cancel any job; another signed-in user only an export they asked for (403 otherwise, also for a job that does not exist). */
export async function assertMayCancel(db: Db, workId: string, jobId: string, user: SessionUser): Promise<void> {
  if (hasRole(user.role, "editor")) return;
  const job = await getJob(db, workId, jobId).catch(() => null);
  if (job && CANCELLED_BY_REQUESTER.has(job.kind) && job.user?.id === user.id) return;
  throw new DomainError("forbidden", "Only an editor, or whoever asked for an export, may cancel it.");
}
