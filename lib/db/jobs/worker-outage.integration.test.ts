/**
 * A worker process (as `npm run worker` and `npm start` run it) through a database outage, on a PostgreSQL of its
 * own that this test stops for ten seconds while the worker is aligning a work, then starts again: the process lives
 * on (it waits for the database and reconnects by itself), the job it was running is run again to the end with the
 * grid intact, and a job queued after the restart is run too.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "../../../test/global-setup";
import { checkGridInvariant } from "../../alignment/grid";
import { startAlignmentJob } from "../alignment/alignment-jobs";
import { createSyntheticWork } from "../alignment/synthetic-work.fixtures";
import { APP_ROLE, ensureAppRole } from "../app-role";
import { migrationsDir } from "../boot";
import { createPrismaClient, type Db } from "../client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../embedded-postgres";
import { createActor } from "../grid/grid.fixtures";
import { loadGridState } from "../grid/load-grid-state";
import { ensureDatabase, migrate } from "../migrate";
import { enqueueJob } from "./enqueue-job";
import { cancelActiveJobs, spawnWorker, waitFor, waitForJob, type WorkerProcess } from "./jobs.fixtures";

const OUTAGE_MS = 10_000;
let dir: string;
let port: number;
let server: EmbeddedPostgres;
let prisma: Db;
let worker: WorkerProcess | undefined;

const startServer = () => startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-outage-"));
  fs.chmodSync(dir, 0o755);
  port = await freePort();
  server = await startServer();
  await ensureAppRole(server.adminUrl, server.appPassword);
  await ensureDatabase(server.adminUrl, "hexapla", undefined, APP_ROLE);
  await migrate(server.appUrl("hexapla"), migrationsDir);
  prisma = createPrismaClient(server.appUrl("hexapla"));
});

afterAll(async () => {
  if (worker && worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
  await prisma?.$disconnect();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("a worker lives through a database outage: the job it was running and one queued after the restart are run", { timeout: 240_000 }, async () => {
  const url = server.appUrl("hexapla");
  const editor = await createActor(prisma, "editor");
  const { workId } = await createSyntheticWork(prisma, "worker-outage", ["ru", "fr", "en"], 2000);
  worker = spawnWorker(url);
  const firstId = await worker.ready;
  const job = await startAlignmentJob(prisma, { workId, mode: "align", userId: editor.id });
  await waitForJob(prisma, job.id, (j) => j.status === "running" && j.workerId === firstId && j.progress >= 0.05, "the worker to be aligning");

  await server.stop();
  await waitFor(async () => (/Waiting for the database/.test(worker!.output()) ? true : undefined), "the worker to wait for the database").catch((error: Error) => {
    throw new Error(`${error.message}\n${worker!.output()}`);
  });
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  expect(worker.child.exitCode, worker.output()).toBeNull();
  server = await startServer();

  const done = await waitForJob(prisma, job.id, (j) => j.status === "done" || j.status === "failed", "the interrupted job to end", 150_000);
  expect(done.status, done.message ?? "").toBe("done");
  const { state } = await prisma.$transaction((tx) => loadGridState(tx, workId));
  expect(checkGridInvariant(state.grid, state.segments)).toEqual([]);
  expect(await prisma.gridOperation.count({ where: { workId, payload: { path: ["runId"], equals: job.id } } })).toBe(1);
  await cancelActiveJobs(prisma, workId);

  const after = await enqueueJob(prisma, { kind: "check-grid", workId, userId: null });
  expect(await waitForJob(prisma, after.id, (j) => j.status === "done", "the job queued after the restart to run", 60_000)).toMatchObject({ status: "done" });
  expect(worker.child.exitCode, worker.output()).toBeNull();
  expect(worker.output()).toMatch(/The database is back/);

  worker.child.kill("SIGTERM");
  expect(await worker.exited).toEqual({ code: 0, signal: null });
});
