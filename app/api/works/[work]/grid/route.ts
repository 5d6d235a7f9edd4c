import { db } from "@/lib/db/client";
import { loadEditorGrid } from "@/lib/db/grid/load-grid";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** The whole grid with its version, as the editor page holds it. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const workId = await findReadableWorkId(access, db(), (await params).work);
    return Response.json(await loadEditorGrid(db(), workId));
  } catch (error) {
    return errorResponse(error);
  }
}
