import { z } from "zod";
import { db } from "@/lib/db/client";
import { loadEditorOutline } from "@/lib/db/grid/load-grid";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const Query = z.object({ e: z.string().transform((value) => value.split(",")).pipe(z.array(z.uuid()).min(1).max(40)) });

/** Every row of the grid without its text (`?e=<edition ids>`: how many segments each of these editions has in it). */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { e } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const workId = await findReadableWorkId(access, db(), (await params).work);
    return Response.json(await loadEditorOutline(db(), workId, e));
  } catch (error) {
    return errorResponse(error);
  }
}
