/**
 * A cited passage's stable link (lib/cite/passage-link.ts): finds the rows that hold its segments today and sends
 * the reader to them in the compare view, with the editions the citation quoted. Reading that needs an account
 * sends to sign in first; a passage no longer in the grid gets a page that says so.
 */
import { z } from "zod";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { compareHref, PassageQuerySchema } from "@/lib/cite/passage-link";
import { db } from "@/lib/db/client";
import { resolvePassage } from "@/lib/db/cite/read-citation";
import { DomainError } from "@/lib/db/errors";
import { readAccessOf } from "@/lib/db/users/reading-access";
import { describeError, errorHeaders } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string; segment: string }> }) {
  const url = new URL(request.url);
  const access = await readAccessOf(request.headers);
  if (!access) return redirect(`/sign-in?next=${encodeURIComponent(safeRedirectPath(`${url.pathname}${url.search}`))}`);
  try {
    const { work, segment } = await params;
    const from = z.uuid().safeParse(segment);
    const query = PassageQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!from.success || !query.success) throw new DomainError("not_found", "This is not a passage link Hexapla made.");
    const rows = await resolvePassage(access, db(), work, { from: from.data, to: query.data.to });
    return redirect(compareHref(work, rows, query.data.editions));
  } catch (error) {
    const { status, body } = describeError(error);
    return new Response(`${body.error.message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", ...errorHeaders(status) } });
  }
}

/** A redirect by path: the browser resolves it against the address it used, whatever host the server sees. */
function redirect(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path } });
}
