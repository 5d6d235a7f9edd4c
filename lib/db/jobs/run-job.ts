/**
 * One run of a job on a worker: claim it (only the run the queue was given the token of may), renew its lease
 * while the handler works, record progress, and record how it ended — done, failed with the reason, retried after
 * an unexpected error (with back-off), or back on the queue when the worker shuts down. A cancelled run, or one
 * whose job was taken over by another worker after its lease passed, is stopped through its AbortSignal and writes
 * nothing more: the handler's own writes are one transaction that also completes the job (JobContext.complete).
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../client";
import { DomainError } from "../errors";
import { forgetQueryHistory } from "../query-history";
import type { Prisma } from "../generated/client";
import type { Tx } from "../grid/types";
import { JobStoppedError, type JobContext, type JobResult } from "./job-kind";
import { dispatch } from "./queue";
import { findJobKind } from "./registry";
import { failJob, requeueJob } from "./requeue";
import { LEASE_SECONDS, PROGRESS_EVERY_MS } from "./timing";

/** What a worker shares with the runs it hosts. */
export interface WorkerRuntime {
  workerId: number;
  /** Aborted when the worker shuts down: its runs go back on the queue for another worker. */
  stopping: AbortSignal;
  /** The runs in progress by job id, so that a cancellation the worker hears stops its run at once. */
  runs: Map<string, AbortController>;
  heartbeatMs: number;
  leaseSeconds?: number;
}

interface Claimed {
  id: string;
  kind: string;
  work_id: string;
  payload: unknown;
  user_id: string | null;
  attempts: number;
  max_attempts: number;
}

/** Seconds before retry n+1 after n failed runs: 2, 4, 8… up to a minute. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(60, 2 ** attempt);
}

export async function runJob(db: Db, run: { jobId: string; token: string }, worker: WorkerRuntime): Promise<void> {
  if (worker.stopping.aborted) return handBack(db, run);
  const lease = worker.leaseSeconds ?? LEASE_SECONDS;
  const [job] = await db.$queryRaw<Claimed[]>`
    UPDATE job SET status = 'running', attempts = attempts + 1, worker_id = ${worker.workerId}, heartbeat_at = now(),
      lease_until = now() + make_interval(secs => ${lease}), started_at = coalesce(started_at, now()), message = 'Started.'
    WHERE id = ${run.jobId}::uuid AND run_token = ${run.token}::uuid AND status = 'queued'
    RETURNING id::text, kind, work_id::text, payload, user_id, attempts, max_attempts`;
  if (!job) return;

  const controller = new AbortController();
  const stop = () => controller.abort(new JobStoppedError("The worker is stopping."));
  worker.stopping.addEventListener("abort", stop);
  worker.runs.set(job.id, controller);
  let completed = false;
  const stillMine = (updated: number) => {
    if (updated === 0 && !completed) controller.abort(new JobStoppedError("The job is no longer this run's to do."));
  };
  const renew = async () =>
    stillMine(
      await db.$executeRaw`
        UPDATE job SET heartbeat_at = now(), lease_until = now() + make_interval(secs => ${lease})
        WHERE id = ${job.id}::uuid AND run_token = ${run.token}::uuid AND status = 'running'`,
    );
  const heartbeat = setInterval(() => void renew().catch(() => undefined), worker.heartbeatMs);
  let lastProgress = 0;

  try {
    const kind = findJobKind(job.kind);
    if (!kind) throw new DomainError("invalid", `No worker here knows jobs of kind “${job.kind}”.`);
    const user = job.user_id ? await db.user.findUnique({ where: { id: job.user_id }, select: { id: true, name: true } }) : null;
    const ctx: JobContext<unknown> = {
      db,
      jobId: job.id,
      workId: job.work_id,
      payload: parsePayload(kind.payload, job.payload),
      user,
      attempt: job.attempts,
      signal: controller.signal,
      async progress(fraction, message) {
        const now = Date.now();
        if (now - lastProgress < PROGRESS_EVERY_MS && fraction < 1) return;
        lastProgress = now;
        const share = Math.min(1, Math.max(0, fraction));
        await db.$executeRaw`
          UPDATE job SET progress = ${share}, message = ${message}, heartbeat_at = now(), lease_until = now() + make_interval(secs => ${lease})
          WHERE id = ${job.id}::uuid AND run_token = ${run.token}::uuid AND status = 'running'`
          .then(stillMine)
          .catch(() => undefined);
      },
      async complete(tx: Tx, result: JobResult, message: string) {
        const updated = await tx.$executeRaw`
          UPDATE job SET status = 'done', progress = 1, message = ${message}, result = ${JSON.stringify(result)}::jsonb,
            finished_at = now(), lease_until = NULL
          WHERE id = ${job.id}::uuid AND run_token = ${run.token}::uuid AND status = 'running'`;
        if (updated === 0) throw new JobStoppedError("The job was cancelled or taken over before it could finish.");
        completed = true;
      },
    };
    const { message, ...result } = await kind.run(ctx);
    if (!completed) {
      await db.job.updateMany({
        where: { id: job.id, runToken: run.token, status: "running" },
        data: { status: "done", progress: 1, message: message ?? "Done.", result: result as Prisma.InputJsonValue, finishedAt: new Date(), leaseUntil: null },
      });
    }
  } catch (error) {
    await ended(db, job, run.token, error, controller.signal, worker.stopping);
  } finally {
    clearInterval(heartbeat);
    worker.runs.delete(job.id);
    worker.stopping.removeEventListener("abort", stop);
    /* A job's last queries (a whole work's texts, thousands of rows written) must not stay in memory until the next. */
    forgetQueryHistory();
  }
}

function parsePayload(schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }, payload: unknown): unknown {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new DomainError("invalid", "The job's input is not valid for its kind; it cannot run.");
  return parsed.data;
}

/** A worker that is stopping takes no new run: it puts the run back on the queue, under a new token, for another worker. */
async function handBack(db: Db, run: { jobId: string; token: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const next = randomUUID();
    const updated = await tx.$executeRaw`
      UPDATE job SET run_token = ${next}::uuid WHERE id = ${run.jobId}::uuid AND run_token = ${run.token}::uuid AND status = 'queued'`;
    if (updated > 0) await dispatch(tx, run.jobId, next);
  });
}

/** Records how a run that threw ended. */
async function ended(db: Db, job: Claimed, token: string, error: unknown, signal: AbortSignal, stopping: AbortSignal): Promise<void> {
  if (signal.aborted || error instanceof JobStoppedError) {
    if (stopping.aborted) {
      await db.$transaction((tx) =>
        requeueJob(tx, job.id, { delaySeconds: 0, countAttempt: false, message: "Its worker was shut down; waiting for another worker." }, token),
      );
    }
    return;
  }
  if (error instanceof DomainError) {
    await db.$transaction((tx) => failJob(tx, job.id, error.message, token));
    return;
  }
  console.error(`Job ${job.id} (${job.kind}, attempt ${job.attempts} of ${job.max_attempts}) failed:`, error);
  if (job.attempts < job.max_attempts) {
    const delay = retryDelaySeconds(job.attempts);
    await db.$transaction((tx) =>
      requeueJob(
        tx,
        job.id,
        { delaySeconds: delay, countAttempt: true, message: `Run ${job.attempts} of ${job.max_attempts} failed because of an error on the server; trying again in ${delay} s.` },
        token,
      ),
    );
    return;
  }
  await db.$transaction((tx) =>
    failJob(tx, job.id, `Failed because of an error on the server (${job.attempts} runs); nothing it was writing was kept.`, token),
  );
}
