/**
 * Queues a job: the record (validated input, who asked) and its run on the queue, in one transaction — the
 * caller's (`enqueueJobIn`, so that a job asked for by a write commits with it) or its own (`enqueueJob`). A kind
 * with a group is refused while a job of that group is queued or running on the work (409, naming it); a
 * coalescing kind returns the job already queued. Nothing runs here: a worker takes it from the queue.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../client";
import { ConflictError, DomainError } from "../errors";
import type { Prisma } from "../generated/client";
import type { Tx } from "../grid/types";
import type { JobKind } from "./job-kind";
import { getJobById, type JobView } from "./job-view";
import { dispatch } from "./queue";
import { findJobKind } from "./registry";

export interface EnqueueRequest {
  kind: string;
  workId: string;
  payload?: unknown;
  /** Who asks; null for jobs the system queues itself. */
  userId: string | null;
}

const CONSTRAINT = "job_one_active_per_work_and_group";

function kindOf(name: string): JobKind<unknown> {
  const kind = findJobKind(name);
  if (!kind) throw new DomainError("invalid", `There is no kind of job called “${name}”.`);
  return kind;
}

function validPayload(kind: JobKind<unknown>, payload: unknown): Prisma.InputJsonValue {
  const parsed = kind.payload.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    throw new DomainError("invalid", `The input of the ${kind.kind} job is not valid: ${issues.map((i) => `${i.path || "payload"}: ${i.message}`).join("; ")}.`, { issues });
  }
  return (parsed.data ?? {}) as Prisma.InputJsonValue;
}

/** Queues the job in the caller's transaction; returns its id. A group conflict aborts the transaction. */
export async function enqueueJobIn(tx: Tx, request: EnqueueRequest): Promise<string> {
  const kind = kindOf(request.kind);
  const payload = validPayload(kind, request.payload);
  if (kind.coalesce) {
    const queued = await tx.job.findFirst({ where: { workId: request.workId, kind: kind.kind, status: "queued" }, select: { id: true } });
    if (queued) return queued.id;
  }
  const token = randomUUID();
  const job = await tx.job.create({
    data: {
      kind: kind.kind,
      workId: request.workId,
      userId: request.userId,
      payload,
      exclusiveGroup: kind.group ?? null,
      maxAttempts: kind.maxAttempts,
      runToken: token,
      message: "Waiting for a worker.",
    },
    select: { id: true },
  });
  await dispatch(tx, job.id, token);
  return job.id;
}

/** Queues the job in a transaction of its own; refused with a ConflictError naming the active job of its group. */
export async function enqueueJob(db: Db, request: EnqueueRequest): Promise<JobView> {
  const kind = kindOf(request.kind);
  validPayload(kind, request.payload);
  try {
    const id = await db.$transaction((tx) => enqueueJobIn(tx, request));
    return await getJobById(db, id);
  } catch (error) {
    if (!kind.group || !isGroupConflict(error)) throw error;
    const active = await db.job.findFirst({
      where: { workId: request.workId, exclusiveGroup: kind.group, status: { in: ["queued", "running"] } },
      select: { id: true },
    });
    const view = active ? await getJobById(db, active.id) : null;
    const message = view && kind.conflictMessage ? kind.conflictMessage({ kind: view.kind, userName: view.user?.name ?? null }) : "Another job of this kind is already running on this work; wait until it has finished.";
    throw new ConflictError(message, view ? { job: view } : undefined);
  }
}

function isGroupConflict(error: unknown): boolean {
  const text = `${(error as { message?: unknown } | null)?.message ?? ""} ${JSON.stringify((error as { meta?: unknown } | null)?.meta ?? null)}`;
  return text.includes(CONSTRAINT);
}
