/** GET: an alignment job of the work, as GET ../../jobs/[job] answers it (kept for clients of the earlier API). */
import { db } from "@/lib/db/client";
import { getJob } from "@/lib/db/jobs/job-view";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
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
