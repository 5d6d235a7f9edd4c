/** A fresh database per test file, cloned from the migrated template (see global-setup.ts). */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { APP_ROLE } from "../lib/db/app-role";
import { createPrismaClient, type Db } from "../lib/db/client";

export interface TestDatabase {
  url: string;
  prisma: Db;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminUrl") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}" OWNER ${APP_ROLE}`));
  const url = inject("appTemplateUrl").replace(/\/[^/]+$/, `/${name}`);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await admin((client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`));
    },
  };
}

/** Row counts of every table: equal snapshots before and after prove a rejected write changed nothing. */
export async function tableCounts(prisma: Db): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [{ count }] = await prisma.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM "${table_name}"`);
    counts[table_name] = Number(count);
  }
  return counts;
}
