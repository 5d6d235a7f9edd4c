import { db } from "@/lib/db/client";
import { readEdition } from "@/lib/db/export/read-works";
import { requireReader } from "@/lib/db/users/reading-access";
import { apiErrorResponse } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

/** One edition (an earlier witness too) with metadata, provenance, apparatus and source corrections. */
export async function GET(request: Request, { params }: { params: Promise<{ work: string; edition: string }> }) {
  try {
    const access = await requireReader(request.headers);
    const { work, edition } = await params;
    return Response.json(await readEdition(access, db(), work, edition));
  } catch (error) {
    return apiErrorResponse(error);
  }
}
