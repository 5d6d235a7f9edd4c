import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { RevertRequestSchema } from "@/lib/db/grid/operation-request";
import { revertRevision } from "@/lib/db/grid/revert-revision";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** POST `{ reason? }`: puts back the text the revision replaced, as a new revision (editors only). */
export async function POST(request: Request, { params }: { params: Promise<{ work: string; segment: string; revision: string }> }) {
  try {
    const actor = await requireRole(request.headers, "editor");
    const { reason } = await readJson(request, RevertRequestSchema);
    const { work, segment, revision } = await params;
    const workId = await findWorkId(db(), work);
    return Response.json(await revertRevision(db(), workId, actor, { revisionId: revision, segmentId: segment, reason }));
  } catch (error) {
    return errorResponse(error);
  }
}
