/**
 * GET: the work's variants (everyone may read), filtered by category, edition, status, author, row and a
 * search in the notes (query parameters as on the variants page), in reading order a page at a time
 * (`limit`, at most PAGE_LIMIT_MAX, and `cursor`: the previous page's `next`). POST: record a variant (scholar, editor or
 * admin); the body is CreateVariantSchema as JSON. Errors: 401/403 without the role, 404 for an unknown work,
 * 422 naming the invalid fields.
 */
import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { createVariant } from "@/lib/db/variants/create-variant";
import { pageVariants } from "@/lib/db/variants/list-variants";
import { decodeCount, encodeCursor } from "@/lib/api/cursor";
import { VariantsQuerySchema } from "@/lib/api/schemas";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";
import { CreateVariantSchema, filterParams } from "@/lib/variants/variant-schemas";
import { requireReader } from "@/lib/db/users/reading-access";

type Context = { params: Promise<{ work: string }> };

export async function GET(request: Request, { params }: Context) {
  try {
    const access = await requireReader(request.headers);
    const { work } = await params;
    const { limit, cursor, ...filter } = VariantsQuerySchema.parse(filterParams(new URL(request.url).searchParams));
    const offset = cursor === undefined ? 0 : decodeCount(cursor);
    const page = await pageVariants(access, db(), { workSlug: work, filter, limit, offset });
    return Response.json({ variants: page.variants, next: page.next === null ? null : encodeCursor(page.next) });
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
