/**
 * Asking for a PDF of a parallel edition (the export-pdf job) and reading the file it made. Any reader may ask;
 * one PDF of a work is made at a time (the job's group), so a work cannot be flooded with print runs.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import { enqueueJob } from "../jobs/enqueue-job";
import { ExportPdfPayloadSchema, type ExportPdfPayload } from "../jobs/kinds/export-pdf";
import type { JobView } from "../jobs/job-view";
import { chosenEditions } from "../cite/read-citation";
import { countRows } from "../passages/passage-rows";
import type { ReadAccess } from "../users/reading-access";
import { getWork } from "../works/get-work";

export const PdfRequestSchema = ExportPdfPayloadSchema.refine((request) => request.from === undefined || request.to === undefined || request.from <= request.to, {
  message: "from: the first row must come before the last",
  path: ["from"],
});

/** Checks the editions and rows against the work, then queues the job (202 with it; 409 while another PDF of the work is made). */
export async function requestPdf(access: ReadAccess, db: Db, slug: string, request: ExportPdfPayload): Promise<JobView> {
  const work = await getWork(access, slug, db);
  chosenEditions(work, request.editions.join(","));
  const total = await countRows(db, work.id);
  if (request.from !== undefined && request.from > total) throw new DomainError("invalid", `from: the work has ${total} row${total === 1 ? "" : "s"}.`);
  return enqueueJob(db, { kind: "export-pdf", workId: work.id, payload: request, userId: access.user?.id ?? null });
}

/** The PDF an export-pdf job of the work made; not found before it is done or after it was forgotten. */
export async function readPdf(access: ReadAccess, db: Db, slug: string, jobId: string): Promise<{ fileName: string; content: Uint8Array }> {
  const work = await getWork(access, slug, db);
  const valid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(jobId);
  const file = valid ? await db.pdfExport.findFirst({ where: { jobId, workId: work.id }, select: { fileName: true, content: true } }) : null;
  if (!file) throw new DomainError("not_found", "There is no such PDF of this work: it is not made yet, or it was replaced by newer ones.");
  return file;
}
