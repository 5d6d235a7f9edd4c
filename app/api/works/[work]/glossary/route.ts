import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { addGlossary, GlossaryRequestSchema } from "@/lib/db/words/glossary";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/**
 * POST `{ languageA, languageB, tsv }` (editors): adds the TSV's term pairs (term in A, tab, term in B, optional note)
 * to the work's glossary, which the word aligner uses from its next run. A file with a bad line adds nothing (422,
 * naming the line); entries already there are skipped.
 */
export async function POST(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const user = await requireRole(request.headers, "editor");
    const body = await readJson(request, GlossaryRequestSchema);
    const workId = await findWorkId(db(), (await params).work);
    return Response.json(await addGlossary(db(), workId, { ...body, userId: user.id }));
  } catch (error) {
    return errorResponse(error);
  }
}
