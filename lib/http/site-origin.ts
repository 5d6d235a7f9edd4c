/**
 * The origin absolute links are written with: HEXAPLA_BASE_URL when set, else the host the request was sent to
 * (its Host header: the link goes back to the client that asked, so it names the address that client used).
 */
import { readEnv } from "../env";

export function siteOrigin(request: Request): string {
  const base = readEnv().HEXAPLA_BASE_URL;
  if (base) return new URL(base).origin;
  const url = new URL(request.url);
  const host = request.headers.get("host");
  if (!host) return url.origin;
  try {
    return new URL(`${url.protocol}//${host}`).origin;
  } catch {
    return url.origin;
  }
}
