import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { UndoRequestSchema } from "@/lib/db/grid/operation-request";
import { redoLastUndo } from "@/lib/db/grid/undo-operation";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** POST `{ baseVersion }`: redoes the signed-in editor's latest undo in this work (409 when someone else's later change is in the way). */
export async function POST(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const actor = await requireRole(request.headers, "editor");
    const { baseVersion } = await readJson(request, UndoRequestSchema);
    const workId = await findWorkId(db(), (await params).work);
    return Response.json(await redoLastUndo(db(), workId, actor, baseVersion));
  } catch (error) {
    return errorResponse(error);
  }
}
