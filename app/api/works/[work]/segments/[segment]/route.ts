import { db } from "@/lib/db/client";
import { getSegment } from "@/lib/db/grid/get-segment";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** A segment's current text and version with its revisions, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string; segment: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { work, segment } = await params;
    return Response.json(await getSegment(db(), await findReadableWorkId(access, db(), work), segment));
  } catch (error) {
    return errorResponse(error);
  }
}
