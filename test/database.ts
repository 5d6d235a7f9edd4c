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

/**
 * Columns that record access rather than content: a request updates them whether its write is accepted or refused
 * (a token's last use, the sign-in limiter's counters). The contents snapshot leaves them out.
 */
const ACCESS_COLUMNS: Record<string, string[]> = {
  api_token: ["last_used_at"],
  rate_limit: ["count", "last_request"],
};

/**
 * The full contents of every table, as an md5 of its rows (every column but ACCESS_COLUMNS) in primary-key order,
 * with the row count: equal snapshots before and after prove that a rejected write changed nothing at all — not
 * merely no row count.
 */
export async function tableContents(prisma: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await prisma.$queryRaw<{ table_name: string; columns: string[]; key: string | null }[]>`
    SELECT t.table_name::text AS table_name,
           (SELECT array_agg(c.column_name::text ORDER BY c.ordinal_position) FROM information_schema.columns c
             WHERE c.table_schema = 'public' AND c.table_name = t.table_name) AS columns,
           (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey, a.attnum))
              FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
             WHERE i.indrelid = quote_ident(t.table_name)::regclass AND i.indisprimary) AS key
    FROM information_schema.tables t
    WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY t.table_name`;
  const contents: Record<string, { rows: number; md5: string }> = {};
  for (const { table_name, columns, key } of tables) {
    const kept = columns.filter((column) => !(ACCESS_COLUMNS[table_name] ?? []).includes(column)).map((column) => `t."${column}"`);
    const row = `row(${kept.join(", ")})::text`;
    // Without a primary key, the rows' own text orders them: the same rows give the same md5 in any physical order.
    const [{ rows, md5 }] = await prisma.$queryRawUnsafe<{ rows: bigint; md5: string }[]>(
      `SELECT count(*) AS rows, md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${key ?? row}), '')) AS md5 FROM "${table_name}" t`,
    );
    contents[table_name] = { rows: Number(rows), md5 };
  }
  return contents;
}
