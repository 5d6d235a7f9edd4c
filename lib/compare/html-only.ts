/**
 * Data that travels to the browser in the HTML only, not a second time in the React Server Components payload.
 *
 * A client component's props are serialised into the payload that the page's HTML carries for hydration, so text
 * rendered by a client component is sent twice. A page can instead hand the data over to the server-side render of
 * the component that draws it: the server component `put`s it here and passes the token as the prop; the server
 * render of the client component `take`s it by the token (both renders of one request run in the same process, one
 * after the other) and draws it, and in the browser the component keeps the drawn HTML as it is instead of drawing
 * it again. The hand-over lives a request long: an entry expires a few seconds after it is first taken (a render
 * may run a component twice) and 15 seconds after it was put when nobody takes it (a render that failed, or a
 * payload-only request mistaken for a page load), and there are at most 64, so the store stays small. A component that finds nothing under its token (the
 * payload came without a server render, as on a client-side navigation or a refresh) asks for the data as props.
 */

interface Entry {
  value: unknown;
  expires: number;
}

/** How long an entry waits for the render that takes it (the same request's, a moment later). */
const TTL_MS = 15_000;
/** How long an entry stays once taken. */
const TAKEN_TTL_MS = 5_000;
/** Entries at most; the oldest go first beyond it (a page's rows are tens to hundreds of KB). */
const MAX_ENTRIES = 64;

const KEY = Symbol.for("hexapla.html-only");

/** One store per process: the server components' and the client components' bundles are separate module graphs. */
function store(): Map<string, Entry> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Entry> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

function sweep(entries: Map<string, Entry>, now: number): void {
  for (const [token, entry] of entries) if (entry.expires <= now) entries.delete(token);
  while (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** Keeps `value` for the server render of this request; the token is what the component gets as its prop. */
export function putHtmlOnly(value: unknown, now = Date.now()): string {
  const entries = store();
  sweep(entries, now);
  const token = crypto.randomUUID();
  entries.set(token, { value, expires: now + TTL_MS });
  return token;
}

/** The value kept under `token`; undefined in the browser, or when it expired. */
export function takeHtmlOnly<T>(token: string, now = Date.now()): T | undefined {
  if (typeof window !== "undefined") return undefined;
  const entry = store().get(token);
  if (!entry || entry.expires <= now) return undefined;
  entry.expires = Math.min(entry.expires, now + TAKEN_TTL_MS);
  return entry.value as T;
}

/** Entries waiting (for tests and diagnostics). */
export function htmlOnlyWaiting(): number {
  return store().size;
}
