/**
 * POST `{ editions: ["en", "ru"], from?, to? }`: queues the printing of a parallel edition as PDF (the export-pdf
 * job) and answers 202 with the job at once (Location: its URL); follow it with GET ../jobs/[job] and download the
 * file from GET ./[job] when it is done. Any reader may ask; 409 while another PDF of the work is being made, 422
 * for editions or rows the work does not have.
 */
import { db } from "@/lib/db/client";
import { PdfRequestSchema, requestPdf } from "@/lib/db/print/pdf-exports";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const body = await readJson(request, PdfRequestSchema);
    const slug = (await params).work;
    const job = await requestPdf(access, db(), slug, body);
    return Response.json({ job }, { status: 202, headers: { Location: `/api/works/${encodeURIComponent(slug)}/jobs/${job.id}` } });
  } catch (error) {
    return errorResponse(error);
  }
}
