/**
 * Who may read the works: anyone while reading is public (the default), otherwise only signed-in users (an
 * admin switches it on /admin; lib/db/settings.ts keeps the setting).
 *
 * The check lives where the data is read: every read of the data layer that finds a work by its slug takes a
 * `ReadAccess`, and the only ways to get one are `requireReader` (a request that may read) and
 * `trustedReadAccess` (the command line, benchmarks and tests, which hold the database's credentials anyway).
 * So a page, a React Server Component request, a route handler or a stream cannot read a work without having
 * been checked, whatever layout it renders under.
 */
import type { SessionUser } from "../../auth/roles";
import { currentUser } from "../auth/current-user";
import { DomainError } from "../errors";
import { isReadingPublic } from "../settings";

/** Proof that the holder may read: issued here only, checked by every read that takes it. */
export interface ReadAccess {
  /** The signed-in user, or null for an anonymous reader (or trusted code). */
  readonly user: SessionUser | null;
}

// One registry per process, even when bundling gives this module several instances.
const registry = Symbol.for("hexapla.readAccess");
const issued: WeakSet<ReadAccess> = ((globalThis as Record<symbol, unknown>)[registry] ??= new WeakSet<ReadAccess>()) as WeakSet<ReadAccess>;

function issue(user: SessionUser | null): ReadAccess {
  const access = Object.freeze({ user });
  issued.add(access);
  return access;
}

/**
 * The request's read access, or null when reading needs signing in and the request is anonymous — or when it
 * carries an API token that does not (or no longer) authenticate: a revoked token is refused, not read as anonymous.
 */
export async function readAccessOf(headers: Headers): Promise<ReadAccess | null> {
  const user = await currentUser(headers);
  if (user) return issue(user);
  return !headers.has("authorization") && (await isReadingPublic()) ? issue(null) : null;
}

/** For route handlers that read: the read access, or a 401 error when reading needs signing in or the token is not valid. */
export async function requireReader(headers: Headers): Promise<ReadAccess> {
  const access = await readAccessOf(headers);
  if (access) return access;
  throw new DomainError(
    "unauthorized",
    headers.has("authorization") ? "This API token is not valid: it was revoked, it has expired, or its account is disabled." : "Reading needs signing in on this site.",
  );
}

/** For code outside any request (the command line, benchmarks, tests). Never used under app/ (a test checks). */
export function trustedReadAccess(): ReadAccess {
  return issue(null);
}

/** Called by every read that takes a ReadAccess: refuses anything this module did not issue. */
export function assertReadAccess(access: ReadAccess): void {
  if (!issued.has(access)) throw new Error("A read of the works needs a ReadAccess from requireReader() (lib/db/users/reading-access.ts).");
}
