/**
 * Alignment jobs: a run of alignWork recorded in PostgreSQL (queued → running → done | failed, with its progress
 * and a message), so that any app server can show how far it got. The job runs in the server that started it;
 * while it runs it updates its row (progress and heartbeat). A work has at most one queued or running job (an
 * exclusion constraint): a second start is refused with a conflict. A job whose server went away stops beating
 * and, after a few minutes of silence, no longer blocks a new one.
 */
import type { Db } from "../client";
import { ConflictError, DomainError } from "../errors";
import type { AlignmentJob, Prisma } from "../generated/client";
import { alignWork, describeResult, type AlignMode } from "./align-work";
import { alignWorkWords } from "../words/align-work-words";

export interface AlignmentJobView {
  id: string;
  workId: string;
  mode: AlignMode;
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  message: string;
  pivot: { id: string; slug: string } | null;
  user: { id: string; name: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: Record<string, unknown> | null;
}

/** A queued or running job whose row has not been touched for this long is taken as abandoned. */
export const ABANDONED_AFTER_SECONDS = 120;
/** Progress is written at most this often by default (and always at the end). */
const PROGRESS_EVERY_MS = 250;

const INCLUDE = { pivotEdition: { select: { id: true, slug: true } }, user: { select: { id: true, name: true } } } as const;
type JobRecord = AlignmentJob & { pivotEdition: { id: string; slug: string } | null; user: { id: string; name: string } | null };

function toView(job: JobRecord): AlignmentJobView {
  return {
    id: job.id,
    workId: job.workId,
    mode: job.mode,
    status: job.status,
    progress: job.progress,
    message: job.message,
    pivot: job.pivotEdition,
    user: job.user,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: (job.result as Record<string, unknown> | null) ?? null,
  };
}

export interface StartJob {
  workId: string;
  mode: AlignMode;
  /** The edition to align to (a current edition of the work); the work's pivot when left out. */
  pivotEditionId?: string;
  userId: string | null;
}

/** Records a queued job; refused (conflict) while another job of the work is queued or running. */
export async function startAlignmentJob(db: Db, start: StartJob): Promise<AlignmentJobView> {
  if (start.pivotEditionId !== undefined) {
    const pivot = await db.edition.findFirst({ where: { id: start.pivotEditionId, workId: start.workId, supersededById: null }, select: { id: true } });
    if (!pivot) throw new DomainError("invalid", "The pivot must be one of the work's current editions.");
  }
  await abandonSilentJobs(db, start.workId);
  try {
    const job = await db.alignmentJob.create({
      data: {
        workId: start.workId,
        mode: start.mode,
        pivotEditionId: start.pivotEditionId ?? null,
        userId: start.userId,
        message: start.mode === "align" ? "Waiting to align the work." : "Waiting to re-align the work.",
      },
      include: INCLUDE,
    });
    return toView(job);
  } catch (error) {
    if (!isOneActivePerWorkViolation(error)) throw error;
    const active = await activeAlignmentJob(db, start.workId);
    throw new ConflictError(
      active
        ? `This work is already being ${active.mode === "align" ? "aligned" : "re-aligned"}${active.user ? ` by ${active.user.name}` : ""}; wait until that run has finished.`
        : "This work is already being aligned; wait until that run has finished.",
      active ? { job: active } : undefined,
    );
  }
}

function isOneActivePerWorkViolation(error: unknown): boolean {
  return /alignment_job_one_active_per_work/.test(String((error as { message?: unknown } | null)?.message ?? "")) || /alignment_job_one_active_per_work/.test(JSON.stringify((error as { meta?: unknown } | null)?.meta ?? null));
}

/** Runs a queued job to its end, recording progress, the result or the failure. Never throws. */
export async function runAlignmentJob(db: Db, jobId: string, options: { progressEveryMs?: number } = {}): Promise<AlignmentJobView> {
  const every = options.progressEveryMs ?? PROGRESS_EVERY_MS;
  const claimed = await db.alignmentJob.updateMany({
    where: { id: jobId, status: "queued" },
    data: { status: "running", startedAt: new Date(), heartbeatAt: new Date(), message: "Starting." },
  });
  const job = await db.alignmentJob.findUniqueOrThrow({ where: { id: jobId }, include: INCLUDE });
  if (claimed.count === 0) return toView(job);
  let lastWrite = 0;
  const onProgress = async (progress: number, message: string) => {
    const now = Date.now();
    if (now - lastWrite < every && progress < 1) return;
    lastWrite = now;
    await db.$executeRaw`
      UPDATE alignment_job SET progress = ${Math.min(1, Math.max(0, progress))}, message = ${message}, heartbeat_at = now()
      WHERE id = ${jobId}::uuid AND status = 'running'`;
  };
  try {
    const result = await alignWork(db, job.workId, {
      mode: job.mode,
      pivotEditionId: job.pivotEditionId ?? undefined,
      actor: job.user,
      runId: job.id,
      onProgress: (progress, message) => onProgress(progress * 0.7, message),
    });
    await alignWorkWords(db, job.workId, { onProgress: (progress, message) => onProgress(0.7 + progress * 0.3, message) });
    const done = await db.alignmentJob.update({
      where: { id: jobId },
      data: {
        status: "done",
        progress: 1,
        message: describeResult(result),
        result: result as unknown as Prisma.InputJsonValue,
        finishedAt: new Date(),
        heartbeatAt: new Date(),
      },
      include: INCLUDE,
    });
    return toView(done);
  } catch (error) {
    if (!(error instanceof DomainError)) console.error(`Alignment job ${jobId} failed:`, error);
    const message = error instanceof DomainError ? error.message : "The alignment failed because of an error on the server; the grid was not changed.";
    const failed = await db.alignmentJob.update({
      where: { id: jobId },
      data: { status: "failed", message, finishedAt: new Date(), heartbeatAt: new Date() },
      include: INCLUDE,
    });
    return toView(failed);
  }
}

/** Marks the work's queued or running jobs whose server has been silent too long as failed. */
async function abandonSilentJobs(db: Db, workId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE alignment_job SET status = 'failed', finished_at = now(),
      message = 'Abandoned: the server running it stopped before it finished; the grid was not changed.'
    WHERE work_id = ${workId}::uuid AND status IN ('queued', 'running')
      AND heartbeat_at < now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS})`;
}

/** One job of a work (an abandoned one shown as failed); not found when the id names no job of this work. */
export async function getAlignmentJob(db: Db, workId: string, jobId: string): Promise<AlignmentJobView> {
  await abandonSilentJobs(db, workId);
  const job = /^[0-9a-f-]{36}$/i.test(jobId) ? await db.alignmentJob.findFirst({ where: { id: jobId, workId }, include: INCLUDE }) : null;
  if (!job) throw new DomainError("not_found", "There is no such alignment job for this work.");
  return toView(job);
}

/** The work's latest job, if any (an abandoned one shown as failed). */
export async function latestAlignmentJob(db: Db, workId: string): Promise<AlignmentJobView | null> {
  await abandonSilentJobs(db, workId);
  const job = await db.alignmentJob.findFirst({ where: { workId }, orderBy: { createdAt: "desc" }, include: INCLUDE });
  return job ? toView(job) : null;
}

async function activeAlignmentJob(db: Db, workId: string): Promise<AlignmentJobView | null> {
  const job = await db.alignmentJob.findFirst({ where: { workId, status: { in: ["queued", "running"] } }, include: INCLUDE });
  return job ? toView(job) : null;
}
