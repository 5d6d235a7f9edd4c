/**
 * Cross-site request forgery guard for endpoints that take form data: a browser sends `Origin` (or
 * `Sec-Fetch-Site`) with a POST, and a request authenticated by the session cookie must come from this site.
 * Scripts authenticate with a bearer token, which a forged cross-site request cannot carry.
 */
import { DomainError } from "../db/errors";

export function assertSameOrigin(request: Request): void {
  if (request.headers.has("authorization")) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const sameSite = origin ? host != null && hostOf(origin) === host : request.headers.get("sec-fetch-site") === "same-origin";
  if (!sameSite) throw new DomainError("forbidden", "This request must come from Hexapla's own pages, or carry an API token.");
}

/** The host an Origin header names; null for `null` (sandboxed pages, some redirects) or anything that is not a URL. */
function hostOf(origin: string): string | null {
  return URL.canParse(origin) ? new URL(origin).host || null : null;
}
