/**
 * Error answers of the interchange endpoints: the shared mapping (lib/http/errors.ts: DomainError codes, zod
 * issues) plus a file that failed validation — 422 naming the file, line and column (or XML element) — a file
 * over the size limit (413, lib/http/errors.ts), and a slug taken by a concurrent request (409).
 */
import { DomainError } from "../db/errors";
import { ImportError } from "../text/edition-document";
import { errorResponse } from "../http/errors";


export function apiErrorResponse(error: unknown): Response {
  if (error instanceof ImportError) {
    return Response.json(
      { error: { code: "invalid", message: error.message, details: { file: error.file, line: error.line, column: error.column, reason: error.reason } } },
      { status: 422 },
    );
  }
  if ((error as { code?: unknown } | null)?.code === "P2002") {
    return errorResponse(new DomainError("conflict", "Someone else created the same work or edition a moment ago; reload and try again."));
  }
  return errorResponse(error);
}
