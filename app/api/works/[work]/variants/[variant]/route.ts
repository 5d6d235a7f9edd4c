/**
 * GET: one variant. PATCH: change its editions, category, note or status (UpdateVariantSchema as JSON); its
 * author or an editor may.
 */
import { z } from "zod";
import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { getVariant } from "@/lib/db/variants/get-variant";
import { updateVariant } from "@/lib/db/variants/update-variant";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";
import { UpdateVariantSchema } from "@/lib/variants/variant-schemas";
import { requireReader } from "@/lib/db/users/reading-access";

type Context = { params: Promise<{ work: string; variant: string }> };

const VariantId = z.uuid("a variant is named by its id");

export async function GET(request: Request, { params }: Context) {
  try {
    const access = await requireReader(request.headers);
    const { work, variant } = await params;
    const workId = await findReadableWorkId(access, db(), work);
    return Response.json({ variant: await getVariant(db(), workId, VariantId.parse(variant)) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PATCH(request: Request, { params }: Context) {
  try {
    const { work, variant } = await params;
    const actor = await requireRole(request.headers, "scholar");
    const input = await readJson(request, UpdateVariantSchema);
    return Response.json({ variant: await updateVariant(db(), { workSlug: work, variantId: VariantId.parse(variant), actor, input }) });
  } catch (error) {
    return errorResponse(error);
  }
}
