import { z } from "zod";
import { db } from "@/lib/db/client";
import { loadGridChanges } from "@/lib/db/grid/load-grid";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const Query = z.object({ since: z.coerce.number().int().min(0) });

/** What changed since `?since=<version>`: the rows to replace, insert and remove (or `full`: load it all). */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { since } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const workId = await findReadableWorkId(access, db(), (await params).work);
    return Response.json(await loadGridChanges(db(), workId, since));
  } catch (error) {
    return errorResponse(error);
  }
}
