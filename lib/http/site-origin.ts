/** The origin absolute links are written with: HEXAPLA_BASE_URL when set, else the origin the request reached. */
import { readEnv } from "../env";

export function siteOrigin(request: Request): string {
  const base = readEnv().HEXAPLA_BASE_URL;
  return base ? new URL(base).origin : new URL(request.url).origin;
}
