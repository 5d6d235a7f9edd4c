/**
 * `npm run backup [-- --out FILE]`: writes a backup of the whole database (DATABASE_URL's, or the embedded one) with
 * PostgreSQL's pg_dump (lib/db/backup/) and prints its path. The file is readable by its owner only. Exit code 0 when
 * written, 2 on a usage error, 1 when the backup could not be made (e.g. no pg_dump of the server's version).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../lib/db/boot";
import { backupDatabase, backupFileName } from "../lib/db/backup/backup";
import { describeTarget } from "../lib/db/backup/pg-tools";
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
  const file = path.resolve(out ?? backupFileName(env.HEXAPLA_BACKUP_DIR ?? path.join(projectRoot, "backups")));
  const target = await openTarget(env, (line) => console.error(line));
  try {
    const written = await backupDatabase(target.url, file, env.HEXAPLA_PG_BIN);
    console.error(`Backed up ${describeTarget(target.url)} with pg_dump ${written.tools.major} (${(written.bytes / 1024).toFixed(0)} KB). Restore it with: npm run restore -- ${written.file}`);
    console.log(written.file);
    return 0;
  } finally {
    await target.stop();
  }
}

runCommand(main);
