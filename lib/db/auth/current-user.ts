/**
 * The signed-in user of a request (session cookie, or an API token for scripts), and role checks for every write.
 * A disabled account has no user on any request: its sessions are deleted when it is disabled, and its tokens
 * are refused while it stays disabled.
 */
import { createHash } from "node:crypto";
import { refusalOf, ROLES, type Role, type SessionUser } from "../../auth/roles";
import { db } from "../client";
import { DomainError } from "../errors";
import { auth } from "./auth";

const LAST_USED_PRECISION_MS = 60_000;

function asRole(value: unknown): Role {
  return ROLES.includes(value as Role) ? (value as Role) : "scholar";
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function userFromApiToken(authorization: string): Promise<SessionUser | null> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (!token) return null;
  const found = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  const now = new Date();
  if (!found || found.expiresAt < now || found.user.disabledAt) return null;
  // "Last used" to the minute: a script's every request need not write (and wait for) a commit.
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db().apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  const { id, name, email, role } = found.user;
  return { id, name, email, role, tokenScope: found.scope };
}

export async function currentUser(headers: Headers): Promise<SessionUser | null> {
  const authorization = headers.get("authorization");
  if (authorization) return userFromApiToken(authorization);
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const { id, name, email } = session.user;
  const fields = session.user as { role?: unknown; disabledAt?: unknown };
  if (fields.disabledAt) return null;
  return { id, name, email, role: asRole(fields.role) };
}

/** The signed-in user (by session or by a token of any scope), or a 401 error. */
export async function requireSignedIn(headers: Headers): Promise<SessionUser> {
  const user = await currentUser(headers);
  if (!user) throw new DomainError("unauthorized", "Sign in first.");
  return user;
}

/** The user, if signed in with at least `role` (and a token scope that allows it); otherwise a DomainError the UI and API turn into 401/403. */
export async function requireRole(headers: Headers, role: Role): Promise<SessionUser> {
  const user = await requireSignedIn(headers);
  const refusal = refusalOf(user, role);
  if (refusal) throw new DomainError("forbidden", refusal);
  return user;
}
