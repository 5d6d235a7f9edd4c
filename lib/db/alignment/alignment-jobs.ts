/**
 * Alignment runs as jobs (lib/db/jobs): starting one from the alignment page or the API, and the latest one the
 * page shows — an alignment of the whole work, a re-alignment, or the alignment step of a long import. A work has
 * at most one alignment or re-alignment queued or running (the database refuses a second: 409).
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import { enqueueJob } from "../jobs/enqueue-job";
import { latestJob, type JobView } from "../jobs/job-view";
import type { AlignMode } from "./align-work";

/** The kinds of job the alignment page follows. */
export const ALIGNMENT_JOB_KINDS = ["align", "realign", "align-edition"] as const;

export interface StartAlignment {
  workId: string;
  mode: AlignMode;
  /** The edition to align to (a current edition of the work); the work's pivot when left out. */
  pivotEditionId?: string;
  userId: string;
}

/** Queues an alignment of the work; refused (conflict) while another is queued or running. */
export async function startAlignmentJob(db: Db, start: StartAlignment): Promise<JobView> {
  if (start.pivotEditionId !== undefined) {
    const pivot = await db.edition.findFirst({ where: { id: start.pivotEditionId, workId: start.workId, supersededById: null }, select: { id: true } });
    if (!pivot) throw new DomainError("invalid", "The pivot must be one of the work's current editions.");
  }
  const payload = start.pivotEditionId === undefined ? {} : { pivotEditionId: start.pivotEditionId };
  return enqueueJob(db, { kind: start.mode, workId: start.workId, payload, userId: start.userId });
}

export async function latestAlignmentJob(db: Db, workId: string): Promise<JobView | null> {
  return latestJob(db, workId, ALIGNMENT_JOB_KINDS);
}
