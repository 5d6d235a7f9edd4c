import { requireRole } from "@/lib/db/auth/current-user";
import { revokeApiToken } from "@/lib/db/api-tokens/api-tokens";
import { db } from "@/lib/db/client";
import { apiErrorResponse } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

/** Revokes one of the signed-in user's tokens (204); 404 for a token that is not theirs. */
export async function DELETE(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const user = await requireRole(request.headers, "scholar");
    await revokeApiToken(db(), user.id, (await params).token);
    return new Response(null, { status: 204 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
