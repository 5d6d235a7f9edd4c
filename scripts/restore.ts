/**
 * `npm run restore -- FILE [--yes]`: replaces the database (DATABASE_URL's, or the embedded one) with a backup made by
 * `npm run backup`, using PostgreSQL's pg_restore in one transaction (lib/db/backup/). Without --yes it only says
 * what it would replace and with what, and exits 2; with --yes it restores. Stop the app first: its open pages and
 * jobs would otherwise work on a database that changes under them. Exit code 0 when restored, 2 when not confirmed
 * or on a usage error, 1 when the restore failed (the database is then as it was).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { describeBackup, describeDatabase, restoreDatabase, toolsFor } from "../lib/db/backup/backup";
import { describeTarget } from "../lib/db/backup/pg-tools";
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
  const file = path.resolve(parsed.positionals[0]);
  const env = readEnv();
  const target = await openTarget(env, (line) => console.error(line));
  try {
    const tools = await toolsFor(target.url, env.HEXAPLA_PG_BIN);
    const backup = describeBackup(tools, file);
    const replaced = `Restoring replaces everything in the database ${describeTarget(target.url)}. ${await describeDatabase(target.url)}`;
    if (!parsed.values.yes) {
      console.error(`${replaced}\nIt would be replaced by ${backup}\nNothing was changed. To restore, run again with --yes: npm run restore -- ${file} --yes`);
      return 2;
    }
    console.error(`${replaced}\nRestoring ${backup}`);
    await restoreDatabase(target.url, file, env.HEXAPLA_PG_BIN);
    console.error(`Restored. ${await describeDatabase(target.url)}`);
    return 0;
  } finally {
    await target.stop();
  }
}

runCommand(main);
