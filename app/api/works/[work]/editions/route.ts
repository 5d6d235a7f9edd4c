import { db } from "@/lib/db/client";
import { readWork } from "@/lib/db/export/read-works";
import { requireReader } from "@/lib/db/users/reading-access";
import { apiErrorResponse } from "@/lib/api/responses";
import { WorkQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** The work's editions with metadata and provenance; `?superseded=true` lists earlier witnesses too. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { superseded } = WorkQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const work = await readWork(access, db(), (await params).work, superseded === "true");
    return Response.json({ work: work.slug, editions: work.editions });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
