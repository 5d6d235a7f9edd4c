/**
 * One place that turns the errors of the data layer and of request validation into HTTP responses, so every
 * route handler answers the same way: `{ error: { code, message, details? } }` with the status the code means.
 * The database's passing troubles (down, restarting, no connection free in time, a statement past its timeout:
 * lib/db/unavailable.ts) are 503 `unavailable` with Retry-After. Unexpected errors are logged and answered with a
 * 500 that reveals nothing.
 */
import { ZodError } from "zod";
import { GridOperationError } from "../alignment/operations";
import { DomainError } from "../db/errors";
import { databaseTrouble, troubleMessage } from "../db/unavailable";
import { PayloadTooLargeError, UnsupportedMediaTypeError } from "./read-body";

export type ErrorCode = DomainError["code"] | "unavailable" | "internal";

const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 409,
  invalid: 422,
  unavailable: 503,
  internal: 500,
};

/** Seconds a client is asked to wait before trying again after a 503 `unavailable`. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** The HTTP status a DomainError code stands for. */
export function httpStatusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** The body and status an error is answered with. */
export function describeError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: STATUS[error.code], body };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
    const message = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
    return { status: 422, body: { error: { code: "invalid", message: `The request is not valid: ${message}`, details: { issues } } } };
  }
  if (error instanceof PayloadTooLargeError) {
    return { status: 413, body: { error: { code: "invalid", message: error.message } } };
  }
  if (error instanceof UnsupportedMediaTypeError) {
    return { status: 415, body: { error: { code: "invalid", message: error.message } } };
  }
  if (error instanceof GridOperationError) {
    return { status: 422, body: { error: { code: "invalid", message: error.message, details: { reason: error.code } } } };
  }
  const trouble = databaseTrouble(error);
  if (trouble) return { status: 503, body: { error: { code: "unavailable", message: troubleMessage(trouble) } } };
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on the server; nothing was changed." } } };
}

/** The headers an error's answer carries besides its body: Retry-After on a 503. */
export function errorHeaders(status: number): Record<string, string> {
  return status === 503 ? { "retry-after": String(UNAVAILABLE_RETRY_SECONDS) } : {};
}

/** The JSON response for an error; unexpected errors are logged first, the database's troubles in one line. */
export function errorResponse(error: unknown): Response {
  const { status, body } = describeError(error);
  if (status === 500) console.error(error);
  if (status === 503) console.error(`[hexapla] ${body.error.message} (${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)})`);
  return Response.json(body, { status, headers: errorHeaders(status) });
}
