import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { readWork } from "@/lib/db/export/read-works";
import { requireReader } from "@/lib/db/users/reading-access";
import { previewImport } from "@/lib/db/import/preview-import";
import { runImport } from "@/lib/db/import/run-import";
import { readImportForm } from "@/lib/api/import-form";
import { apiErrorResponse } from "@/lib/api/responses";
import { assertSameOrigin } from "@/lib/api/same-origin";

export const dynamic = "force-dynamic";

/**
 * POST multipart/form-data (`file` and the import form's fields): an edition into this work, or
 * (`action=replace&replace=<slug>`) a published text in place of an edition's text (editors only).
 * `mode=preview` (default) writes nothing; `mode=import` with the preview's `checksum` imports (201; 200 when the
 * same file was imported before). 422 naming the file's line and column (or XML element); 409 for a taken slug.
 */
export async function POST(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    assertSameOrigin(request);
    const user = await requireRole(request.headers, "editor");
    const workSlug = (await readWork(await requireReader(request.headers), db(), (await params).work)).slug;
    const { form, request: upload } = await readImportForm(request);
    const importRequest = { ...upload, workSlug, importedById: user.id };
    if (form.mode === "preview") return Response.json({ preview: await previewImport(db(), importRequest) });
    const result = await runImport(db(), importRequest);
    return Response.json({ result }, { status: result.status === "created" ? 201 : 200 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
