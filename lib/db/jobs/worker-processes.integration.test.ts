/**
 * Workers as separate processes on one database (how `npm start`, `npm run worker` and other machines run them):
 * a job queued by this process is run by a worker started on its own; a worker killed mid-job (SIGKILL) loses
 * nothing — the next worker to start, or one already running, finds the job at once (the dead worker's lock is
 * gone long before its lease ends) and runs it again to the end, and the grid holds; a worker frozen mid-job keeps
 * its lock, and its job is taken over when its lease passes, the frozen run writing nothing when it resumes; a
 * worker stopped with SIGTERM hands its job back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { checkGridInvariant } from "../../alignment/grid";
import { startAlignmentJob } from "../alignment/alignment-jobs";
import { createSyntheticWork } from "../alignment/synthetic-work.fixtures";
import { createActor, snapshotWork } from "../grid/grid.fixtures";
import { loadGridState } from "../grid/load-grid-state";
import type { Actor } from "../grid/types";
import { getJob } from "./job-view";
import { cancelActiveJobs, spawnWorker, waitFor, waitForJob, type WorkerProcess } from "./jobs.fixtures";
import { startWorker } from "./worker";

let database: TestDatabase;
let editor: Actor;
let workId: string;
const processes: WorkerProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor");
  ({ workId } = await createSyntheticWork(database.prisma, "worker-processes", ["ru", "fr", "en"], 2000));
  /* Every status and message the job records, in order, as another server polling it would have seen them. */
  await database.prisma.$executeRawUnsafe(`CREATE TABLE job_log (n serial, job_id uuid, status text, attempts int, message text)`);
  await database.prisma.$executeRawUnsafe(`
    CREATE FUNCTION log_job() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO job_log (job_id, status, attempts, message) VALUES (NEW.id, NEW.status, NEW.attempts, NEW.message); RETURN NEW; END $$`);
  await database.prisma.$executeRawUnsafe(`CREATE TRIGGER log_job AFTER UPDATE ON job FOR EACH ROW EXECUTE FUNCTION log_job()`);
});
afterAll(async () => {
  for (const worker of processes) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
  await database?.drop();
});

function spawn(): WorkerProcess {
  const worker = spawnWorker(database.url);
  processes.push(worker);
  return worker;
}

const log = (jobId: string) =>
  database.prisma.$queryRawUnsafe<{ status: string; attempts: number; message: string }[]>(`SELECT status, attempts, message FROM job_log WHERE job_id = '${jobId}' ORDER BY n`);

/** Starts an alignment and waits until `worker` is aligning it (past reading, before writing). */
async function alignOn(worker: WorkerProcess) {
  const job = await startAlignmentJob(database.prisma, { workId, mode: "align", userId: editor.id });
  const workerId = await worker.ready;
  await waitForJob(database.prisma, job.id, (j) => j.status === "running" && j.workerId === workerId && j.progress >= 0.05, "the worker to be aligning");
  return job;
}

async function expectAlignedOnce(jobId: string) {
  const { state } = await database.prisma.$transaction((tx) => loadGridState(tx, workId));
  expect(checkGridInvariant(state.grid, state.segments)).toEqual([]);
  const entries = await database.prisma.gridOperation.findMany({ where: { workId, payload: { path: ["runId"], equals: jobId } } });
  expect(entries).toHaveLength(1);
  const job = await database.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
  expect(state.grid.rows).toHaveLength((job.result as { rows: number }).rows);
  /* The word alignment and row signals the run queued are not what these tests are about. */
  await cancelActiveJobs(database.prisma, workId);
}

describe("worker processes", () => {
  it("run a job queued by another process; killed mid-job, the next worker to start runs it again to the end", async () => {
    const before = await snapshotWork(database.prisma, workId);
    const queued = await startAlignmentJob(database.prisma, { workId, mode: "align", userId: editor.id });
    expect(await getJob(database.prisma, workId, queued.id)).toMatchObject({ status: "queued", waitingForWorker: true });
    const first = spawn();
    const firstId = await first.ready;
    await waitForJob(database.prisma, queued.id, (j) => j.status === "running" && j.workerId === firstId && j.progress >= 0.05, "the first worker to be aligning");

    first.child.kill("SIGKILL");
    expect(await first.exited).toMatchObject({ signal: "SIGKILL" });
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "running", attempts: 1 });
    expect(await snapshotWork(database.prisma, workId)).toEqual(before);

    const second = spawn();
    const done = await waitForJob(database.prisma, queued.id, (j) => j.status === "done", "the second worker to finish the job");
    expect(done).toMatchObject({ attempts: 2, workerId: await second.ready });
    expect((await log(queued.id)).map((entry) => entry.message)).toContain("Its worker stopped (run 1 of 3); it runs again. Nothing of that run was kept.");
    await expectAlignedOnce(queued.id);

    second.child.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it("killed mid-job while another worker runs: that worker takes the job over at once, before the dead one's lease ends", async () => {
    const doomed = spawn();
    const job = await alignOn(doomed);
    const survivor = await startWorker({ databaseUrl: database.url, concurrency: 1 });
    try {
      doomed.child.kill("SIGKILL");
      await doomed.exited;
      const done = await waitForJob(database.prisma, job.id, (j) => j.status === "done", "the running worker to finish the job");
      expect(done).toMatchObject({ attempts: 2, workerId: survivor.id });
      const requeue = (await log(job.id)).find((entry) => entry.status === "queued");
      /* Found through the dead worker's lock, not its lease ("stopped answering"). */
      expect(requeue?.message).toBe("Its worker stopped (run 1 of 3); it runs again. Nothing of that run was kept.");
      await expectAlignedOnce(job.id);
    } finally {
      await survivor.stop();
    }
  });

  it("frozen mid-job (SIGSTOP), its lock held: another worker takes the job over when its lease passes, and the frozen one, resumed, writes nothing", { timeout: 240_000 }, async () => {
    const frozen = spawn();
    const job = await alignOn(frozen);
    const { runToken } = await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(runToken).not.toBeNull();
    frozen.child.kill("SIGSTOP");
    const survivor = await startWorker({ databaseUrl: database.url, concurrency: 1 });
    try {
      const done = await waitForJob(database.prisma, job.id, (j) => j.status === "done", "the running worker to take the job over and finish it", 120_000);
      expect(done).toMatchObject({ attempts: 2, workerId: survivor.id });
      expect((await log(job.id)).find((entry) => entry.status === "queued")?.message).toBe("Its worker stopped answering (run 1 of 3); it runs again. Nothing of that run was kept.");
      await cancelActiveJobs(database.prisma, workId);
      frozen.child.kill("SIGCONT");
      /* The resumed run learns at its next lease renewal that the job is no longer its own, and ends its queue entry. */
      await waitFor(async () => {
        const [{ entries }] = await database.prisma.$queryRaw<{ entries: number }[]>`
          SELECT count(*)::int AS entries FROM graphile_worker._private_jobs WHERE payload->>'token' = ${runToken}`;
        return entries === 0 ? true : undefined;
      }, "the resumed worker to end its run");
      await expectAlignedOnce(job.id);
      expect(await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "done", attempts: 2, workerId: survivor.id });
      frozen.child.kill("SIGTERM");
      expect(await frozen.exited).toEqual({ code: 0, signal: null });
    } finally {
      frozen.child.kill("SIGCONT");
      if (frozen.child.exitCode === null && frozen.child.signalCode === null) frozen.child.kill("SIGKILL");
      await survivor.stop();
    }
  });

  it("stopped with SIGTERM mid-job, a worker hands the job back, not counting the run, and exits 0", async () => {
    const stopping = spawn();
    const job = await alignOn(stopping);
    stopping.child.kill("SIGTERM");
    expect(await stopping.exited).toEqual({ code: 0, signal: null });
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "queued",
      attempts: 0,
      message: "Its worker was shut down; waiting for another worker.",
    });
    const next = await startWorker({ databaseUrl: database.url, concurrency: 1 });
    try {
      expect(await waitForJob(database.prisma, job.id, (j) => j.status === "done", "the next worker to finish the job")).toMatchObject({ attempts: 1 });
      await expectAlignedOnce(job.id);
    } finally {
      await next.stop();
    }
  });
});
