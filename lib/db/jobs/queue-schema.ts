/**
 * Installs or updates graphile-worker's schema (`graphile_worker`) after the app's own migrations
 * (lib/db/migrate.ts); idempotent, and graphile-worker serialises concurrent calls. See queue.ts for why
 * graphile-worker.
 */
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";

/** graphile-worker's log, keeping only warnings and errors. */
export const queueLogger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[worker] ${message}`);
  else if (level === "warning") console.warn(`[worker] ${message}`);
});

/**
 * A connection pool for graphile-worker that the caller ends (and awaits): graphile-worker ends a pool it made
 * itself without waiting, and removes its error handlers first, so a connection closing late could crash the process.
 */
export function queuePool(databaseUrl: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, keepAlive: true });
  const report = (error: Error) => console.error(`[worker] Database connection error: ${error.message}`);
  pool.on("error", report);
  pool.on("connect", (client) => client.on("error", report));
  return pool;
}

export async function migrateQueue(databaseUrl: string): Promise<void> {
  const pool = queuePool(databaseUrl, 2);
  try {
    await runMigrations({ pgPool: pool, logger: queueLogger });
  } finally {
    await pool.end();
  }
}
