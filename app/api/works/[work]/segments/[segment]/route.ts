import { db } from "@/lib/db/client";
import { getSegment } from "@/lib/db/grid/get-segment";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** A segment's current text and version with its revisions, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string; segment: string }> }) {
  try {
    await requireReader(request.headers);
    const { work, segment } = await params;
    return Response.json(await getSegment(db(), await findWorkId(db(), work), segment));
  } catch (error) {
    return errorResponse(error);
  }
}
