/**
 * The Prisma clients of the process, on the engine-free `pg` driver adapter, each with a pool of its own:
 * `db()` on the primary (DATABASE_URL), for every write, the write path's reads, access checks and LISTEN;
 * `readDb()` for the heavy reads of pages, which may lag a little behind — on a replica (DATABASE_READ_URL) when one
 * is configured, else on the primary. Their pools are separate even on one database, so however many pages are
 * being read, a write never waits for a connection behind them.
 *
 * Nothing waits on the database forever: a query waits at most CONNECT_TIMEOUT_MS for a connection (a new one, or
 * one of a full pool to come free), and a statement of the app server runs at most HEXAPLA_STATEMENT_TIMEOUT_SECONDS
 * (PostgreSQL's statement_timeout; a worker's, WORKER_STATEMENT_TIMEOUT_MS). Either, like the database being down,
 * is a passing trouble (unavailable.ts) that a request answers with 503. The pools outlive the database going away:
 * a broken idle connection is dropped (the driver adapter listens for its error) and the next query opens a new one.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { readEnv } from "../env";
import { PrismaClient } from "./generated/client";
import { CONNECT_TIMEOUT_MS } from "./timeouts";

export type Db = InstanceType<typeof PrismaClient>;

/** Connections of `db()`'s pool, and of `readDb()`'s (its own, also when it reads the primary). */
export const POOL_SIZE = 10;
export const READ_POOL_SIZE = 5;

export interface ClientLimits {
  /** Connections of its pool (default POOL_SIZE). */
  poolSize?: number;
  /** PostgreSQL's statement_timeout for its connections; unset: none (command-line tools, migrations, tests). */
  statementTimeoutMs?: number;
  /** How long a query waits for a connection (default CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
}

const globalForPrisma = globalThis as unknown as { hexaplaPrisma?: Db; hexaplaReadPrisma?: { url: string; client: Db } };

export function createPrismaClient(databaseUrl: string, limits: ClientLimits = {}): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: limits.poolSize ?? POOL_SIZE,
    connectionTimeoutMillis: limits.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    keepAlive: true,
    ...(limits.statementTimeoutMs ? { statement_timeout: limits.statementTimeoutMs } : {}),
  });
  return new PrismaClient({ adapter });
}

/** The app server's statement timeout (HEXAPLA_STATEMENT_TIMEOUT_SECONDS). */
const requestStatementTimeoutMs = () => readEnv().HEXAPLA_STATEMENT_TIMEOUT_SECONDS * 1000;

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it.");
  return url;
}

/** The shared client, created on first use from DATABASE_URL. */
export function db(): Db {
  globalForPrisma.hexaplaPrisma ??= createPrismaClient(databaseUrl(), { statementTimeoutMs: requestStatementTimeoutMs() });
  return globalForPrisma.hexaplaPrisma;
}

/**
 * The client for a page's heavy reads, on a pool of its own: on a read replica when DATABASE_READ_URL is set (it
 * may be behind the primary by its replication lag, so never use it to decide a write), otherwise on the primary.
 */
export function readDb(): Db {
  const url = process.env.DATABASE_READ_URL || databaseUrl();
  if (globalForPrisma.hexaplaReadPrisma?.url !== url) globalForPrisma.hexaplaReadPrisma = { url, client: createPrismaClient(url, { poolSize: READ_POOL_SIZE, statementTimeoutMs: requestStatementTimeoutMs() }) };
  return globalForPrisma.hexaplaReadPrisma.client;
}
