/** How long the app's connections wait on PostgreSQL at most (lib/db/client.ts explains where each applies). */

/** How long a query waits for a connection: connecting, or waiting for one of a full pool to come free. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** A worker's statements: a whole-work job may write for a while, but never hangs on a lock or a stuck server forever. */
export const WORKER_STATEMENT_TIMEOUT_MS = 10 * 60_000;
