import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { migrate } from "./migrate";

describe("migrate", () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-migrations-"));
  });
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, sql: string) => {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  };

  it("applies pending migrations once and records them in _prisma_migrations", async () => {
    write("20990101000000_extra", "CREATE TABLE extra_table (id integer PRIMARY KEY);");
    expect(await migrate(database.url, dir)).toEqual(["20990101000000_extra"]);
    expect(await migrate(database.url, dir)).toEqual([]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE migration_name = '20990101000000_extra'`);
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0].finished_at).not.toBeNull();
  });

  it("refuses to run when an applied migration was edited", async () => {
    write("20990101000000_extra", "CREATE TABLE extra_table (id bigint PRIMARY KEY);");
    await expect(migrate(database.url, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration entirely and does not record it", async () => {
    fs.rmSync(path.join(dir, "20990101000000_extra"), { recursive: true });
    write("20990101000000_extra", "CREATE TABLE extra_table (id integer PRIMARY KEY);");
    write("20990102000000_broken", "CREATE TABLE half_done (id integer); SELECT no_such_function();");
    await expect(migrate(database.url, dir)).rejects.toThrow(/20990102000000_broken failed/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const tables = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    const recorded = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20990102000000_broken'`);
    await client.end();
    expect(tables.rowCount).toBe(0);
    expect(recorded.rowCount).toBe(0);
  });
});
