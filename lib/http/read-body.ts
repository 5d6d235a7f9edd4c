/**
 * Request bodies read with a bound: a declared `Content-Length` over the limit is refused before anything is read,
 * and the bytes are counted while they stream in (a chunked body declares no length), so a body past the limit is
 * refused (413) having kept at most the limit in memory. Every route that reads a body goes through here.
 */

/** A body over the route's limit: answered with 413. */
export class PayloadTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadTooLargeError";
  }
}

/** A body sent as another media type than the route reads (JSON, or a multipart form): answered with 415. */
export class UnsupportedMediaTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedMediaTypeError";
  }
}

/** Largest body of a JSON request (grid operations, text corrections, variants, settings, sign-in): 1 MiB. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export function tooLargeMessage(limit: number): string {
  return `The request body is larger than ${size(limit)}, the limit for this request.`;
}

/**
 * The body's bytes, at most `limit` of them; throws PayloadTooLargeError (`refuse(declared size or null)`) as soon
 * as the limit is passed, and cancels the rest of the stream.
 */
export async function readBodyLimited(
  request: Request,
  limit: number,
  refuse: (declared: number | null) => PayloadTooLargeError = () => new PayloadTooLargeError(tooLargeMessage(limit)),
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared != null && /^\d+$/.test(declared) && Number(declared) > limit) throw refuse(Number(declared));
  if (request.body == null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => {});
      throw refuse(null);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The same request with its body read and bounded (for a handler that reads the body itself, such as the auth
 * library's): a body past `limit` is refused with PayloadTooLargeError before the handler sees anything.
 */
export async function withBoundedBody(request: Request, limit: number): Promise<Request> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const body = await readBodyLimited(request, limit);
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return new Request(request.url, { method: request.method, headers, body: body.byteLength > 0 ? body : undefined, signal: request.signal });
}
