/**
 * Backups of the whole database with PostgreSQL's own tools (pg-tools.ts): `backupDatabase` writes pg_dump's custom
 * format (compressed; readable by the owner only, since it holds password hashes and tokens' hashes);
 * `restoreDatabase` replaces the database's objects with the backup's in one transaction (pg_restore --clean
 * --single-transaction: a failed restore leaves the database as it was). `describeDatabase` and `describeBackup`
 * say what a restore would replace and with what, for the confirmation the restore command asks for.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { BackupError, findPgTools, runPgTool, serverMajor, type PgTools } from "./pg-tools";

/** `binDir`: HEXAPLA_PG_BIN, tried first. */
export async function toolsFor(url: string, binDir?: string): Promise<PgTools> {
  return findPgTools(await serverMajor(url), binDir);
}

/** A new file name in `dir`, by date and time: hexapla-2026-12-06T23-05-00Z.dump. */
export function backupFileName(dir: string, now = new Date()): string {
  return path.join(dir, `hexapla-${now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-")}.dump`);
}

export async function backupDatabase(url: string, file: string, binDir?: string): Promise<{ file: string; bytes: number; tools: PgTools }> {
  const tools = await toolsFor(url, binDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already; a backup never overwrites a file.`);
  fs.writeFileSync(file, "", { mode: 0o600 });
  try {
    await runPgTool(tools.pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], url);
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.chmodSync(file, 0o600);
  return { file, bytes: fs.statSync(file).size, tools };
}

export async function restoreDatabase(url: string, file: string, binDir?: string): Promise<void> {
  const tools = await toolsFor(url, binDir);
  await runPgTool(tools.pgRestore, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file], url);
}

/** What the backup file is: when and from which database it was made (pg_restore --list's header). */
export function describeBackup(tools: PgTools, file: string): string {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`${file} is not a file.`);
  const list = spawnSync(tools.pgRestore, ["--list", file], { encoding: "utf8" });
  if (list.status !== 0) throw new BackupError(`${file} is not a backup pg_restore can read: ${list.stderr.trim()}`);
  const field = (name: string) => new RegExp(`^;\\s*${name}:?\\s*(.+)$`, "m").exec(list.stdout)?.[1]?.trim();
  const entries = list.stdout.split("\n").filter((line) => line.trim() !== "" && !line.startsWith(";")).length;
  return `${file}: a backup of the database “${field("dbname") ?? "?"}” made at ${field("Archive created at") ?? "an unknown time"} (${entries} objects).`;
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
