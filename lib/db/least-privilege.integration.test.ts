/**
 * Least privilege, end to end: a fresh install (bootDatabase on its own embedded server) connects as a role that
 * owns its schema but is no superuser; an install made before keeps its data and hands it over; the files are the
 * owner's alone; and copied binaries are run only from a folder nobody else can write.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { freePort } from "../../test/global-setup";
import { APP_ROLE, transferOwnership } from "./app-role";
import { bootDatabase, migrationsDir, type BootedDatabase } from "./boot";
import { postgresUser, reachableBinaries } from "./embedded-postgres";
import { ensureDatabase, migrate } from "./migrate";

const isRoot = process.getuid?.() === 0;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("least privilege", () => {
  let dir: string;
  let database: BootedDatabase;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-privilege-"));
    fs.chmodSync(dir, 0o755);
    database = await bootDatabase({ dataDir: path.join(dir, "data"), pgPort: await freePort(), seedDemo: false, log: () => undefined });
  });
  afterAll(async () => {
    await database?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("connects the app as a role that owns its schema and every table, and is no superuser", async () => {
    const [role] = await query<{ rolname: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }>(
      database.url,
      "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user",
    );
    expect(role).toEqual({ rolname: APP_ROLE, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const foreign = await query(database.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user`);
    expect(foreign).toEqual([]);
    const [schema] = await query<{ owner: string }>(database.url, `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'public'`);
    expect(schema.owner).toBe(APP_ROLE);
  });

  it.each([
    ["run a program on the server", "COPY (SELECT 1) TO PROGRAM 'true'"],
    ["read the server's files", "SELECT pg_read_file('postgresql.conf')"],
    ["create a role", "CREATE ROLE intruder LOGIN SUPERUSER"],
    ["change the server's settings", "ALTER SYSTEM SET log_statement = 'none'"],
  ])("cannot %s", async (_, sql) => {
    await expect(query(database.url, sql)).rejects.toThrow(/permission denied|must be superuser|only superusers|privilege/i);
  });

  it("keeps the data directory, the password and the log to their owner", () => {
    const state = path.join(dir, "data");
    expect(mode(state)).toBe(isRoot ? 0o710 : 0o700);
    expect(mode(path.join(state, "postgres"))).toBe(0o700);
    expect(mode(path.join(state, "postgres.password"))).toBe(0o600);
    expect(mode(path.join(state, "postgres.log"))).toBe(0o600);
  });

  it("hands an install made by the superuser over to the app role, data and all", async () => {
    const admin = inject("adminUrl");
    const name = `legacy_${process.pid}`;
    await ensureDatabase(admin, name);
    const legacy = admin.replace(/\/postgres$/, `/${name}`);
    await migrate(legacy, migrationsDir);
    await query(legacy, `INSERT INTO app_setting (key, value) VALUES ('legacy', '"kept"')`);
    await transferOwnership(legacy);
    const asApp = inject("appTemplateUrl").replace(/\/[^/]+$/, `/${name}`);
    expect(await query(asApp, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user`)).toEqual([]);
    expect(await query(asApp, `SELECT value FROM app_setting WHERE key = 'legacy'`)).toEqual([{ value: "kept" }]);
    await query(asApp, `ALTER TABLE app_setting ADD COLUMN note text; UPDATE app_setting SET note = 'migrated by the app role'`);
    await query(admin, `DROP DATABASE "${name}" WITH (FORCE)`);
  });

  it.skipIf(!isRoot)("runs copied binaries only from a root-owned folder nobody else can write", () => {
    const hidden = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-hidden-"));
    const systemDir = path.join(dir, "system");
    try {
      fs.chmodSync(hidden, 0o700);
      fs.mkdirSync(path.join(hidden, "native", "bin"), { recursive: true });
      for (const program of ["postgres", "initdb"]) fs.writeFileSync(path.join(hidden, "native", "bin", program), "#!/bin/sh\n", { mode: 0o777 });
      const binaries = { postgres: path.join(hidden, "native", "bin", "postgres"), initdb: path.join(hidden, "native", "bin", "initdb") };
      const runAs = postgresUser(() => undefined);
      const copied = reachableBinaries(binaries, runAs, () => undefined, systemDir);
      expect(copied.postgres.startsWith(`${systemDir}/postgres-`)).toBe(true);
      expect(mode(copied.postgres)).toBe(0o755);
      expect(fs.statSync(copied.postgres).uid).toBe(0);
      fs.chmodSync(path.dirname(copied.postgres), 0o777);
      expect(() => reachableBinaries(binaries, runAs, () => undefined, systemDir)).toThrow(/Refusing to run .* writable by other users/);
    } finally {
      fs.rmSync(hidden, { recursive: true, force: true });
    }
  });
});
