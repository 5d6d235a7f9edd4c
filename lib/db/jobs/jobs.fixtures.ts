/** Helpers of the job tests: waiting for a job's state, and worker processes started as `npm run worker` starts them. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../boot";
import type { Db } from "../client";

/** Polls `probe` until it returns a value other than undefined; fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the job's record satisfies `done`, and returns it. */
export async function waitForJob(db: Db, jobId: string, done: (job: Awaited<ReturnType<Db["job"]["findUniqueOrThrow"]>>) => boolean, what: string, timeoutMs?: number) {
  return waitFor(
    async () => {
      const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
      return done(job) ? job : undefined;
    },
    what,
    timeoutMs,
  );
}

export interface WorkerProcess {
  child: ChildProcess;
  /** What it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the worker's id once it is running. */
  ready: Promise<number>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A worker in a process of its own, on the given database: as `npm run worker` runs it. */
export function spawnWorker(databaseUrl: string): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "worker.ts")], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, HEXAPLA_WORKER_CONCURRENCY: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Worker (\d+) running/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`The worker exited (${code}) before it ran:\n${output}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  ready.catch(() => undefined);
  return { child, output: () => output, ready, exited };
}

/** Cancels the work's queued and running jobs (e.g. the word alignment an alignment queued, which a test does not need). */
export async function cancelActiveJobs(db: Db, workId: string): Promise<void> {
  await db.job.updateMany({ where: { workId, status: { in: ["queued", "running"] } }, data: { status: "cancelled", finishedAt: new Date() } });
  const jobs = await db.job.findMany({ where: { workId, status: "cancelled" }, select: { id: true } });
  for (const job of jobs) await db.$executeRaw`SELECT pg_notify('hexapla_job_cancel', ${job.id})`;
}
