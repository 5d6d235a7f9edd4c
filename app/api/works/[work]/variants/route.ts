/**
 * GET: the work's variants (everyone may read), filtered by category, edition, status, author, row and a
 * search in the notes (query parameters as on the variants page). POST: record a variant (scholar, editor or
 * admin); the body is CreateVariantSchema as JSON. Errors: 401/403 without the role, 404 for an unknown work,
 * 422 naming the invalid fields.
 */
import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { createVariant } from "@/lib/db/variants/create-variant";
import { listVariants } from "@/lib/db/variants/list-variants";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";
import { CreateVariantSchema, filterParams, VariantFilterSchema } from "@/lib/variants/variant-schemas";
import { requireReader } from "@/lib/db/users/reading-access";

type Context = { params: Promise<{ work: string }> };

export async function GET(request: Request, { params }: Context) {
  try {
    const access = await requireReader(request.headers);
    const { work } = await params;
    const filter = VariantFilterSchema.parse(filterParams(new URL(request.url).searchParams));
    return Response.json({ variants: await listVariants(access, db(), { workSlug: work, filter }) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request, { params }: Context) {
  try {
    const { work } = await params;
    const user = await requireRole(request.headers, "scholar");
    const input = await readJson(request, CreateVariantSchema);
    const variant = await createVariant(db(), { workSlug: work, authorId: user.id, input });
    return Response.json({ variant }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
