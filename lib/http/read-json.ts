/**
 * Reads a request's JSON body and validates it with a zod schema. Only `application/json` is accepted: a
 * cross-site HTML form cannot send it, which keeps cookie-authenticated writes safe from forged forms.
 */
import type { z } from "zod";
import { DomainError } from "../db/errors";

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new DomainError("invalid", "Send the request body as JSON (Content-Type: application/json).");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new DomainError("invalid", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}
