/**
 * `npm run bench:backup`: `npm run backup` and `npm run restore`'s work (lib/db/backup/) on a fresh embedded
 * PostgreSQL holding a generated 10,000-row, five-edition work (BENCH_BACKUP_ROWS sets the rows): the time to back up
 * and the file's size, the time to restore (with its checks), and, as the baseline measured in the same run, the bare
 * COPY of every table to nowhere (what any logical backup must at least read). A benchmark, not a test.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { backupDatabase } from "../lib/db/backup/backup";
import { qualified, readCatalog } from "../lib/db/backup/catalog";
import { restoreDatabase } from "../lib/db/backup/restore";
import { createLargeWork } from "../lib/db/grid/grid.fixtures";
import { openBenchDatabase, runBench } from "./bench-database";

const ROWS = Number(process.env.BENCH_BACKUP_ROWS ?? 10_000);
const RUNS = 3;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function bareCopy(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let bytes = 0;
    for (const table of (await readCatalog(client)).tables) {
      for await (const chunk of client.query(copyTo(`COPY ${qualified(table.name)} TO STDOUT`))) bytes += (chunk as Buffer).length;
    }
    return bytes;
  } finally {
    await client.end();
  }
}

runBench(async () => {
  const bench = await openBenchDatabase("backup", { seedDemo: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-backup-files-"));
  try {
    await createLargeWork(bench.db, "bench-backup", ["en", "ru", "fr", "es", "it"], ROWS);
    const url = bench.database.url;
    let raw = 0;
    const baseline: number[] = [];
    const backups: number[] = [];
    const restores: number[] = [];
    let file = "";
    for (let run = 0; run < RUNS; run += 1) {
      baseline.push(await timed(async () => (raw = await bareCopy(url))));
      file = path.join(dir, `${run}.tar.gz`);
      backups.push(await timed(() => backupDatabase(url, file)));
      restores.push(await timed(() => restoreDatabase(url, file)));
    }
    const size = fs.statSync(file).size;
    console.log(`bench:backup — ${ROWS.toLocaleString("en")} rows × 5 editions; median of ${RUNS} runs; load ${os.loadavg()[0].toFixed(2)}`);
    console.log(`  baseline: bare COPY of every table     ${median(baseline).toFixed(0).padStart(6)} ms   ${(raw / 1024 / 1024).toFixed(2)} MiB of COPY text`);
    console.log(`  npm run backup (snapshot, hash, gzip)  ${median(backups).toFixed(0).padStart(6)} ms   file ${(size / 1024 / 1024).toFixed(2)} MiB`);
    console.log(`  npm run restore --yes (checked twice)  ${median(restores).toFixed(0).padStart(6)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await bench.close();
  }
});
