/**
 * Full-text and name search over all editions of a work: `?q=…` (websearch syntax: "a phrase", -excluded,
 * or). Answers the hits grouped by aligned row, each with the offsets of the words to highlight, a page of rows at a
 * time in reading order (`limit`, at most SEARCH_LIMIT_MAX; `cursor`: the previous page's `next`, null on the last).
 */
import { db } from "@/lib/db/client";
import { searchWork } from "@/lib/db/search/search-work";
import { getWork } from "@/lib/db/works/get-work";
import { errorResponse } from "@/lib/http/errors";
import { requireReader } from "@/lib/db/users/reading-access";
import { decodeCount, encodeCursor } from "@/lib/api/cursor";
import { SearchQuerySchema } from "@/lib/api/schemas";

type Context = { params: Promise<{ work: string }> };

export async function GET(request: Request, { params }: Context) {
  try {
    const access = await requireReader(request.headers);
    const { work } = await params;
    const query = SearchQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const found = await getWork(access, work);
    const afterRow = query.cursor === undefined ? undefined : decodeCount(query.cursor);
    const result = await searchWork(db(), { workId: found.id, query: query.q, limitRows: query.limit, afterRow });
    const last = result.rows[result.rows.length - 1];
    return Response.json({ query: query.q, ...result, next: result.more && last ? encodeCursor(last.rowNumber) : null });
  } catch (error) {
    return errorResponse(error);
  }
}
