import { db } from "@/lib/db/client";
import { pageRows } from "@/lib/db/export/page-rows";
import { requireReader } from "@/lib/db/users/reading-access";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { apiErrorResponse } from "@/lib/api/responses";
import { RowsQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** `?editions=ru,en&limit=&cursor=`: the grid's rows in order with the chosen editions' segments and the rows' variants. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const query = RowsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const page = await pageRows(access, db(), (await params).work, { limit: query.limit, after, editions: query.editions });
    return Response.json({ ...page, next: page.next === null ? null : encodeCursor(page.next) });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
