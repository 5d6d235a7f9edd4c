import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { previewImport } from "@/lib/db/import/preview-import";
import { runImport } from "@/lib/db/import/run-import";
import { readWorks } from "@/lib/db/export/read-works";
import { requireReader } from "@/lib/db/users/reading-access";
import { readImportForm } from "@/lib/api/import-form";
import { apiErrorResponse } from "@/lib/api/responses";
import { assertSameOrigin } from "@/lib/api/same-origin";

export const dynamic = "force-dynamic";

/** Every work with its current editions and their provenance. */
export async function GET(request: Request) {
  try {
    const access = await requireReader(request.headers);
    return Response.json({ works: await readWorks(access, db()) });
  } catch (error) {
    return apiErrorResponse(error);
  }
}

/**
 * POST multipart/form-data (`file` and the import form's fields): a new work from a file (editors only).
 * `mode=preview` (default) answers what the import would do and writes nothing; `mode=import` with the
 * preview's `checksum` imports (201). 409 when the work exists; 422 naming the file's line and column.
 */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requireRole(request.headers, "editor");
    const { form, request: upload } = await readImportForm(request);
    const importRequest = { ...upload, newWork: true, workSlug: form.work, importedById: user.id };
    if (form.mode === "preview") return Response.json({ preview: await previewImport(db(), importRequest) });
    const result = await runImport(db(), importRequest);
    return Response.json({ result }, { status: result.status === "created" ? 201 : 200 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
