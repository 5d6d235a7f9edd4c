import { db } from "@/lib/db/client";
import { readWork } from "@/lib/db/export/read-works";
import { requireReader } from "@/lib/db/users/reading-access";
import { apiErrorResponse } from "@/lib/api/responses";
import { WorkQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** A work with its editions (`?superseded=true`: earlier witnesses too), its pivot, grid version and row count. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { superseded } = WorkQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await readWork(access, db(), (await params).work, superseded === "true"));
  } catch (error) {
    return apiErrorResponse(error);
  }
}
