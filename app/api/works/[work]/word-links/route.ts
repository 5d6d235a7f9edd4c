import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { editWordLinks, WordLinkEditSchema } from "@/lib/db/words/edit-word-links";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";
import { requireReader } from "@/lib/db/users/reading-access";
import { readWordLinks } from "@/lib/db/words/read-word-links";
import { apiErrorResponse } from "@/lib/api/responses";
import { WordLinksQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/**
 * `?editions=ru,en&from=1&to=100&format=json|pharaoh`: the word links of a range of rows. JSON gives each row's
 * words per segment (offsets) and every pair's links with probabilities; Pharaoh gives, for exactly two editions,
 * one line per row of `i-j` pairs (word i of the first edition's cell, word j of the second's).
 */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const query = WordLinksQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const result = await readWordLinks(access, db(), (await params).work, { editions: query.editions, from: query.from, to: query.to ?? query.from + 99 });
    if (query.format === "pharaoh") {
      const [a, b] = query.editions!;
      const lines = result.rows.map((row) => row.pairs.find((pair) => pair.a === a && pair.b === b)?.links ?? "");
      return new Response(lines.join("\n") + (lines.length ? "\n" : ""), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    return Response.json(result);
  } catch (error) {
    return apiErrorResponse(error);
  }
}

/**
 * POST `{ baseVersion, row, a, b, action: link|unlink|confirm|reset, links: [[i, j], …] }` (editors): changes the word
 * links of one row between editions a and b (i counts a's words, j b's). 200 with the new grid version and the
 * changes since `baseVersion`; 409 when the row changed since; 422 when the words or editions do not exist.
 */
export async function POST(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const actor = await requireRole(request.headers, "editor");
    const body = await readJson(request, WordLinkEditSchema);
    const workId = await findWorkId(db(), (await params).work);
    return Response.json(await editWordLinks(db(), workId, actor, body));
  } catch (error) {
    return errorResponse(error);
  }
}
