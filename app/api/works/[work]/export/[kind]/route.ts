import { db } from "@/lib/db/client";
import { buildWorkExport } from "@/lib/db/export/build-work-export";
import { requireReader } from "@/lib/db/users/reading-access";
import { exportStream, renderExport } from "@/lib/api/export-files";
import { apiErrorResponse } from "@/lib/api/responses";
import { ExportKindSchema, ExportQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/**
 * A download of the work: `tei-edition?edition=`, `tei-alignment`, `tei-parallel`, `tmx`, `grid-csv`, `grid-json`
 * (`?editions=ru,en` chooses and orders the editions; default: the current ones), `variants-csv`,
 * `variants-json`, `work-json` (the full work, re-importable). The file is written as a stream (exportStream).
 */
export async function GET(request: Request, { params }: { params: Promise<{ work: string; kind: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { work, kind } = await params;
    const exportKind = ExportKindSchema.parse(kind);
    const query = ExportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const file = renderExport(await buildWorkExport(access, db(), work), exportKind, query);
    return new Response(exportStream(file.body), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
