import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { listBookmarks, setBookmark } from "@/lib/db/grid/bookmarks";
import { BookmarkRequestSchema } from "@/lib/db/grid/operation-request";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** The signed-in user's bookmarked rows in this work. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const user = await requireRole(request.headers, "scholar");
    const workId = await findWorkId(db(), (await params).work);
    return Response.json({ rowIds: await listBookmarks(db(), workId, user.id) });
  } catch (error) {
    return errorResponse(error);
  }
}

/** POST `{ rowId, on }`: sets or clears a bookmark of the signed-in user; answers with all of them. */
export async function POST(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const user = await requireRole(request.headers, "scholar");
    const { rowId, on } = await readJson(request, BookmarkRequestSchema);
    const workId = await findWorkId(db(), (await params).work);
    return Response.json({ rowIds: await setBookmark(db(), workId, user.id, rowId, on) });
  } catch (error) {
    return errorResponse(error);
  }
}
