/**
 * POST `{ kind, edition?, editions? }` (the options of GET ../export/<kind>): queues the export as an export-work job
 * whatever its size and answers 202 with the job (Location: its URL); follow it with GET ../jobs/<job> and download
 * the file from GET ./<job> when it is done. Any reader may ask; asking for the export being made gives its job; 409
 * while another export of the work is made; 422 for editions the work does not have.
 */
import { db } from "@/lib/db/client";
import { requestWorkExport } from "@/lib/db/export/export-requests";
import { ExportWorkPayloadSchema } from "@/lib/db/jobs/kinds/export-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const body = await readJson(request, ExportWorkPayloadSchema);
    const slug = (await params).work;
    const { job } = await requestWorkExport(access, db(), slug, body);
    return Response.json({ job }, { status: 202, headers: { Location: `/api/works/${encodeURIComponent(slug)}/jobs/${job.id}`, "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
