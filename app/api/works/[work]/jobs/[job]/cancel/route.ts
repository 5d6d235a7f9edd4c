/**
 * POST (editors; and whoever asked for an export job, for that job): cancels a queued or running job of the work; 200 with the job, now cancelled. Whatever the
 * job was about to write is not written. 409 when it has already finished; 404 for an unknown work or job.
 */
import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { assertMayCancel, cancelJob } from "@/lib/db/jobs/cancel-job";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ work: string; job: string }> }) {
  try {
    const user = await requireRole(request.headers, "scholar");
    const { work, job } = await params;
    const workId = await findWorkId(db(), work);
    await assertMayCancel(db(), workId, job, user);
    return Response.json({ job: await cancelJob(db(), workId, job, user) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
