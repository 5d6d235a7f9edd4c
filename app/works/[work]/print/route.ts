/**
 * The parallel edition as one printable page (`?editions=en,ru&from=1&to=40`; default: the first five editions,
 * every row): the same document the export-pdf job prints to PDF (lib/print/print-document.ts), for a browser's
 * own Print or Save as PDF. Reading that needs an account sends to sign in first.
 */
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { db } from "@/lib/db/client";
import { PrintRequestSchema, readPrintDocument } from "@/lib/db/print/read-print-document";
import { readAccessOf } from "@/lib/db/users/reading-access";
import { describeError, errorHeaders } from "@/lib/http/errors";
import { printHtml } from "@/lib/print/print-document";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  const url = new URL(request.url);
  const access = await readAccessOf(request.headers);
  if (!access) return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(safeRedirectPath(`${url.pathname}${url.search}`))}` } });
  try {
    const query = PrintRequestSchema.parse(Object.fromEntries(url.searchParams));
    const document = await readPrintDocument(access, db(), (await params).work, query, { fontBase: "/fonts/" });
    return new Response(printHtml(document), { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  } catch (error) {
    const { status, body } = describeError(error);
    return new Response(`${body.error.message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", ...errorHeaders(status) } });
  }
}
