import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { setUserDisabled } from "@/lib/db/users/account-controls";
import { changeRole } from "@/lib/db/users/change-role";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

const UserChangeSchema = z
  .strictObject({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
  .refine((change) => change.role !== undefined || change.disabled !== undefined, "give a role or disabled");

/**
 * PATCH `{ role?, disabled? }` (admins, and admin-scoped tokens only): gives the user another role, or disables the
 * account (signed out at once, tokens refused, no sign-in) or enables it again. The last enabled admin stays one.
 */
export async function PATCH(request: Request, { params }: { params: Promise<{ user: string }> }) {
  try {
    const admin = await requireRole(request.headers, "admin");
    const { role, disabled } = await readJson(request, UserChangeSchema);
    const userId = (await params).user;
    const user = role !== undefined ? await changeRole(db(), userId, role) : null;
    const state = disabled !== undefined ? await setUserDisabled(db(), admin.id, userId, disabled) : null;
    return Response.json({ user: { ...user, ...state } });
  } catch (error) {
    return errorResponse(error);
  }
}
