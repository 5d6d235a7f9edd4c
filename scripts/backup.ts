/**
 * `npm run backup [-- --out FILE]`: writes a backup of every table of the app's schema (DATABASE_URL's database, or
 * the embedded one) with PostgreSQL's COPY in one consistent snapshot (lib/db/backup/), and prints its path. The file
 * is readable by its owner only. Exit code 0 when written, 2 on a usage error or a refusal (the file exists, the
 * database holds no Hexapla schema), 1 when the backup failed (no file is left behind).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../lib/db/boot";
import { backupDatabase, backupFileName, describeTarget } from "../lib/db/backup/backup";
import { BackupRefusal } from "../lib/db/backup/format";
import { openTarget } from "../lib/db/backup/target";
import { readEnv } from "../lib/env";
import { runCommand } from "./cli-support";

async function main(): Promise<number> {
  let out: string | undefined;
  try {
    ({ values: { out } } = parseArgs({ options: { out: { type: "string" } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run backup [-- --out FILE]`);
    return 2;
  }
  const env = readEnv();
  const file = out ? path.resolve(process.env.INIT_CWD || process.cwd(), out) : backupFileName(path.resolve(projectRoot, env.HEXAPLA_BACKUP_DIR ?? "backups"));
  const target = await openTarget(env, (line) => console.error(line));
  try {
    const written = await backupDatabase(target.url, file);
    const rows = written.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.error(
      `Backed up ${describeTarget(target.url)}: ${written.manifest.tables.length} tables, ${rows} rows (${(written.bytes / 1024).toFixed(0)} KB). ` +
        `Restore it with: npm run restore -- ${written.file}`,
    );
    console.log(written.file);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupRefusal)) throw error;
    console.error(error.message);
    return 2;
  } finally {
    await target.stop();
  }
}

runCommand(main);
