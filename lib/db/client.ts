/**
 * The Prisma clients of the process, on the engine-free `pg` driver adapter: `db()` on the primary (DATABASE_URL),
 * for every write, the write path's reads, access checks and LISTEN; `readDb()` for the reads of pages that may
 * lag a little behind — a replica's (DATABASE_READ_URL) when one is configured, else the primary's.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;

const globalForPrisma = globalThis as unknown as { hexaplaPrisma?: Db; hexaplaReadPrisma?: { url: string; client: Db } };

export function createPrismaClient(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

/** The shared client, created on first use from DATABASE_URL. */
export function db(): Db {
  if (!globalForPrisma.hexaplaPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it.");
    globalForPrisma.hexaplaPrisma = createPrismaClient(url);
  }
  return globalForPrisma.hexaplaPrisma;
}

/**
 * The client for a page's reads: on a read replica when DATABASE_READ_URL is set (it may be behind the primary by
 * its replication lag, so never use it to decide a write), otherwise the shared client.
 */
export function readDb(): Db {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return db();
  if (globalForPrisma.hexaplaReadPrisma?.url !== url) globalForPrisma.hexaplaReadPrisma = { url, client: createPrismaClient(url) };
  return globalForPrisma.hexaplaReadPrisma.client;
}
