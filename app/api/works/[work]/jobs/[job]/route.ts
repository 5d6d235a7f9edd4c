/**
 * GET: a job of the work — kind, status (queued, running, done, failed, cancelled), progress from 0 to 1, message,
 * who asked, attempts and, once done, its result. Read from the database, so any app server answers. Everyone who
 * may read may ask; 404 for an unknown work or job.
 */
import { db } from "@/lib/db/client";
import { getJob } from "@/lib/db/jobs/job-view";
import { requireReader } from "@/lib/db/users/reading-access";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string; job: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { work, job } = await params;
    const workId = await findReadableWorkId(access, db(), work);
    return Response.json({ job: await getJob(db(), workId, job) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
