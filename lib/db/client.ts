/**
 * The Prisma clients of the process, on the engine-free `pg` driver adapter, each with a pool of its own:
 * `db()` on the primary (DATABASE_URL), for every write, the write path's reads, access checks and LISTEN;
 * `readDb()` for the heavy reads of pages, which may lag a little behind — on a replica (DATABASE_READ_URL) when one
 * is configured, else on the primary. Their pools are separate even on one database, so however many pages are
 * being read, a write never waits for a connection behind them.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;

/** Connections of `db()`'s pool, and of `readDb()`'s (its own, also when it reads the primary). */
export const POOL_SIZE = 10;
export const READ_POOL_SIZE = 5;

const globalForPrisma = globalThis as unknown as { hexaplaPrisma?: Db; hexaplaReadPrisma?: { url: string; client: Db } };

export function createPrismaClient(databaseUrl: string, poolSize = POOL_SIZE): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it.");
  return url;
}

/** The shared client, created on first use from DATABASE_URL. */
export function db(): Db {
  globalForPrisma.hexaplaPrisma ??= createPrismaClient(databaseUrl());
  return globalForPrisma.hexaplaPrisma;
}

/**
 * The client for a page's heavy reads, on a pool of its own: on a read replica when DATABASE_READ_URL is set (it
 * may be behind the primary by its replication lag, so never use it to decide a write), otherwise on the primary.
 */
export function readDb(): Db {
  const url = process.env.DATABASE_READ_URL || databaseUrl();
  if (globalForPrisma.hexaplaReadPrisma?.url !== url) globalForPrisma.hexaplaReadPrisma = { url, client: createPrismaClient(url, READ_POOL_SIZE) };
  return globalForPrisma.hexaplaReadPrisma.client;
}
