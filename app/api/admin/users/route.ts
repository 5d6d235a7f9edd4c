import { requireRole } from "@/lib/db/auth/current-user";
import { db } from "@/lib/db/client";
import { createUser, CreateUserSchema } from "@/lib/db/users/create-user";
import { listUsers } from "@/lib/db/users/list-users";
import { errorResponse } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** Every account (admins only). */
export async function GET(request: Request) {
  try {
    await requireRole(request.headers, "admin");
    return Response.json({ users: await listUsers(db()) });
  } catch (error) {
    return errorResponse(error);
  }
}

/** POST `{ email, name, role, password }`: creates an account (admins only); 409 when the email is taken. */
export async function POST(request: Request) {
  try {
    await requireRole(request.headers, "admin");
    const input = await readJson(request, CreateUserSchema);
    const user = await createUser(db(), input);
    return Response.json({ user: { id: user.id, name: user.name, email: user.email, role: user.role } }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
