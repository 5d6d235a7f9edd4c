/**
 * Asking for an export of a large work as a job and reading the file it made. Any reader may ask, as for the
 * export routes; one export of a work is made at a time (the job's group), and asking for the same export while it
 * is being made gives that job rather than a refusal. Downloads check the reader again, so switching reading to
 * sign-in only also closes the files already made.
 */
import type { Db } from "../client";
import { ConflictError, DomainError } from "../errors";
import { enqueueJob } from "../jobs/enqueue-job";
import { getJobById, type JobView } from "../jobs/job-view";
import type { ExportWorkPayload } from "../jobs/kinds/export-work";
import { findReadableWorkId } from "../works/readable-work";
import type { ReadAccess } from "../users/reading-access";
import { planWorkExport, type WorkExportPlan } from "./plan-work-export";
import type { StoredExport } from "./store-export";

const samePayload = (a: ExportWorkPayload, b: ExportWorkPayload) =>
  a.kind === b.kind && a.edition === b.edition && (a.editions ?? []).join(",") === (b.editions ?? []).join(",");

async function activeSameExport(db: Db, workId: string, payload: ExportWorkPayload): Promise<JobView | null> {
  const active = await db.job.findMany({ where: { workId, kind: "export-work", status: { in: ["queued", "running"] } }, select: { id: true, payload: true } });
  const same = active.find((job) => samePayload(job.payload as ExportWorkPayload, payload));
  return same ? getJobById(db, same.id) : null;
}

/** Queues the export as a job (checked first: 422 for editions the work does not have), or gives the same one already under way. */
export async function requestWorkExport(access: ReadAccess, db: Db, workSlug: string, payload: ExportWorkPayload): Promise<{ job: JobView; plan: WorkExportPlan }> {
  const plan = await planWorkExport(access, db, workSlug, payload.kind, payload);
  const request = { kind: payload.kind, ...(payload.edition ? { edition: payload.edition } : {}), ...(payload.editions ? { editions: payload.editions } : {}) };
  const joined = await activeSameExport(db, plan.workId, request);
  if (joined) return { job: joined, plan };
  try {
    return { job: await enqueueJob(db, { kind: "export-work", workId: plan.workId, payload: request, userId: access.user?.id ?? null }), plan };
  } catch (error) {
    const raced = error instanceof ConflictError ? await activeSameExport(db, plan.workId, request) : null;
    if (raced) return { job: raced, plan };
    throw error;
  }
}

export interface ExportFileInfo extends StoredExport {
  jobId: string;
}

/** The file an export-work job of the work made; not found before it is done or after it expired. */
export async function readExportFile(access: ReadAccess, db: Db, workSlug: string, jobId: string): Promise<ExportFileInfo> {
  const workId = await findReadableWorkId(access, db, workSlug);
  const valid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(jobId);
  const file = valid
    ? await db.exportFile.findFirst({
        where: { jobId, workId, expiresAt: { gt: new Date() }, job: { status: "done" } },
        select: { jobId: true, fileName: true, contentType: true, bytes: true, chunks: true, sha256: true, expiresAt: true },
      })
    : null;
  if (!file) throw new DomainError("not_found", "There is no such export file of this work: it is not made yet, or it expired (files are kept for a limited time; ask for the export again).");
  return { ...file, bytes: Number(file.bytes) };
}

/** The work's export files that can still be downloaded, newest first (the export page lists them). */
export async function recentExportFiles(access: ReadAccess, db: Db, workSlug: string): Promise<ExportFileInfo[]> {
  const workId = await findReadableWorkId(access, db, workSlug);
  const files = await db.exportFile.findMany({
    where: { workId, expiresAt: { gt: new Date() }, job: { status: "done" } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { jobId: true, fileName: true, contentType: true, bytes: true, chunks: true, sha256: true, expiresAt: true },
  });
  return files.map((file) => ({ ...file, bytes: Number(file.bytes) }));
}
