/**
 * `npm run worker`: a worker process that runs jobs from the queue (lib/db/jobs/worker.ts) — on this machine or
 * any other, with the same DATABASE_URL; without it, the embedded PostgreSQL of `npm start` on this machine.
 * HEXAPLA_WORKER_CONCURRENCY jobs run at once (default 2). SIGINT or SIGTERM stops it, putting its running jobs
 * back on the queue for another worker; it exits 1 when it loses its database connection.
 */
import path from "node:path";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { startWorker } from "../lib/db/jobs/worker";
import { readEnv } from "../lib/env";

const log = (line: string) => console.log(`[worker] ${line}`);

async function main() {
  const env = readEnv();
  const database = await bootDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.HEXAPLA_DATA_DIR ?? path.join(projectRoot, ".data"),
    pgPort: env.HEXAPLA_PG_PORT,
    seedDemo: false,
    log,
  });
  const worker = await startWorker({ databaseUrl: database.url, concurrency: env.HEXAPLA_WORKER_CONCURRENCY, log });
  let code = 0;
  const stop = () => void worker.stop().catch(() => undefined);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await worker.stopped.catch((error: Error) => {
    console.error(`[worker] ${error.message}`);
    code = 1;
  });
  await database.stop();
  log("Stopped.");
  process.exit(code);
}

main().catch((error) => {
  console.error(`[worker] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
