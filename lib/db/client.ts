/** The one Prisma client of the process, on the engine-free `pg` driver adapter. */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;

const globalForPrisma = globalThis as unknown as { hexaplaPrisma?: Db };

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
