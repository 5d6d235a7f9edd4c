/**
 * What the public URL (HEXAPLA_BASE_URL) decides: served over https, cookies are Secure and browsers are told to
 * keep to https (HSTS). Without it the app serves this machine only (`npm start` listens on 127.0.0.1), and a
 * request that arrives over https — through a proxy the URL does not name — is refused rather than answered with
 * cookies that would travel in clear text later.
 */
import type { Env } from "../env";

export interface PublicUrlSettings {
  /** The configured public URL, or null: this machine only. */
  url: string | null;
  /** Served over https: Secure cookies, HSTS. */
  secure: boolean;
}

export function publicUrlSettings(env: Pick<Env, "HEXAPLA_BASE_URL">): PublicUrlSettings {
  const url = env.HEXAPLA_BASE_URL ?? null;
  return { url, secure: url?.startsWith("https://") ?? false };
}
