/**
 * GET: an alignment job of the work — status (queued, running, done, failed), progress from 0 to 1, message and,
 * once done, what it wrote. Read from the database, so any app server answers. Everyone who may read may ask;
 * 404 for an unknown work or job.
 */
import { db } from "@/lib/db/client";
import { getAlignmentJob } from "@/lib/db/alignment/alignment-jobs";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string; job: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { work, job } = await params;
    const workId = await findReadableWorkId(access, db(), work);
    return Response.json({ job: await getAlignmentJob(db(), workId, job) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
