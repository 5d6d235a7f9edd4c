/**
 * What the database benchmarks share: a fresh embedded PostgreSQL in a temporary folder (demo seeded or not) with a
 * client on it, closed and removed afterwards, and the exit status of the run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootDatabase, type BootedDatabase } from "../lib/db/boot";
import { createPrismaClient, type Db } from "../lib/db/client";
import { freePort } from "../test/global-setup";

export interface BenchDatabase {
  database: BootedDatabase;
  db: Db;
  /** Disconnects, stops the server and removes its folder. */
  close(): Promise<void>;
}

export async function openBenchDatabase(name: string, options: { seedDemo: boolean }): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hexapla-bench-${name}-`));
  fs.chmodSync(dataDir, 0o755);
  const database = await bootDatabase({ dataDir, pgPort: await freePort(), seedDemo: options.seedDemo, log: () => undefined });
  const db = createPrismaClient(database.url);
  return {
    database,
    db,
    async close() {
      await db.$disconnect();
      await database.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 (with the error) when it threw. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
