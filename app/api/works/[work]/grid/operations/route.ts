import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { applyEditorOperation } from "@/lib/db/grid/apply-operation";
import { OperationRequestSchema } from "@/lib/db/grid/operation-request";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/**
 * POST `{ op, baseVersion }`: applies a grid operation (editors only). 200 with the new version and the changes
 * since `baseVersion`; 409 when the rows it concerns changed since (with what changed); 422 when it does not apply.
 */
export async function POST(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const actor = await requireRole(request.headers, "editor");
    const body = await readJson(request, OperationRequestSchema);
    const workId = await findWorkId(db(), (await params).work);
    return Response.json(await applyEditorOperation(db(), workId, actor, body));
  } catch (error) {
    return errorResponse(error);
  }
}
