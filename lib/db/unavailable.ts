/**
 * Tells the database's passing troubles from real failures, whatever layer reports them (node-postgres, the Prisma
 * driver adapter, Prisma's own errors): `unreachable` — the server is down, restarting, refusing connections or
 * dropped ours; `busy` — no connection came free in time (the pool is exhausted) or a statement ran past
 * statement_timeout. Both end a request with 503 and Retry-After (lib/http/errors.ts) and tell a worker to wait for
 * the database rather than give up (scripts/worker.ts); a transaction they interrupted was rolled back.
 */

export type DatabaseTrouble = "unreachable" | "busy";

/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);
/** Kinds of the driver adapter's errors (`meta.driverAdapterError.cause.kind`). */
const ADAPTER_KINDS: Record<string, DatabaseTrouble> = {
  DatabaseNotReachable: "unreachable",
  ConnectionClosed: "unreachable",
  SocketTimeout: "unreachable",
  TooManyConnections: "busy",
};
/** Prisma's codes: can't reach, timed out, server closed the connection; pool and transaction-start timeouts. */
const PRISMA_CODES: Record<string, DatabaseTrouble> = { P1001: "unreachable", P1002: "unreachable", P1008: "busy", P1017: "unreachable", P2024: "busy" };
/** node-postgres's own messages for these (they carry no code). */
const MESSAGES: [RegExp, DatabaseTrouble][] = [
  [/^timeout exceeded when trying to connect/i, "busy"],
  [/^Connection terminated/i, "unreachable"],
  [/^Client has encountered a connection error and is not queryable/i, "unreachable"],
  [/^Unable to start a transaction in the given time/i, "busy"],
];

/** What PostgreSQL's SQLSTATE says: class 08 and the shutdowns are the server's absence, 57014 / 55P03 timeouts. */
function sqlState(code: string): DatabaseTrouble | null {
  if (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300") return "unreachable";
  if (code === "57014" || code === "55P03") return "busy";
  return null;
}

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
  cause?: unknown;
}

export function databaseTrouble(error: unknown, depth = 0): DatabaseTrouble | null {
  if (!error || typeof error !== "object" || depth > 4) return null;
  const e = error as ErrorLike;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause) {
    const found = databaseTrouble(adapterCause, depth + 1);
    if (found) return found;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS[e.kind]) return ADAPTER_KINDS[e.kind];
  if (typeof e.code === "string") {
    if (SOCKET_CODES.has(e.code)) return "unreachable";
    if (PRISMA_CODES[e.code]) return PRISMA_CODES[e.code];
    if (/^[0-9A-Z]{5}$/.test(e.code)) {
      const state = sqlState(e.code);
      if (state) return state;
    }
  }
  if (typeof e.message === "string") {
    const message = e.message.trim();
    for (const [pattern, trouble] of MESSAGES) if (pattern.test(message)) return trouble;
    /* Prisma's "Transaction API error: Unable to start…" (P2028, which also names other transaction mistakes). */
    if (e.code === "P2028" && /Unable to start a transaction in the given time/.test(message)) return "busy";
  }
  return databaseTrouble(e.cause, depth + 1);
}

/** What a user is told (the HTTP API's message, a worker's log). */
export function troubleMessage(trouble: DatabaseTrouble): string {
  return trouble === "unreachable"
    ? "The database cannot be reached just now; nothing was changed. Try again in a moment."
    : "The database is too busy to answer in time; nothing was changed. Try again in a moment.";
}
