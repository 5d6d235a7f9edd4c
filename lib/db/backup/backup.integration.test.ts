/**
 * Backups (backup.ts) and restores (restore.ts) against real PostgreSQL servers, as the app's role (no superuser):
 * the embedded PostgreSQL 18 of the tests, with the demo work, editor changes, an undo, a word-link set and a job
 * worker (a sequence) in it, and Debian's PostgreSQL 15 when it is installed (an older server; CI installs it).
 * Every comparison is of every row of every table, not of counts.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../test/global-setup";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { demoCorpusDir, migrationsDir, projectRoot } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { postgresUser } from "../embedded-postgres";
import { applyEditorOperation } from "../grid/apply-operation";
import { createActor, gridVersionOf } from "../grid/grid.fixtures";
import { loadGridState } from "../grid/load-grid-state";
import { undoLastChange } from "../grid/undo-operation";
import { backupDatabase } from "./backup";
import { loadOrder, readCatalog } from "./catalog";
import { BackupRefusal, readBackup, writeArchive, type Manifest } from "./format";
import { checkBackup, restoreDatabase } from "./restore";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-backup-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
let files = 0;
const newFile = (name = "backup.tar.gz") => path.join(scratch, `${(files += 1)}-${name}`);

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of every table of the public schema, whole, as text, in a fixed order. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const tables = await query<{ name: string }>(url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const rows: Record<string, string[]> = {};
  for (const { name } of tables) {
    rows[name] = (await query<{ row: string }>(url, `SELECT t::text AS row FROM "${name}" t ORDER BY t::text COLLATE "C"`)).map((r) => r.row);
  }
  return rows;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function npmRun(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), path.join(projectRoot, "scripts", `${script}.ts`), ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BackupRefusal);
  return (error as Error).message;
}

/** A backup's manifest and every table's data, in memory. */
async function unpack(file: string): Promise<{ manifest: Manifest; data: Map<string, Buffer> }> {
  const data = new Map<string, Buffer>();
  const manifest = await readBackup(file, async (table, stream: Readable) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    data.set(table.name, Buffer.concat(chunks));
  });
  return { manifest, data };
}

/** Writes a backup file with the given manifest and data (the checksums as the manifest gives them). */
async function pack(manifest: Manifest, data: Map<string, Buffer>): Promise<string> {
  const file = newFile();
  const dir = fs.mkdtempSync(path.join(scratch, "pack-"));
  const tables = manifest.tables.map((table, i) => {
    const tableFile = path.join(dir, `${i}.copy`);
    fs.writeFileSync(tableFile, data.get(table.name)!);
    return { table, path: tableFile };
  });
  await writeArchive(file, manifest, tables);
  return file;
}

describe("backup and restore on the embedded PostgreSQL", () => {
  let database: TestDatabase;
  let url: string;
  let backup: string;
  let original: Record<string, string[]>;

  beforeAll(async () => {
    database = await createTestDatabase();
    url = database.url;
    const editor = await createActor(database.prisma, "editor");
    const { workId } = await seedDemo(database.prisma, demoCorpusDir);
    const rowIds = (await database.prisma.$transaction((tx) => loadGridState(tx, workId))).state.grid.rows.map((row) => row.id);
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "mergeRows", rowId: rowIds[3] }, baseVersion: await gridVersionOf(database.prisma, workId) });
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId: rowIds[5], status: "confirmed" }, baseVersion: await gridVersionOf(database.prisma, workId) });
    await undoLastChange(database.prisma, workId, editor, await gridVersionOf(database.prisma, workId));
    await database.prisma.bookmark.create({ data: { userId: editor.id, rowId: rowIds[7] } });
    await database.prisma.variant.create({ data: { workId, rowId: rowIds[8], category: "omission", note: "Tab\there, a newline\nthere, a backslash \\ and «quotes»." } });
    await query(url, `INSERT INTO job_worker (hostname, pid, concurrency) VALUES ('backup-test', 1, 1), ('backup-test', 2, 1)`);
    backup = (await backupDatabase(url, newFile())).file;
    original = await everyRow(url);
  });
  afterAll(async () => database?.drop());

  it("writes a documented archive, readable by its owner only, of every table, with a cycle of foreign keys to load", async () => {
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    const listing = spawnSync("tar", ["-tzf", backup], { encoding: "utf8" });
    expect(listing.stdout.split("\n")[0]).toBe("manifest.json");
    const { manifest, data } = await unpack(backup);
    const tables = Object.keys(original).filter((name) => name !== "_prisma_migrations");
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(tables.sort());
    for (const table of manifest.tables) expect(table.rows).toBe(original[table.name].length);
    expect(data.get("variant")!.toString()).toContain("Tab\\there, a newline\\nthere, a backslash \\\\ and «quotes».");
    expect(manifest).toMatchObject({ format: "hexapla-backup", version: 1 });
    expect(manifest.migrations).toHaveLength(original._prisma_migrations.length);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const order = loadOrder(await readCatalog(client)).tables;
    await client.end();
    expect(order.indexOf("work")).toBeLessThan(order.indexOf("edition"));
    expect(order.indexOf("edition")).toBeLessThan(order.indexOf("segment"));
  });

  it("restores every row of every table after the data changed, and the sequences go on past the restored rows", async () => {
    await query(url, `UPDATE segment SET text = 'Changed after the backup.' WHERE id = (SELECT id FROM segment ORDER BY id LIMIT 1)`);
    await query(url, `DELETE FROM bookmark`);
    await query(url, `UPDATE work SET pivot_edition_id = NULL, title = 'Renamed'`);
    await query(url, `INSERT INTO job_worker (hostname, pid, concurrency) SELECT 'after', g, 1 FROM generate_series(3, 9) g`);
    expect(await everyRow(url)).not.toEqual(original);

    await checkBackup(url, backup);
    await restoreDatabase(url, backup);
    expect(await everyRow(url)).toEqual(original);
    const [next] = await query<{ id: number }>(url, `INSERT INTO job_worker (hostname, pid, concurrency) VALUES ('next', 10, 1) RETURNING id`);
    expect(next.id).toBe(Math.max(...(await query<{ id: number }>(url, "SELECT id FROM job_worker WHERE hostname <> 'next'")).map((r) => r.id)) + 1);
    await query(url, `DELETE FROM job_worker WHERE hostname = 'next'`);
  });

  it("restores with the command line only when confirmed with --yes, saying first what it would replace", async () => {
    const env = { DATABASE_URL: url, HEXAPLA_BACKUP_DIR: path.join(scratch, "cli-backups") };
    const made = await npmRun("backup", [], env);
    expect(made.code, made.stderr).toBe(0);
    const file = made.stdout.trim();
    expect(path.dirname(file)).toBe(path.join(scratch, "cli-backups"));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await query(url, `DELETE FROM variant`);
    const changed = await everyRow(url);

    const unconfirmed = await npmRun("restore", [file], env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("Restoring replaces everything in the database");
    expect(unconfirmed.stderr).toMatch(/It would be replaced by .*a backup of the database “test_\w+” \(PostgreSQL 18[.\d]*\) made at .*holding 1 works/);
    expect(unconfirmed.stderr).toContain("Nothing was changed. To restore, run again with --yes");
    expect(await everyRow(url)).toEqual(changed);

    const restored = await npmRun("restore", [file, "--yes"], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toContain("Restored. It holds 1 works");
    expect(await everyRow(url)).toEqual(original);

    const notBackup = newFile("not-a-backup.tar.gz");
    fs.writeFileSync(notBackup, "hello");
    const refused = await npmRun("restore", [notBackup, "--yes"], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is not a Hexapla backup (it is not gzip-compressed); nothing was changed.");
    expect(await everyRow(url)).toEqual(original);
  });

  it("refuses a file with one byte flipped, a truncated file and files that are not backups, changing nothing", async () => {
    await query(url, `UPDATE work SET title = 'Changed again'`);
    const before = await everyRow(url);
    const bytes = fs.readFileSync(backup);

    const flipped = newFile();
    const copy = Buffer.from(bytes);
    copy[Math.floor(copy.length / 2)] ^= 0x01;
    fs.writeFileSync(flipped, copy);
    const truncated = newFile();
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const plain = newFile("notes.txt");
    fs.writeFileSync(plain, "Not a backup.\n");
    const otherTar = newFile("other.tar.gz");
    spawnSync("tar", ["-czf", otherTar, "-C", projectRoot, "package.json"]);

    for (const file of [flipped, truncated]) {
      expect(await refusal(() => checkBackup(url, file))).toMatch(/is damaged: .*Nothing was changed/);
      expect(await refusal(() => restoreDatabase(url, file))).toMatch(/is damaged: .*Nothing was changed/);
    }
    expect(await refusal(() => restoreDatabase(url, plain))).toContain("is not a Hexapla backup (it is not gzip-compressed)");
    expect(await refusal(() => restoreDatabase(url, otherTar))).toContain("is not a Hexapla backup (its first member is “package.json”, not manifest.json)");
    expect(await everyRow(url)).toEqual(before);
  });

  it("refuses a backup made at other migrations than the database's, changing nothing", async () => {
    const before = await everyRow(url);
    const { manifest, data } = await unpack(backup);
    const older = await pack({ ...manifest, migrations: manifest.migrations.slice(0, -1) }, data);
    const newer = await pack({ ...manifest, migrations: [...manifest.migrations, "29991231000000_future"] }, data);
    expect(await refusal(() => checkBackup(url, older))).toContain(
      `was made at another schema than the database's: the database has migrations the backup's schema lacks (${manifest.migrations.at(-1)})`,
    );
    expect(await refusal(() => restoreDatabase(url, newer))).toContain("the backup's schema has migrations the database lacks (29991231000000_future)");
    expect(await everyRow(url)).toEqual(before);
  });

  it("undoes a restore that fails half-way: the last table read back differs from the backup, and every table is as it was", async () => {
    const before = await everyRow(url);
    const { manifest, data } = await unpack(backup);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const order = loadOrder(await readCatalog(client)).tables;
    await client.end();
    // The last table loaded that holds a UUID: written in capitals, PostgreSQL accepts it and reads it back in small letters.
    const last = order.filter((name) => /[0-9a-f]{8}-/.test(data.get(name)?.toString() ?? "")).at(-1)!;
    const text = data.get(last)!.toString();
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(text)![0];
    const altered = Buffer.from(text.replace(uuid, uuid.toUpperCase()));
    data.set(last, altered);
    const tables = manifest.tables.map((t) => (t.name === last ? { ...t, bytes: altered.length, sha256: createHash("sha256").update(altered).digest("hex") } : t));
    const file = await pack({ ...manifest, tables }, data);

    await checkBackup(url, file);
    expect(await refusal(() => restoreDatabase(url, file))).toContain(`was undone: the table “${last}” read back after loading is not the backup's`);
    expect(await everyRow(url)).toEqual(before);
  });
});

const DEBIAN_BIN = fs.existsSync("/usr/lib/postgresql")
  ? fs
      .readdirSync("/usr/lib/postgresql")
      .map((major) => path.join("/usr/lib/postgresql", major, "bin"))
      .find((dir) => ["postgres", "initdb"].every((tool) => fs.existsSync(path.join(dir, tool))))
  : undefined;

describe.skipIf(DEBIAN_BIN === undefined)("backup and restore on Debian's PostgreSQL (older than the embedded one)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-backup-debian-"));
  let stopServer: () => void = () => undefined;
  let url: string;

  beforeAll(async () => {
    fs.chmodSync(dir, 0o755);
    const runAs = process.getuid?.() === 0 ? postgresUser(() => undefined) : null;
    const dataDir = path.join(dir, "data");
    fs.mkdirSync(dataDir, { mode: 0o700 });
    if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);
    const initdb = spawnSync(path.join(DEBIAN_BIN!, "initdb"), ["-D", dataDir, "-U", "admin", "--auth=trust", "-E", "UTF8", "--locale=C"], { ...(runAs ?? {}), encoding: "utf8" });
    expect(initdb.status, initdb.stderr).toBe(0);
    const port = await freePort();
    const server = spawn(path.join(DEBIAN_BIN!, "postgres"), ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="], {
      ...(runAs ?? {}),
      stdio: "ignore",
    });
    stopServer = () => server.kill("SIGINT");
    for (let attempt = 0; ; attempt += 1) {
      try {
        await query(`postgresql://admin@127.0.0.1:${port}/postgres`, "SELECT 1");
        break;
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const admin = `postgresql://admin@127.0.0.1:${port}/postgres`;
    await query(admin, "CREATE ROLE owner LOGIN PASSWORD 'owner-password' NOSUPERUSER NOCREATEDB NOCREATEROLE");
    await query(admin, "CREATE DATABASE hexapla OWNER owner");
    url = `postgresql://owner:owner-password@127.0.0.1:${port}/hexapla`;
    // The first migration only: later ones use PostgreSQL 17's pg_c_utf8 collation.
    const init = "20261125150000_init";
    await query(url, fs.readFileSync(path.join(migrationsDir, init, "migration.sql"), "utf8"));
    await query(url, `CREATE TABLE "_prisma_migrations" (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz,
      migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count int NOT NULL DEFAULT 0)`);
    await query(url, `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name) VALUES (gen_random_uuid(), 'x', now(), $1)`, [init]);
    await query(url, `
      WITH w AS (INSERT INTO work (id, slug, title, updated_at) VALUES (gen_random_uuid(), 'backed-up', 'Backed up', now()) RETURNING id),
      e AS (INSERT INTO edition (id, work_id, slug, language, title, is_original, provenance, position, updated_at)
            SELECT gen_random_uuid(), w.id, 'en', 'en', 'English', true, 'published', 0, now() FROM w RETURNING id, work_id),
      p AS (UPDATE work SET pivot_edition_id = e.id FROM e WHERE work.id = e.work_id)
      INSERT INTO segment (id, edition_id, work_id, position, paragraph, kind, text, updated_at)
      SELECT gen_random_uuid(), e.id, e.work_id, t.n * 1000, 0, 'paragraph', t.text, now()
      FROM e, (VALUES (1, 'First sentence.'), (2, 'Second «sentence».'), (3, 'Третье предложение.')) AS t(n, text)`);
  });
  afterAll(() => {
    stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("backs up with the command line and restores every row after changes", async () => {
    const before = await everyRow(url);
    const env = { DATABASE_URL: url, HEXAPLA_BACKUP_DIR: path.join(dir, "backups") };
    const made = await npmRun("backup", [], env);
    expect(made.code, made.stderr).toBe(0);
    const file = made.stdout.trim();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    await query(url, `UPDATE segment SET text = 'Changed after the backup.' WHERE position = 1000`);
    await query(url, `INSERT INTO edition (id, work_id, slug, language, title, is_original, provenance, position, updated_at)
      SELECT gen_random_uuid(), id, 'fr', 'fr', 'Français', false, 'imported', 1, now() FROM work`);
    expect(await everyRow(url)).not.toEqual(before);

    const restored = await npmRun("restore", [file, "--yes"], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toContain("PostgreSQL 15");
    expect(restored.stderr).toContain("Restored. It holds 1 works, 1 editions");
    expect(await everyRow(url)).toEqual(before);
  });
});
