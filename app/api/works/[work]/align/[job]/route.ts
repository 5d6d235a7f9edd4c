/** GET: an alignment job of the work, as GET ../../jobs/[job] answers it (kept for clients of the earlier API). */
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
