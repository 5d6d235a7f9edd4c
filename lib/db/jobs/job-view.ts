/** Jobs as the UI and the HTTP API show them: read from the database, so any app server answers. */
import type { Db } from "../client";
import { DomainError } from "../errors";
import type { Job } from "../generated/client";
import { findJobKind } from "./registry";
import { liveWorkers } from "./recover-jobs";

export type JobStatus = Job["status"];

export interface JobView {
  id: string;
  kind: string;
  /** What the job does, in words: "Aligning", "Computing the compare view's row signals". */
  title: string;
  workId: string;
  status: JobStatus;
  progress: number;
  message: string;
  payload: unknown;
  result: Record<string, unknown> | null;
  user: { id: string; name: string } | null;
  cancelledBy: { id: string; name: string } | null;
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Queued while no worker is running: it starts when one does. */
  waitingForWorker: boolean;
}

const INCLUDE = { user: { select: { id: true, name: true } }, cancelledBy: { select: { id: true, name: true } } } as const;
type JobRecord = Job & { user: { id: string; name: string } | null; cancelledBy: { id: string; name: string } | null };

async function toView(db: Db, job: JobRecord): Promise<JobView> {
  return {
    id: job.id,
    kind: job.kind,
    title: findJobKind(job.kind)?.title(job.payload) ?? job.kind,
    workId: job.workId,
    status: job.status,
    progress: job.progress,
    message: job.message,
    payload: job.payload,
    result: (job.result as Record<string, unknown> | null) ?? null,
    user: job.user,
    cancelledBy: job.cancelledBy,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    waitingForWorker: job.status === "queued" && (await liveWorkers(db)) === 0,
  };
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export async function getJobById(db: Db, jobId: string): Promise<JobView> {
  const job = isUuid(jobId) ? await db.job.findUnique({ where: { id: jobId }, include: INCLUDE }) : null;
  if (!job) throw new DomainError("not_found", "There is no such job.");
  return toView(db, job);
}

/** A job of the work; not found when the id names no job of this work. */
export async function getJob(db: Db, workId: string, jobId: string): Promise<JobView> {
  const job = isUuid(jobId) ? await db.job.findFirst({ where: { id: jobId, workId }, include: INCLUDE }) : null;
  if (!job) throw new DomainError("not_found", "There is no such job for this work.");
  return toView(db, job);
}

/** The work's latest job of these kinds, if any. */
export async function latestJob(db: Db, workId: string, kinds: readonly string[]): Promise<JobView | null> {
  const job = await db.job.findFirst({ where: { workId, kind: { in: [...kinds] } }, orderBy: { createdAt: "desc" }, include: INCLUDE });
  return job ? toView(db, job) : null;
}
