import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { editSegmentText } from "@/lib/db/grid/edit-segment-text";
import { TextEditRequestSchema } from "@/lib/db/grid/operation-request";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/**
 * PUT `{ text, reason, baseVersion }`: corrects the segment's text (editors only); `baseVersion` is the segment
 * version the correction was made on. 409 with who changed it when it changed since.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ work: string; segment: string }> }) {
  try {
    const actor = await requireRole(request.headers, "editor");
    const body = await readJson(request, TextEditRequestSchema);
    const { work, segment } = await params;
    return Response.json(await editSegmentText(db(), await findWorkId(db(), work), actor, segment, body));
  } catch (error) {
    return errorResponse(error);
  }
}
