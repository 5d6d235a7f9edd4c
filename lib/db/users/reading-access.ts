/**
 * Whether a request may read the works: always when reading is public (the default), otherwise only when
 * signed in. The admin page switches it (lib/db/settings.ts keeps the setting).
 */
import type { SessionUser } from "../../auth/roles";
import { currentUser } from "../auth/current-user";
import { DomainError } from "../errors";
import { isReadingPublic } from "../settings";

export async function readerOf(headers: Headers): Promise<{ allowed: boolean; user: SessionUser | null }> {
  const user = await currentUser(headers);
  return { allowed: user !== null || (await isReadingPublic()), user };
}

/** For API routes that read: the signed-in user (or null), or a 401 error when reading needs signing in. */
export async function requireReader(headers: Headers): Promise<SessionUser | null> {
  const { allowed, user } = await readerOf(headers);
  if (!allowed) throw new DomainError("unauthorized", "Reading needs signing in on this site.");
  return user;
}
