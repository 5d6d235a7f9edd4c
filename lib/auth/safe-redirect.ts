/**
 * Where to go after signing in: only a path on this site. Anything a browser could read as another origin
 * (`//evil.example`, `/\evil.example`, `https://…`, a path with tabs or newlines that browsers drop, `javascript:`)
 * falls back to the home page.
 */
const BASE = "http://hexapla.invalid";

export function safeRedirectPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into a protocol-relative path ("/..//evil.example" → "//evil.example").
  return url.origin === BASE && !path.startsWith("//") ? path : fallback;
}
