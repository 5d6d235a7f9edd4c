/**
 * `npm run backup`: a logical backup of every table of the app's schema (catalog.ts) with PostgreSQL's own COPY,
 * inside one REPEATABLE READ READ ONLY transaction (one consistent snapshot, taken while the app keeps running), in
 * the format format.ts describes. It needs no pg_dump, so it works with the embedded server and with any PostgreSQL
 * the app runs on, as the app's own role (no superuser). Each table's rows go to a scratch file (counted and hashed
 * on the way), then into the archive, written to a new file readable by its owner only: it holds password hashes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { contentQuery, readCatalog, type Catalog } from "./catalog";
import { BACKUP_FORMAT, BACKUP_VERSION, BackupRefusal, CopyDigest, SESSION_SETTINGS, writeArchive, type Manifest, type TableData } from "./format";

/** A new file name in `dir`, by date and time: hexapla-2026-12-06T23-05-00Z.tar.gz. */
export function backupFileName(dir: string, now = new Date()): string {
  return path.join(dir, `hexapla-${now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-")}.tar.gz`);
}

export async function applySessionSettings(client: pg.ClientBase): Promise<void> {
  for (const [name, value] of Object.entries(SESSION_SETTINGS)) await client.query(`SELECT set_config($1, $2, true)`, [name, value]);
}

/** The migrations applied to the database, by name, in order; a database without Prisma's table is not Hexapla's. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const found = await client.query<{ found: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS found`);
  if (!found.rows[0].found) throw new BackupRefusal("The database holds no Hexapla schema (no migrations were ever applied to it): start the app once (npm start) to create it.");
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
}

export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (fs.existsSync(file)) throw new BackupRefusal(`${file} exists already; a backup never overwrites a file.`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-backup-"));
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  let created = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await applySessionSettings(client);
    const migrations = await appliedMigrations(client);
    const catalog = await readCatalog(client);
    const { rows: about } = await client.query<{ database: string; version: string; now: Date }>(
      "SELECT current_database() AS database, current_setting('server_version') AS version, now() AS now",
    );
    const tables = await copyTables(client, catalog, scratch);
    await client.query("COMMIT");
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: about[0].now.toISOString(),
      database: about[0].database,
      serverVersion: about[0].version,
      migrations,
      settings: SESSION_SETTINGS,
      tables: tables.map((t) => t.table),
    };
    created = true;
    await writeArchive(file, manifest, tables);
    fs.chmodSync(file, 0o600);
    return { file, bytes: fs.statSync(file).size, manifest };
  } catch (error) {
    // A file that appeared meanwhile is not ours to remove ("wx" refused to open it).
    if (created && (error as NodeJS.ErrnoException).code !== "EEXIST") fs.rmSync(file, { force: true });
    throw error;
  } finally {
    await client.end();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every table's rows to a scratch file, in the snapshot of the open transaction. */
async function copyTables(client: pg.Client, catalog: Catalog, scratch: string): Promise<TableData[]> {
  const tables: TableData[] = [];
  for (const table of catalog.tables) {
    const scratchFile = path.join(scratch, `${tables.length}.copy`);
    const digest = new CopyDigest();
    await pipeline(client.query(copyTo(`COPY (${contentQuery(table)}) TO STDOUT`)), digest, fs.createWriteStream(scratchFile, { mode: 0o600 }));
    tables.push({
      path: scratchFile,
      table: {
        name: table.name,
        file: `tables/${table.name}.copy`,
        columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
        rows: digest.rows,
        bytes: digest.bytes,
        sha256: digest.sha256,
      },
    });
  }
  return tables;
}

/** What the database holds now, in a line: the works, editions, rows and accounts a restore would replace. */
export async function describeDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'");
    if (Number(tables[0].n) === 0) return "It holds no tables.";
    const hexapla = (await client.query<{ found: string | null }>("SELECT to_regclass('public.work')::text AS found")).rows[0].found;
    if (!hexapla) return `It holds ${tables[0].n} tables, none of them Hexapla's.`;
    const { rows } = await client.query<{ works: string; editions: string; rows: string; users: string; latest: Date | null }>(`
      SELECT (SELECT count(*) FROM work) AS works, (SELECT count(*) FROM edition) AS editions,
             (SELECT count(*) FROM alignment_row) AS rows, (SELECT count(*) FROM "user") AS users,
             (SELECT max(created_at) FROM grid_operation) AS latest`);
    const now = rows[0];
    const latest = now.latest ? `; its latest change was made at ${now.latest.toISOString()}` : "";
    return `It holds ${now.works} works, ${now.editions} editions, ${now.rows} aligned rows and ${now.users} accounts${latest}.`;
  } finally {
    await client.end();
  }
}

/** What a backup holds, in a line, from its manifest. */
export function describeBackup(file: string, manifest: Manifest): string {
  const count = (table: string) => manifest.tables.find((t) => t.name === table)?.rows ?? 0;
  return (
    `${file}: a backup of the database “${manifest.database}” (PostgreSQL ${manifest.serverVersion}) made at ${manifest.createdAt}, ` +
    `holding ${count("work")} works, ${count("edition")} editions, ${count("alignment_row")} aligned rows and ${count("user")} accounts ` +
    `(${manifest.tables.length} tables, ${manifest.tables.reduce((sum, t) => sum + t.rows, 0)} rows).`
  );
}

/** Where the URL points, for messages: user@host:port/database, no password. */
export function describeTarget(url: string): string {
  const parsed = new URL(url);
  return `${decodeURIComponent(parsed.username)}@${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
