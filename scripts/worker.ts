/**
 * `npm run worker`: a worker process that runs jobs from the queue (lib/db/jobs/worker.ts) — on this machine or
 * any other, with the same DATABASE_URL; without it, the embedded PostgreSQL of `npm start` on this machine.
 * HEXAPLA_WORKER_CONCURRENCY jobs run at once (default 2). SIGINT or SIGTERM stops it, putting its running jobs
 * back on the queue for another worker, and it exits 0.
 *
 * The database going away (restarted, stopped a while, the network cut) does not end the process: the worker it
 * ran stops (its jobs are taken up again, by this process or another, once the database is back: nothing of their
 * interrupted runs was kept) and the process waits for the database, then starts a new worker. It exits 1 only on
 * what waiting would not mend (a wrong password, a missing database, a bug).
 */
import path from "node:path";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { startWorker, type RunningWorker } from "../lib/db/jobs/worker";
import { databaseTrouble } from "../lib/db/unavailable";
import { StoppedWaitingError, whenReachable } from "../lib/db/when-reachable";
import { readEnv } from "../lib/env";

const log = (line: string) => console.log(`[worker] ${line}`);

async function main() {
  const env = readEnv();
  const stopping = new AbortController();
  let current: RunningWorker | null = null;
  const stop = () => {
    stopping.abort();
    void current?.stop().catch(() => undefined);
  };
  /* Every time, not once: Ctrl-C in a terminal reaches the worker directly and again through `npm start`'s SIGTERM. */
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  /*
   * graphile-worker records a run's end without awaiting it: when the database is gone at that moment, or its pool
   * was ended as the worker stopped, the promise rejects with nobody to hear it. Losing that record is harmless (a
   * job's own record and lease decide what runs: recover-jobs.ts), so it must not end the process; anything else does.
   */
  process.on("unhandledRejection", (reason) => {
    if (databaseTrouble(reason) || (reason instanceof Error && reason.message === "Cannot use a pool after calling end on the pool")) {
      log(`The queue could not record a run's end (${reason instanceof Error ? reason.message : String(reason)}); the job's lease takes care of it.`);
      return;
    }
    throw reason;
  });
  const waiting = { log, signal: stopping.signal };
  const database = await whenReachable(
    () =>
      bootDatabase({
        databaseUrl: env.DATABASE_URL,
        dataDir: env.HEXAPLA_DATA_DIR ?? path.join(projectRoot, ".data"),
        pgPort: env.HEXAPLA_PG_PORT,
        seedDemo: false,
        log,
      }),
    waiting,
  );
  let code = 0;
  try {
    while (!stopping.signal.aborted) {
      current = await whenReachable(() => startWorker({ databaseUrl: database.url, concurrency: env.HEXAPLA_WORKER_CONCURRENCY, log }), waiting);
      if (stopping.signal.aborted) await current.stop().catch(() => undefined);
      const failure = await current.stopped.then(
        () => null,
        (error: Error) => error,
      );
      current = null;
      if (!failure || stopping.signal.aborted) break;
      if (!databaseTrouble(failure)) throw failure;
      log(`${failure.message}. Its jobs go back on the queue; a new worker starts when the database is back.`);
    }
  } catch (error) {
    if (!(error instanceof StoppedWaitingError)) {
      console.error(`[worker] ${error instanceof Error ? error.message : error}`);
      code = 1;
    }
  }
  await database.stop();
  log("Stopped.");
  process.exit(code);
}

main().catch((error) => {
  if (error instanceof StoppedWaitingError) {
    console.log("[worker] Stopped.");
    process.exit(0);
  }
  console.error(`[worker] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
