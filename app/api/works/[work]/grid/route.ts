import { db } from "@/lib/db/client";
import { loadEditorGridPage } from "@/lib/db/grid/load-grid";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { GridQuerySchema } from "@/lib/api/schemas";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/**
 * `?limit=&cursor=`: the grid as the editor page holds it, a page of rows at a time (at most PAGE_LIMIT_MAX), each
 * page with the grid's version and editions and `next` (null on the last page). A client that sees the version
 * change between pages starts again.
 */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const query = GridQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const workId = await findReadableWorkId(access, db(), (await params).work);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const page = await loadEditorGridPage(db(), workId, { limit: query.limit, after });
    return Response.json({ ...page, next: page.next === null ? null : encodeCursor(page.next) });
  } catch (error) {
    return errorResponse(error);
  }
}
