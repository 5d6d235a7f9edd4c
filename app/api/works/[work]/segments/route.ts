import { db } from "@/lib/db/client";
import { pageSegments } from "@/lib/db/export/page-segments";
import { requireReader } from "@/lib/db/users/reading-access";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { apiErrorResponse } from "@/lib/api/responses";
import { SegmentsQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** `?edition=<slug>&limit=&cursor=`: an edition's segments in reading order, a page at a time. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const query = SegmentsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const page = await pageSegments(access, db(), (await params).work, query.edition, { limit: query.limit, after });
    return Response.json({ ...page, next: page.next === null ? null : encodeCursor(page.next) });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
