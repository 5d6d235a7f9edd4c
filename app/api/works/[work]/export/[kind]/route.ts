import { db } from "@/lib/db/client";
import { exportBody, exportStream } from "@/lib/api/export-files";
import { apiErrorResponse } from "@/lib/api/responses";
import { ExportKindSchema, ExportQuerySchema } from "@/lib/api/schemas";
import { requestWorkExport } from "@/lib/db/export/export-requests";
import { inSnapshot } from "@/lib/db/export/in-snapshot";
import { pagedSource } from "@/lib/db/export/paged-source";
import { planWorkExport } from "@/lib/db/export/plan-work-export";
import { requireReader } from "@/lib/db/users/reading-access";
import { readEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** How long a direct export may keep its snapshot open while the client reads. */
const DIRECT_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * A download of the work: `tei-edition?edition=`, `tei-alignment`, `tei-parallel`, `tmx`, `grid-csv`, `grid-json`
 * (`?editions=ru,en` chooses and orders the editions; default: the current ones), `variants-csv`,
 * `variants-json`, `work-json` (the full work, re-importable). The file is written as it is read from the database,
 * a page at a time in one snapshot, and streamed (exportStream). An export larger than HEXAPLA_EXPORT_JOB_CELLS is
 * not written on the request: it is queued as an export-work job, answered 202 with the job (Location: its URL);
 * the file is then downloaded from /api/works/<work>/exports/<job>.
 */
export async function GET(request: Request, { params }: { params: Promise<{ work: string; kind: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { work, kind } = await params;
    const exportKind = ExportKindSchema.parse(kind);
    const query = ExportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const plan = await planWorkExport(access, db(), work, exportKind, query);
    if (plan.cells > readEnv().HEXAPLA_EXPORT_JOB_CELLS) {
      const { job } = await requestWorkExport(access, db(), work, { kind: exportKind, ...query });
      const message = `This export is large (${plan.cells} cells): it is being made by a job. Follow the job, then download the file from /api/works/${work}/exports/${job.id}.`;
      return Response.json({ job, message }, { status: 202, headers: { Location: `/api/works/${encodeURIComponent(work)}/jobs/${job.id}`, "cache-control": "no-store" } });
    }
    const body = inSnapshot(db(), async function* (tx) {
      yield* exportBody(await pagedSource(tx, plan.workSlug), plan);
    }, { timeoutMs: DIRECT_TIMEOUT_MS });
    return new Response(exportStream(body), {
      headers: {
        "content-type": plan.contentType,
        "content-disposition": `attachment; filename="${plan.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
