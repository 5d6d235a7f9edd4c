/**
 * An admin shuts accounts off: disabling a user deletes their sessions (they are signed out at once) and makes
 * their API tokens stop working while the account stays disabled (lib/db/auth/current-user.ts refuses them);
 * sign-in is refused too (lib/db/auth/auth.ts). Sessions and tokens of any user can also be revoked without
 * disabling the account. Someone must stay able to manage accounts: an admin cannot disable themselves, and the
 * last enabled admin cannot be disabled.
 */
import { z } from "zod";
import type { Db } from "../client";
import { DomainError } from "../errors";

export const RevokeSchema = z.strictObject({ sessions: z.boolean().default(false), tokens: z.boolean().default(false) });

export async function setUserDisabled(db: Db, actorId: string, userId: string, disabled: boolean) {
  if (disabled && actorId === userId) throw new DomainError("conflict", "You cannot disable your own account.");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "user" WHERE role = 'admin' FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
    if (!user) throw new DomainError("not_found", "There is no such user.");
    if (disabled && user.role === "admin" && !user.disabledAt && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) === 1) {
      throw new DomainError("conflict", "This is the only admin; make someone else an admin first.");
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? (user.disabledAt ?? new Date()) : null },
      select: { id: true, name: true, email: true, role: true, disabledAt: true },
    });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    return { ...updated, disabledAt: updated.disabledAt?.toISOString() ?? null };
  });
}

/** Signs the user out everywhere and/or revokes every API token of theirs; answers how many of each ended. */
export async function revokeAccess(db: Db, userId: string, what: z.input<typeof RevokeSchema>): Promise<{ sessions: number; tokens: number }> {
  const { sessions, tokens } = RevokeSchema.parse(what);
  return db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new DomainError("not_found", "There is no such user.");
    const ended = sessions ? (await tx.session.deleteMany({ where: { userId } })).count : 0;
    const revoked = tokens ? (await tx.apiToken.deleteMany({ where: { userId } })).count : 0;
    return { sessions: ended, tokens: revoked };
  });
}
