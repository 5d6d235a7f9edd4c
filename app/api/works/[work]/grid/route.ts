import { db } from "@/lib/db/client";
import { loadEditorGrid } from "@/lib/db/grid/load-grid";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** The whole grid with its version, as the editor page holds it. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    await requireReader(request.headers);
    const workId = await findWorkId(db(), (await params).work);
    return Response.json(await loadEditorGrid(db(), workId));
  } catch (error) {
    return errorResponse(error);
  }
}
