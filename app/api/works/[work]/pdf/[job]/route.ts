/** GET: the PDF an export-pdf job made (Content-Disposition: attachment); 404 before it is done. */
import { db } from "@/lib/db/client";
import { readPdf } from "@/lib/db/print/pdf-exports";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ work: string; job: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { work, job } = await params;
    const file = await readPdf(access, db(), work, job);
    return new Response(Buffer.from(file.content), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "private, no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
