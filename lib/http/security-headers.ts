/**
 * The security headers of every answer (set by proxy.ts): a Content-Security-Policy whose scripts need this
 * request's nonce (no inline script runs without it; Next.js puts the nonce on its own scripts), no framing,
 * no MIME sniffing, no referrer to other sites, and HSTS when the app is served over https. Styles may be inline:
 * React writes `style` attributes, which a nonce cannot allow.
 */

/** The path and query of the request, for pages that send a reader to sign in and back (set by the proxy, never by the client). */
export const PATH_HEADER = "x-hexapla-path";

export interface SecurityOptions {
  nonce: string;
  /** Served over https (HEXAPLA_BASE_URL is https://…): HSTS, and mixed content is upgraded. */
  secure: boolean;
  /** `next dev` needs eval for React's debugging; never in production. */
  development?: boolean;
}

export function contentSecurityPolicy({ nonce, secure, development = false }: SecurityOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(options: SecurityOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(options.secure ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A request that arrived over https although the configured public URL is not https (refused: cookies would not be Secure). */
export function servedOverUnexpectedHttps(forwardedProto: string | null, urlProtocol: string, secure: boolean): boolean {
  const https = forwardedProto ? forwardedProto.split(",")[0].trim().toLowerCase() === "https" : urlProtocol === "https:";
  return https && !secure;
}
