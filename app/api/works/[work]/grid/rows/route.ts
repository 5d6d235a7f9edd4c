import { z } from "zod";
import { db } from "@/lib/db/client";
import { loadEditorRows } from "@/lib/db/grid/load-grid";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const ids = (max: number) => z.string().transform((value) => value.split(",")).pipe(z.array(z.uuid()).min(1).max(max));
const Query = z.object({ ids: ids(200), e: ids(40) });

/** A page of rows with their text (`?ids=<row ids>&e=<edition ids>`), as the editor fetches them when they come into view. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const workId = await findReadableWorkId(access, db(), (await params).work);
    return Response.json(await loadEditorRows(db(), workId, query.ids, query.e));
  } catch (error) {
    return errorResponse(error);
  }
}
