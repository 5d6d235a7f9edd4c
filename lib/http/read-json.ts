/**
 * Reads a request's JSON body and validates it with a zod schema. Only `application/json` is accepted: a
 * cross-site HTML form cannot send it, which keeps cookie-authenticated writes safe from forged forms. The body is
 * bounded while it streams (read-body.ts): past MAX_JSON_BODY_BYTES it is refused with 413. Text that cannot be stored
 * (a NUL, a lone surrogate; lib/text/storable-text.ts) is refused with 422 naming its field before the schema runs.
 */
import type { z } from "zod";
import { DomainError } from "../db/errors";
import { MAX_JSON_BODY_BYTES, readBodyLimited, UnsupportedMediaTypeError } from "./read-body";
import { findUnstorableText } from "../text/storable-text";

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new UnsupportedMediaTypeError("Send the request body as JSON (Content-Type: application/json).");
  }
  const bytes = await readBodyLimited(request, MAX_JSON_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new DomainError("invalid", "The request body is not valid JSON.");
  }
  const unstorable = findUnstorableText(body);
  if (unstorable) {
    const where = unstorable.path || "the body";
    throw new DomainError("invalid", `The request is not valid: ${where}: ${unstorable.reason}.`, { issues: [{ path: unstorable.path, message: unstorable.reason }] });
  }
  return schema.parse(body);
}
