/**
 * `npm run restore -- FILE [--yes]`: replaces every table of the app's schema (DATABASE_URL's database, or the
 * embedded one) with a backup made by `npm run backup`, in one transaction (lib/db/backup/restore.ts). It first reads
 * and checks the whole file: one that is not a backup, is damaged or cut short, or was made at other migrations than
 * the database's is refused. Without --yes it only says what it would replace and with what. Stop the app first (see
 * README, Backups). Exit code 0 when restored; 2 when refused, not confirmed or on a usage error; 1 when the restore
 * failed. In every case but 0 the database is as it was.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { describeBackup, describeDatabase, describeTarget } from "../lib/db/backup/backup";
import { BackupRefusal } from "../lib/db/backup/format";
import { checkBackup, restoreDatabase } from "../lib/db/backup/restore";
import { openTarget } from "../lib/db/backup/target";
import { readEnv } from "../lib/env";
import { runCommand } from "./cli-support";

const USAGE = "usage: npm run restore -- FILE [--yes]";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { yes: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`Name one backup file.\n${USAGE}`);
    return 2;
  }
  const file = path.resolve(process.env.INIT_CWD || process.cwd(), parsed.positionals[0]);
  const env = readEnv();
  const target = await openTarget(env, (line) => console.error(line));
  try {
    const manifest = await checkBackup(target.url, file);
    const replaced = `Restoring replaces everything in the database ${describeTarget(target.url)}. ${await describeDatabase(target.url)}`;
    const backup = describeBackup(file, manifest);
    if (!parsed.values.yes) {
      console.error(`${replaced}\nIt would be replaced by ${backup}\nNothing was changed. To restore, run again with --yes: npm run restore -- ${file} --yes`);
      return 2;
    }
    console.error(`${replaced}\nRestoring ${backup}`);
    await restoreDatabase(target.url, file);
    console.error(`Restored. ${await describeDatabase(target.url)}`);
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
