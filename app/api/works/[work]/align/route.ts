/**
 * GET `?mode=align|realign` (editors only): what the run would do, before it runs (previewAlignment: rows it may
 * change, confirmed rows kept, and a message for the confirmation step).
 *
 * POST `{ mode: "align" | "realign", pivot?: editionSlug }` (editors only): queues an alignment of the work and
 * answers 202 with the job at once; a worker runs it (never this server), recording its progress in the database
 * (GET ../jobs/[job]; cancel with POST ../jobs/[job]/cancel). 409 while another alignment of the work is queued or
 * running; 422 for an invalid body or pivot; 401/403 without the editor role; 404 for an unknown work.
 */
import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { AlignPreviewQuerySchema, AlignRequestSchema, pivotEditionIdOf } from "@/lib/db/alignment/align-request";
import { startAlignmentJob } from "@/lib/db/alignment/alignment-jobs";
import { previewAlignment } from "@/lib/db/alignment/preview-alignment";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const user = await requireRole(request.headers, "editor");
    const body = await readJson(request, AlignRequestSchema);
    const slug = (await params).work;
    const workId = await findWorkId(db(), slug);
    const pivotEditionId = body.pivot === undefined ? undefined : await pivotEditionIdOf(db(), workId, body.pivot);
    const job = await startAlignmentJob(db(), { workId, mode: body.mode, pivotEditionId, userId: user.id });
    return Response.json({ job }, { status: 202, headers: { Location: `/api/works/${encodeURIComponent(slug)}/jobs/${job.id}` } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    await requireRole(request.headers, "editor");
    const { mode } = AlignPreviewQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const workId = await findWorkId(db(), (await params).work);
    return Response.json({ preview: await previewAlignment(db(), workId, mode) });
  } catch (error) {
    return errorResponse(error);
  }
}
