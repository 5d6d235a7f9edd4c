import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { revokeAccess, RevokeSchema } from "@/lib/db/users/account-controls";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** POST `{ sessions?, tokens? }` (admins only): signs the user out everywhere and/or revokes all their API tokens. */
export async function POST(request: Request, { params }: { params: Promise<{ user: string }> }) {
  try {
    await requireRole(request.headers, "admin");
    const what = await readJson(request, RevokeSchema);
    return Response.json(await revokeAccess(db(), (await params).user, what));
  } catch (error) {
    return errorResponse(error);
  }
}
