import { z } from "zod";
import { db } from "@/lib/db/client";
import { loadGridChanges } from "@/lib/db/grid/load-grid";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";
import { PAGE_LIMIT_MAX } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

const Query = z.object({ since: z.coerce.number().int().min(0) });

/**
 * What changed since `?since=<version>`: the rows to replace, insert and remove — or `full`: load the grid again (a
 * page at a time, GET ../grid), also when more than PAGE_LIMIT_MAX rows changed, so that no answer is unbounded.
 */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { since } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
    const workId = await findReadableWorkId(access, db(), (await params).work);
    const patch = await loadGridChanges(db(), workId, since);
    if (!patch.full && patch.rows.length + patch.removed.length > PAGE_LIMIT_MAX) return Response.json({ full: true, since, version: patch.version });
    return Response.json(patch);
  } catch (error) {
    return errorResponse(error);
  }
}
