/**
 * A worker: takes jobs from the queue and runs them (run-job.ts), `concurrency` at a time, CPU-heavy steps on its
 * thread pool (lib/jobs/thread-pool.ts). It registers itself in job_worker and holds, on a connection of its own,
 * an advisory lock keyed by its id for as long as it lives: that is how the others know at once that it died. The
 * same connection hears cancellations (NOTIFY hexapla_job_cancel). It sweeps for abandoned jobs when it starts and
 * every few seconds (recover-jobs.ts), forgets old finished jobs (prune-jobs.ts), prunes grid snapshots past their
 * retention (snapshots/prune-snapshots.ts), deletes expired export files every few minutes
 * (lib/db/export/store-export.ts), and every hour queues a check of
 * each grid changed since its last check (schedule-grid-checks.ts). Stopping it puts its running
 * jobs back on the queue for another worker.
 * Any number of workers, on any machines, can share one database. A worker that loses its session connection (the
 * database went away) stops, and `stopped` rejects with the loss as its cause; scripts/worker.ts then waits for the
 * database and starts a new one. A start that fails halfway releases whatever it took (its lock with its session).
 */
import os from "node:os";
import { run, type Runner } from "graphile-worker";
import pg from "pg";
import { z } from "zod";
import { closeThreadPool, configureThreadPool } from "../../jobs/thread-pool";
import { readEnv } from "../../env";
import { createPrismaClient } from "../client";
import { CONNECT_TIMEOUT_MS, WORKER_STATEMENT_TIMEOUT_MS } from "../timeouts";
import { CANCEL_CHANNEL, QUEUE_TASK } from "./queue";
import { queueLogger, queuePool } from "./queue-schema";
import { pruneSnapshots, type SnapshotRetention } from "../snapshots/prune-snapshots";
import { pruneJobs } from "./prune-jobs";
import { pruneExportFiles } from "../export/store-export";
import { GRID_CHECK_EVERY_MS, scheduleGridChecks } from "./schedule-grid-checks";
import { recoverJobs } from "./recover-jobs";
import { runJob, type WorkerRuntime } from "./run-job";
import { HEARTBEAT_MS, RECOVER_EVERY_MS, WORKER_LOCK_SPACE } from "./timing";
import { JobStoppedError } from "./job-kind";

export interface WorkerOptions {
  databaseUrl: string;
  /** Jobs run at once (default 2). */
  concurrency?: number;
  log?: (line: string) => void;
  /** For tests: how often to renew leases and sweep. */
  heartbeatMs?: number;
  recoverEveryMs?: number;
  leaseSeconds?: number;
  /** Which grid snapshots are kept (default: HEXAPLA_SNAPSHOTS_KEEP and HEXAPLA_SNAPSHOTS_DAYS). */
  snapshotRetention?: SnapshotRetention;
}

export interface RunningWorker {
  id: number;
  /** Stops taking jobs, puts the running ones back on the queue, and releases everything. */
  stop(): Promise<void>;
  /** Settles when the worker has stopped; rejects when it failed (e.g. it lost its database connection). */
  stopped: Promise<void>;
  /** The ids of the jobs it is running now. */
  activeJobs(): string[];
}

/** How often a worker deletes expired export files. */
const PRUNE_EXPORTS_EVERY_MS = 10 * 60 * 1000;

const QueuePayload = z.object({ jobId: z.uuid(), token: z.uuid() });

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? (() => undefined);
  const concurrency = options.concurrency ?? 2;
  configureThreadPool({ maxThreads: concurrency });
  const db = createPrismaClient(options.databaseUrl, { statementTimeoutMs: WORKER_STATEMENT_TIMEOUT_MS });
  const session = new pg.Client({ connectionString: options.databaseUrl, keepAlive: true, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  let failure: Error | null = null;
  let stop: (() => Promise<void>) | null = null;
  let ending = false;
  /* Without its session the worker cannot prove it is alive: others will take its jobs over, so it must stop. */
  const lost = (error: Error) => {
    if (ending) return;
    failure ??= new Error(`The worker lost its database connection: ${error.message}`, { cause: error });
    void stop?.().catch(() => undefined);
  };
  session.on("error", lost);
  session.on("end", () => lost(Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" })));
  const taken: { queue: pg.Pool | null } = { queue: null };
  try {
    return await started();
  } catch (error) {
    /* Started halfway (the database went away meanwhile): release what was taken, so nothing holds the worker's lock. */
    ending = true;
    await taken.queue?.end().catch(() => undefined);
    await closeThreadPool();
    await session.end().catch(() => undefined);
    await db.$disconnect().catch(() => undefined);
    throw error;
  }

  async function started(): Promise<RunningWorker> {
    await session.connect();
    const [{ id }] = (
      await session.query<{ id: number }>("INSERT INTO job_worker (hostname, pid, concurrency) VALUES ($1, $2, $3) RETURNING id", [
        os.hostname(),
        process.pid,
        concurrency,
      ])
    ).rows;
    await session.query("SELECT pg_advisory_lock($1, $2)", [WORKER_LOCK_SPACE, id]);
    const stopping = new AbortController();
    const runtime: WorkerRuntime = {
      workerId: id,
      stopping: stopping.signal,
      runs: new Map(),
      heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
      leaseSeconds: options.leaseSeconds,
    };
    session.on("notification", (notification) => {
      if (notification.channel === CANCEL_CHANNEL && notification.payload) {
        runtime.runs.get(notification.payload)?.abort(new JobStoppedError("The job was cancelled."));
      }
    });
    await session.query(`LISTEN ${CANCEL_CHANNEL}`);

    const env = readEnv();
    const retention = options.snapshotRetention ?? { keep: env.HEXAPLA_SNAPSHOTS_KEEP, days: env.HEXAPLA_SNAPSHOTS_DAYS };
    const pruneOld = () =>
      Promise.all([
        pruneJobs(db).catch((error: Error) => log(`Pruning old jobs failed: ${error.message}`)),
        pruneSnapshots(db, retention).then(
          (pruned) => (pruned > 0 ? log(`Pruned ${pruned} grid snapshot(s) past the retention policy (the newest ${retention.keep} per work and all younger than ${retention.days} days are kept).`) : undefined),
          (error: Error) => log(`Pruning old grid snapshots failed: ${error.message}`),
        ),
      ]);
    await pruneOld();
    await pruneExportFiles(db).catch((error: Error) => log(`Pruning expired export files failed: ${error.message}`));
    const recovered = await recoverJobs(db);
    if (recovered.requeued.length + recovered.failed.length > 0) {
      log(`Found ${recovered.requeued.length + recovered.failed.length} job(s) whose worker had stopped: ${recovered.requeued.length} queued again, ${recovered.failed.length} failed.`);
    }
    const queue = (taken.queue = queuePool(options.databaseUrl, concurrency + 2));
    const runner: Runner = await run({
      pgPool: queue,
      concurrency,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: queueLogger,
      taskList: {
        [QUEUE_TASK]: async (payload) => runJob(db, QueuePayload.parse(payload), runtime),
      },
    });

    let stopPromise: Promise<void> | null = null;
    let settle!: { resolve: () => void; reject: (error: Error) => void };
    const stopped = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    stopped.catch(() => undefined);
    /* One sweep at a time: a slow one (a busy database) must not queue a second query on the session behind it. */
    let sweeping = false;
    const sweep = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      void Promise.all([recoverJobs(db), session.query("UPDATE job_worker SET heartbeat_at = now() WHERE id = $1", [id])])
        .catch((error: Error) => log(`Sweep failed: ${error.message}`))
        .finally(() => (sweeping = false));
    }, options.recoverEveryMs ?? RECOVER_EVERY_MS);
    const prune = setInterval(() => void pruneOld(), 3_600_000);
    const pruneExports = setInterval(
      () => void pruneExportFiles(db).catch((error: Error) => log(`Pruning expired export files failed: ${error.message}`)),
      PRUNE_EXPORTS_EVERY_MS,
    );
    const gridChecks = setInterval(
      () => void scheduleGridChecks(db).catch((error: Error) => log(`Queuing the grid checks failed: ${error.message}`)),
      GRID_CHECK_EVERY_MS,
    );

    const stopWorker = (): Promise<void> => {
      stopPromise ??= (async () => {
        ending = true;
        clearInterval(sweep);
        clearInterval(prune);
        clearInterval(pruneExports);
        clearInterval(gridChecks);
        const draining = runner.stop();
        stopping.abort();
        await draining.catch(() => undefined);
        await queue.end().catch(() => undefined);
        await closeThreadPool();
        await session.query("DELETE FROM job_worker WHERE id = $1", [id]).catch(() => undefined);
        await session.end().catch(() => undefined);
        await db.$disconnect();
        if (failure) throw failure;
      })().then(settle.resolve, (error: Error) => {
        settle.reject(error);
        throw error;
      });
      return stopPromise;
    };
    stop = stopWorker;
    runner.promise.catch((error: Error) => {
      failure ??= new Error(`The queue stopped: ${error.message}`, { cause: error });
      void stopWorker().catch(() => undefined);
    });
    log(`Worker ${id} running (${concurrency} job${concurrency === 1 ? "" : "s"} at a time).`);
    return { id, stop: stopWorker, stopped, activeJobs: () => [...runtime.runs.keys()] };
  }
}
