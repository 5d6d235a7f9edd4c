/**
 * GET `?rows=12` or `?rows=12-14`, `&editions=en,ru`: a passage cited in every chosen edition — the quotation, the
 * reference, the stable link (keyed by segments, so it survives re-alignment), BibTeX and CSL-JSON for the editions.
 * 422 for a bad range or choice of editions, 404 for rows the work does not have.
 */
import { formatCitation } from "@/lib/cite/citation";
import { db } from "@/lib/db/client";
import { CiteQuerySchema, readCitation } from "@/lib/db/cite/read-citation";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";
import { siteOrigin } from "@/lib/http/site-origin";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const query = CiteQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const citation = await readCitation(access, db(), (await params).work, query, siteOrigin(request));
    const passages = citation.cells.map((cell) => ({ edition: cell.edition.slug, title: cell.edition.title, language: cell.edition.language, text: cell.sentences.join(" ") }));
    return Response.json({ rows: citation.rows, link: citation.link, passages, ...formatCitation(citation) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
