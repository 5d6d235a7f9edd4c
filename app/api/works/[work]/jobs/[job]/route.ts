/**
 * GET: a job of the work — kind, status (queued, running, done, failed, cancelled), progress from 0 to 1, message,
 * who asked, attempts and, once done, its result. Read from the database, so any app server answers. Everyone who
 * may read may ask; 404 for an unknown work or job.
 */
import { db } from "@/lib/db/client";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { getJob } from "@/lib/db/jobs/job-view";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string; job: string }> }) {
  try {
    await requireReader(request.headers);
    const { work, job } = await params;
    const workId = await findWorkId(db(), work);
    return Response.json({ job: await getJob(db(), workId, job) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
