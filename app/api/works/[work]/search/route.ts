/**
 * Full-text and name search over all editions of a work: `?q=…` (websearch syntax: "a phrase", -excluded,
 * or). Answers the hits grouped by aligned row, each with the offsets of the words to highlight.
 */
import { z } from "zod";
import { db } from "@/lib/db/client";
import { searchWork } from "@/lib/db/search/search-work";
import { getWork } from "@/lib/db/works/get-work";
import { errorResponse } from "@/lib/http/errors";
import { requireReader } from "@/lib/db/users/reading-access";

type Context = { params: Promise<{ work: string }> };

const QuerySchema = z.object({
  q: z.string().trim().min(1, "say what to search for").max(200, "keep the query under 200 characters"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function GET(request: Request, { params }: Context) {
  try {
    const access = await requireReader(request.headers);
    const { work } = await params;
    const search = new URL(request.url).searchParams;
    const query = QuerySchema.parse({ q: search.get("q") ?? "", limit: search.get("limit") ?? undefined });
    const found = await getWork(access, work);
    const result = await searchWork(db(), { workId: found.id, query: query.q, limitRows: query.limit });
    return Response.json({ query: query.q, ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
