/** Headers the proxy (proxy.ts) sets on every request it passes to the app. */

/** The path and query of the request, for pages that send a reader to sign in and back (set by the proxy, never by the client). */
export const PATH_HEADER = "x-hexapla-path";
