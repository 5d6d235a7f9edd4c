/**
 * `npm run backup` and `npm run restore` end to end, as child processes, against a real PostgreSQL server whose
 * pg_dump is installed: Debian's (the embedded server's npm package ships no pg_dump, and pg_dump refuses a server
 * newer than itself). The database belongs to a role that is no superuser, as the app's does, and holds Hexapla's
 * first migration with a work in it: backup, change, a restore without --yes (refused, nothing changed), a restore
 * with --yes, and the contents of every table are those of the backup.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../test/global-setup";
import { tableContents } from "../../../test/database";
import { migrationsDir, projectRoot } from "../boot";
import { createPrismaClient, type Db } from "../client";
import { postgresUser } from "../embedded-postgres";

const DEBIAN_BIN = fs.existsSync("/usr/lib/postgresql")
  ? fs
      .readdirSync("/usr/lib/postgresql")
      .map((major) => path.join("/usr/lib/postgresql", major, "bin"))
      .find((dir) => ["postgres", "initdb", "pg_dump", "pg_restore"].every((tool) => fs.existsSync(path.join(dir, tool))))
  : undefined;

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

describe.skipIf(DEBIAN_BIN === undefined)("npm run backup and npm run restore", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-backup-"));
  let stopServer: () => void = () => undefined;
  let url: string;
  let prisma: Db;
  let env: Record<string, string>;

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
    let admin: pg.Client;
    for (let attempt = 0; ; attempt += 1) {
      admin = new pg.Client({ connectionString: `postgresql://admin@127.0.0.1:${port}/postgres` });
      try {
        await admin.connect();
        break;
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await admin.query("CREATE ROLE owner LOGIN PASSWORD 'owner-password' NOSUPERUSER NOCREATEDB NOCREATEROLE");
    await admin.query("CREATE DATABASE hexapla OWNER owner");
    await admin.end();
    url = `postgresql://owner:owner-password@127.0.0.1:${port}/hexapla`;
    const owner = new pg.Client({ connectionString: url });
    await owner.connect();
    await owner.query(fs.readFileSync(path.join(migrationsDir, "20261125150000_init", "migration.sql"), "utf8"));
    await owner.query(`
      WITH w AS (INSERT INTO work (id, slug, title, updated_at) VALUES (gen_random_uuid(), 'backed-up', 'Backed up', now()) RETURNING id),
      e AS (INSERT INTO edition (id, work_id, slug, language, title, is_original, provenance, position, updated_at)
            SELECT gen_random_uuid(), w.id, 'en', 'en', 'English', true, 'published', 0, now() FROM w RETURNING id, work_id)
      INSERT INTO segment (id, edition_id, work_id, position, paragraph, kind, text, updated_at)
      SELECT gen_random_uuid(), e.id, e.work_id, t.n * 1000, 0, 'paragraph', t.text, now()
      FROM e, (VALUES (1, 'First sentence.'), (2, 'Second «sentence».'), (3, 'Третье предложение.')) AS t(n, text)`);
    await owner.end();
    prisma = createPrismaClient(url);
    env = { DATABASE_URL: url, HEXAPLA_BACKUP_DIR: path.join(dir, "backups") };
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("backs up, refuses to restore without --yes saying what it would replace, and restores every table's contents", async () => {
    const before = await tableContents(prisma);
    const backup = await npmRun("backup", [], env);
    expect(backup.code, backup.stderr).toBe(0);
    const file = backup.stdout.trim();
    expect(path.dirname(file)).toBe(path.join(dir, "backups"));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    await prisma.$executeRaw`UPDATE segment SET text = 'Changed after the backup.' WHERE position = 1000`;
    await prisma.$executeRaw`
      INSERT INTO edition (id, work_id, slug, language, title, is_original, provenance, position, updated_at)
      SELECT gen_random_uuid(), id, 'fr', 'fr', 'Français', false, 'imported', 1, now() FROM work`;
    const changed = await tableContents(prisma);
    expect(changed).not.toEqual(before);

    const unconfirmed = await npmRun("restore", [file], env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("Restoring replaces everything in the database owner@127.0.0.1");
    expect(unconfirmed.stderr).toContain("It holds 1 works, 2 editions");
    expect(unconfirmed.stderr).toContain("a backup of the database “hexapla” made at");
    expect(unconfirmed.stderr).toContain("--yes");
    expect(await tableContents(prisma)).toEqual(changed);

    const restored = await npmRun("restore", [file, "--yes"], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toContain("Restored. It holds 1 works, 1 editions");
    expect(await tableContents(prisma)).toEqual(before);
  });

  it("refuses a file that is not a backup, changing nothing", async () => {
    const before = await tableContents(prisma);
    const notBackup = path.join(dir, "not-a-backup.dump");
    fs.writeFileSync(notBackup, "hello");
    const run = await npmRun("restore", [notBackup, "--yes"], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is not a backup pg_restore can read");
    expect(await tableContents(prisma)).toEqual(before);
  });
});
