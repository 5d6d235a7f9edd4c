/** Every account with its role, for the admin page. */
import type { Db } from "../client";

export interface UserListing {
  id: string;
  name: string;
  email: string;
  role: "scholar" | "editor" | "admin";
  createdAt: string;
}

export async function listUsers(db: Db): Promise<UserListing[]> {
  const users = await db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true, role: true, createdAt: true } });
  return users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() }));
}
