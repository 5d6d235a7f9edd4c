/**
 * An admin gives a user another role. The last enabled admin cannot be demoted (someone must be able to
 * manage accounts). The change takes effect on the user's next request: roles are read from the database every time.
 */
import { z } from "zod";
import { ROLES } from "../../auth/roles";
import type { Db } from "../client";
import { DomainError } from "../errors";

export const ChangeRoleSchema = z.strictObject({ role: z.enum(ROLES) });

export async function changeRole(db: Db, userId: string, role: (typeof ROLES)[number]) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "user" WHERE role = 'admin' FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw new DomainError("not_found", "There is no such user.");
    if (user.role === "admin" && role !== "admin" && (await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } })) === 0) {
      throw new DomainError("conflict", "This is the only admin; make someone else an admin first.");
    }
    return tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, name: true, email: true, role: true } });
  });
}
