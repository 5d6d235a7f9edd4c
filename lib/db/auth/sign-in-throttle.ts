/**
 * The per-account sign-in limit (lib/auth/sign-in-backoff.ts) kept in PostgreSQL, so every app server shares it,
 * and the wrapper that applies it to the authentication library's sign-in endpoint. It is keyed by the email
 * asked for, whether or not such an account exists (the answer must not tell which accounts exist), and it does
 * not depend on the client's address, which a client can forge unless a proxy the deployment trusts sets it.
 */
import { decideAttempt, DEFAULT_BACKOFF, type BackoffPolicy } from "../../auth/sign-in-backoff";
import type { Db } from "../client";

const FORGET_SQL_SECONDS = DEFAULT_BACKOFF.forgetAfterSeconds;

export type AttemptStart = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts an attempt on the account (as failed until it succeeds), or refuses it while the account is locked. */
export async function startSignInAttempt(db: Db, key: string, policy: BackoffPolicy, now = new Date()): Promise<AttemptStart> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM sign_in_throttle WHERE updated_at < ${new Date(now.getTime() - FORGET_SQL_SECONDS * 1000)}`;
    await tx.$executeRaw`INSERT INTO sign_in_throttle (key, failures, updated_at) VALUES (${key}, 0, ${now}) ON CONFLICT (key) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ failures: number; locked_until: Date | null; updated_at: Date }[]>`
      SELECT failures, locked_until, updated_at FROM sign_in_throttle WHERE key = ${key} FOR UPDATE`;
    const decision = decideAttempt({ failures: row.failures, lockedUntil: row.locked_until, updatedAt: row.updated_at }, now, policy);
    if (!decision.allowed) return decision;
    await tx.signInThrottle.update({ where: { key }, data: decision.state });
    return { allowed: true };
  });
}

/** A successful sign-in clears the account's failures. */
export async function clearSignInFailures(db: Db, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

/** The key of an email: trimmed and lower-cased, as accounts are stored. */
export function throttleKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Wraps the authentication library's HTTP handler: a sign-in with email and password first passes the
 * per-account limit (429 with `Retry-After` while the account is locked); a successful one clears it.
 */
export function withSignInThrottle(handler: (request: Request) => Promise<Response>, db: () => Db, policy: () => BackoffPolicy) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/sign-in/email")) return handler(request);
    const body = (await request
      .clone()
      .json()
      .catch(() => null)) as { email?: unknown } | null;
    if (typeof body?.email !== "string") return handler(request);
    const key = throttleKey(body.email);
    const start = await startSignInAttempt(db(), key, policy());
    if (!start.allowed) {
      const seconds = String(start.retryAfterSeconds);
      return Response.json(
        { code: "TOO_MANY_ATTEMPTS", message: `Too many failed sign-ins for this account; try again in ${seconds} seconds.` },
        { status: 429, headers: { "Retry-After": seconds, "X-Retry-After": seconds } },
      );
    }
    const response = await handler(request);
    if (response.ok) await clearSignInFailures(db(), key);
    return response;
  };
}
