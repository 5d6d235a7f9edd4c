import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { changeRole, ChangeRoleSchema } from "@/lib/db/users/change-role";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** PATCH `{ role }`: gives the user another role (admins only; the last admin stays an admin). */
export async function PATCH(request: Request, { params }: { params: Promise<{ user: string }> }) {
  try {
    await requireRole(request.headers, "admin");
    const { role } = await readJson(request, ChangeRoleSchema);
    return Response.json({ user: await changeRole(db(), (await params).user, role) });
  } catch (error) {
    return errorResponse(error);
  }
}
