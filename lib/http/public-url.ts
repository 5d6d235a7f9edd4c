/**
 * What the public URL (HEXAPLA_BASE_URL) decides. Without it the app serves this machine only (`npm start` listens
 * on 127.0.0.1, so it works on localhost with no configuration) and refuses to listen elsewhere. Served over
 * https, cookies are Secure and browsers are told to keep to https (HSTS); a request that arrives over https
 * while the URL does not say so is refused (proxy.ts) rather than answered with cookies that are not Secure.
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

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface ListenPlan {
  host: string;
  /** Where to tell the user to go. */
  url: string;
  warnings: string[];
}

/** Where `npm start` listens, or an error when it would serve other machines without a public URL. */
export function listenPlan(env: Pick<Env, "HEXAPLA_BASE_URL" | "HEXAPLA_HOST" | "PORT">): ListenPlan {
  const base = env.HEXAPLA_BASE_URL ? new URL(env.HEXAPLA_BASE_URL) : null;
  const publicHost = base && !isLoopback(base.hostname);
  const host = env.HEXAPLA_HOST ?? (publicHost ? "0.0.0.0" : "127.0.0.1");
  if (!base && !isLoopback(host)) {
    throw new Error(
      `HEXAPLA_HOST=${host} would serve other machines, but HEXAPLA_BASE_URL is not set. Set HEXAPLA_BASE_URL to the address people use (https://… when a proxy serves it over TLS), so that cookies are Secure and links are right.`,
    );
  }
  const warnings =
    base?.protocol === "http:" && publicHost
      ? [`${env.HEXAPLA_BASE_URL} is plain http: passwords and session cookies cross the network unencrypted. Serve it over https and set HEXAPLA_BASE_URL=https://….`]
      : [];
  return { host, url: env.HEXAPLA_BASE_URL ?? `http://localhost:${env.PORT}`, warnings };
}
