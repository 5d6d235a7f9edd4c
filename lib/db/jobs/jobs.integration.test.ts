/**
 * Jobs run by a worker (in this process, as `npm run worker` runs one) on a real PostgreSQL: alignment to the end
 * with its journal entry and the row signals after it, progress, refusals, cancellation, the alignment step of a
 * long import, and the recovery of runs whose worker stopped answering or died too often.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { checkGridInvariant } from "../../alignment/grid";
import { createSyntheticWork } from "../alignment/synthetic-work.fixtures";
import { startAlignmentJob } from "../alignment/alignment-jobs";
import { replaceGrid } from "../alignment/replace-grid";
import { createActor, createWork, snapshotWork, type TestWork } from "../grid/grid.fixtures";
import { loadGridState } from "../grid/load-grid-state";
import type { Actor } from "../grid/types";
import { runImport } from "../import/run-import";
import { INLINE_ALIGNMENT_MAX_SEGMENTS } from "../import/write-edition";
import { staleRowIds } from "../signals/get-row-signals";
import { cancelJob } from "./cancel-job";
import { enqueueJob } from "./enqueue-job";
import { cancelActiveJobs, waitFor, waitForJob } from "./jobs.fixtures";
import { pruneJobs } from "./prune-jobs";
import { recoverJobs } from "./recover-jobs";
import { WORKER_LOCK_SPACE } from "./timing";
import { startWorker, type RunningWorker } from "./worker";

let database: TestDatabase;
let editor: Actor;
let worker: RunningWorker;

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor");
  worker = await startWorker({ databaseUrl: database.url, concurrency: 2 });
});
afterAll(async () => {
  await worker?.stop();
  await database?.drop();
});

async function smallWork(slug: string): Promise<TestWork> {
  return createWork(database.prisma, {
    slug,
    editions: {
      ru: ["Троцкий писал в Койоакане в 1937 году.", "Каменев и Зиновьев были расстреляны.", "Вышинский говорил о жажде власти."],
      fr: ["Trotsky écrivait à Coyoacán en 1937.", "Kamenev et Zinoviev furent fusillés.", "Vychinski parlait de soif du pouvoir."],
    },
    rows: [{ ru: 2, fr: 1 }, { ru: 1, fr: 2 }],
  });
}

async function grid(workId: string) {
  return (await database.prisma.$transaction((tx) => loadGridState(tx, workId))).state;
}

const finished = (job: { status: string }) => !["queued", "running"].includes(job.status);

describe("a worker", () => {
  it("runs an alignment to the end: rows, journal entry and job completed together, then the words' alignment and the row signals", async () => {
    const work = await smallWork("runs");
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    const done = await waitForJob(database.prisma, job.id, finished, "the alignment");
    expect(done).toMatchObject({ status: "done", progress: 1, attempts: 1, result: { mode: "align", rows: expect.any(Number) } });
    expect(done.message).toMatch(/^Aligned in [\d.]+ s: \d+ rows\.$/);
    const state = await grid(work.workId);
    expect(checkGridInvariant(state.grid, state.segments)).toEqual([]);
    expect(state.grid.rows).toHaveLength((done.result as { rows: number }).rows);
    const entry = await database.prisma.gridOperation.findFirstOrThrow({ where: { workId: work.workId }, orderBy: { gridVersion: "desc" } });
    expect(entry).toMatchObject({ kind: "align", userId: editor.id, gridVersion: (done.result as { gridVersion: number }).gridVersion });
    expect((entry.payload as { runId: string }).runId).toBe(job.id);

    const followUp = (kind: string) =>
      waitFor(async () => (await database.prisma.job.findFirst({ where: { workId: work.workId, kind, status: "done" } })) ?? undefined, kind);
    const signals = await followUp("row-signals");
    expect(signals.result).toMatchObject({ rows: state.grid.rows.length });
    expect(await staleRowIds(database.prisma, work.workId)).toEqual([]);
    const words = await followUp("align-words");
    expect(words).toMatchObject({ userId: editor.id, result: { pairs: 1, rows: state.grid.rows.length } });
    expect(await database.prisma.wordLinkSet.count({ where: { workId: work.workId, status: "automatic" } })).toBeGreaterThan(0);
  });

  it("records the progress of a run, in order, as another server polling the job sees it", async () => {
    const work = await createSyntheticWork(database.prisma, "progress", ["ru", "fr", "en"], 1200);
    await database.prisma.$executeRawUnsafe(`CREATE TABLE job_log (n serial, job_id uuid, status text, progress float8, message text)`);
    await database.prisma.$executeRawUnsafe(`
      CREATE FUNCTION log_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO job_log (job_id, status, progress, message) VALUES (NEW.id, NEW.status, NEW.progress, NEW.message); RETURN NEW; END $$`);
    await database.prisma.$executeRawUnsafe(`CREATE TRIGGER log_job AFTER UPDATE ON job FOR EACH ROW EXECUTE FUNCTION log_job()`);
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    await waitForJob(database.prisma, job.id, finished, "the alignment");
    const seen = await database.prisma.$queryRawUnsafe<{ status: string; progress: number; message: string }[]>(
      `SELECT status, progress, message FROM job_log WHERE job_id = '${job.id}' ORDER BY n`,
    );
    expect(seen.filter((s) => s.status === "running" && s.progress > 0 && s.progress < 1).map((s) => s.message)).toContainEqual(
      expect.stringMatching(/^Aligned “\w+” with the pivot “ru”\.$/),
    );
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ status: "done", progress: 1 });
    await cancelActiveJobs(database.prisma, work.workId);
  });

  it("records a refused alignment as failed with the reason, at once (no retry), and leaves the grid as it was", async () => {
    const work = await smallWork("fails");
    await database.prisma.alignmentRow.update({ where: { id: work.rowIds[0] }, data: { status: "confirmed" } });
    await database.prisma.segment.updateMany({ where: { editionId: work.editionIds.fr }, data: { rowId: null } });
    const before = await snapshotWork(database.prisma, work.workId);
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "realign", userId: editor.id });
    const failed = await waitForJob(database.prisma, job.id, finished, "the refusal");
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.message).toContain("not aligned yet");
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(before);
  });
});

describe("cancelling a job", () => {
  it("stops a running alignment, which then writes nothing: the grid, journal and version stay as they were", async () => {
    const work = await createSyntheticWork(database.prisma, "cancel-running", ["ru", "fr", "en"], 2000);
    const before = await snapshotWork(database.prisma, work.workId);
    const { gridVersion } = await database.prisma.work.findUniqueOrThrow({ where: { id: work.workId } });
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    await waitForJob(database.prisma, job.id, (j) => j.status === "running" && j.progress > 0, "the run to start aligning");
    const cancelled = await cancelJob(database.prisma, work.workId, job.id, editor);
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledBy: { id: editor.id }, message: `Cancelled by ${editor.name} before it finished.` });
    await waitFor(async () => (worker.activeJobs().includes(job.id) ? undefined : true), "the run to stop");
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "cancelled" });
    expect(await snapshotWork(database.prisma, work.workId)).toEqual(before);
    expect((await database.prisma.work.findUniqueOrThrow({ where: { id: work.workId } })).gridVersion).toBe(gridVersion);
    expect(await database.prisma.gridOperation.count({ where: { workId: work.workId } })).toBe(0);
    const next = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "realign", userId: editor.id });
    expect(["queued", "running"]).toContain(next.status);
    await cancelJob(database.prisma, work.workId, next.id, editor);
  });

  it("of a queued job means it never runs; a finished job cannot be cancelled (409)", async () => {
    const work = await smallWork("cancel-queued");
    await worker.stop();
    const job = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    expect((await cancelJob(database.prisma, work.workId, job.id, editor)).status).toBe("cancelled");
    worker = await startWorker({ databaseUrl: database.url, concurrency: 2 });
    const after = await startAlignmentJob(database.prisma, { workId: work.workId, mode: "align", userId: editor.id });
    await waitForJob(database.prisma, after.id, finished, "the next alignment");
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "cancelled", attempts: 0, startedAt: null });
    await expect(cancelJob(database.prisma, work.workId, after.id, editor)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already finished") });
  });
});

describe("a long import", () => {
  const sentences = (lang: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${lang === "ru" ? "Предложение" : "Phrase"} ${i + 1} ${"слово word ".repeat(1 + (i % 7))}${1900 + (i % 50)}.`).join(" ");
  const edition = (lang: string, count: number) =>
    new TextEncoder().encode(`---\nwork: long-import\nedition: ${lang}\nlanguage: ${lang}\ntitle: ${lang}\nprovenance: imported\noriginal: ${lang === "ru"}\n---\n\n${sentences(lang, count)}\n`);

  it("is written at once and aligned by a job: the edition is placed in the grid, journalled, and its row signals computed", async () => {
    const count = INLINE_ALIGNMENT_MAX_SEGMENTS + 50;
    await runImport(database.prisma, { bytes: edition("ru", count), fileName: "ru.txt", importedById: editor.id });
    const work = await database.prisma.work.findUniqueOrThrow({ where: { slug: "long-import" } });
    await database.prisma.$transaction(async (tx) => {
      const segments = await tx.segment.findMany({ where: { workId: work.id }, orderBy: { position: "asc" } });
      await replaceGrid(tx, work.id, segments.map((s) => ({ cells: { [s.editionId]: [s.id] }, status: "automatic" as const, confidence: null })));
    });
    const result = await runImport(database.prisma, { bytes: edition("fr", count), fileName: "fr.txt", importedById: editor.id });
    expect(result.alignment).toMatchObject({ mode: "queued", reference: "ru", job: { id: expect.any(String) } });
    expect(result.message).toContain("A worker is aligning it against “ru” now");
    const jobId = result.alignment!.job!.id;

    const done = await waitForJob(database.prisma, jobId, finished, "the import's alignment");
    expect(done).toMatchObject({ kind: "align-edition", status: "done", userId: editor.id, result: { mode: "place", reference: "ru" } });
    const french = await database.prisma.segment.findMany({ where: { workId: work.id, edition: { slug: "fr" } }, select: { rowId: true } });
    expect(french.every((s) => s.rowId !== null)).toBe(true);
    const state = await grid(work.id);
    expect(checkGridInvariant(state.grid, state.segments)).toEqual([]);
    const journal = await database.prisma.gridOperation.findMany({ where: { workId: work.id }, orderBy: { gridVersion: "asc" } });
    expect(journal.map((entry) => entry.kind)).toEqual(["import", "import", "align"]);
    expect((journal[2].payload as { summary: string }).summary).toMatch(/^Aligned the imported edition “fr” against “ru”: its text went into \d+ existing rows$/);
    await waitFor(async () => ((await staleRowIds(database.prisma, work.id)).length === 0 ? true : undefined), "the row signals");
  });
});

describe("recovering jobs", () => {
  it("queues again a run whose lease passed although its worker lives, leaves a live one alone, and fails one whose worker died on its last attempt", async () => {
    await worker.stop();
    /* A worker that lives (it holds its lock) but has stopped renewing one of its leases. */
    const live = await database.prisma.jobWorker.create({ data: { hostname: "here", pid: 1, concurrency: 1 } });
    const session = new pg.Client({ connectionString: database.url });
    await session.connect();
    await session.query("SELECT pg_advisory_lock($1, $2)", [WORKER_LOCK_SPACE, live.id]);
    const dead = await database.prisma.jobWorker.create({ data: { hostname: "gone", pid: 2, concurrency: 1 } });
    const running = (workId: string, data: { attempts: number; workerId: number; leaseUntil: Date }) =>
      database.prisma.job.create({ data: { kind: "realign", workId, exclusiveGroup: "alignment", status: "running", maxAttempts: 3, ...data } });
    const silent = await running((await smallWork("recover-silent")).workId, { attempts: 1, workerId: live.id, leaseUntil: new Date(Date.now() - 1000) });
    const busy = await running((await smallWork("recover-busy")).workId, { attempts: 1, workerId: live.id, leaseUntil: new Date(Date.now() + 60_000) });
    const last = await running((await smallWork("recover-last")).workId, { attempts: 3, workerId: dead.id, leaseUntil: new Date(Date.now() + 60_000) });

    expect(await recoverJobs(database.prisma)).toEqual({ requeued: [silent.id], failed: [last.id] });
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: silent.id } })).toMatchObject({
      status: "queued",
      message: "Its worker stopped answering (run 1 of 3); it runs again. Nothing of that run was kept.",
    });
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: busy.id } })).toMatchObject({ status: "running" });
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({
      status: "failed",
      message: "Its worker stopped on each of its 3 runs; nothing it was writing was kept.",
    });
    await session.end();
    worker = await startWorker({ databaseUrl: database.url, concurrency: 2 });
    expect(await waitForJob(database.prisma, silent.id, finished, "the run queued again")).toMatchObject({ status: "done", attempts: 2 });
    expect(await waitForJob(database.prisma, busy.id, finished, "the job of the worker that ended")).toMatchObject({
      status: "done",
      attempts: 2,
      message: expect.stringMatching(/^Re-aligned/),
    });
  });
});

describe("pruning jobs", () => {
  it("forgets jobs that ended over a month ago, keeping the latest of each kind on each work", async () => {
    const work = await smallWork("prune");
    const ended = (days: number) => new Date(Date.now() - days * 86_400_000);
    const job = (kind: string, days: number) =>
      database.prisma.job.create({ data: { kind, workId: work.workId, status: "done", createdAt: ended(days + 1), finishedAt: ended(days) } });
    const oldAlign = await job("align", 60);
    const latestAlign = await job("align", 40);
    const recentSignals = await job("row-signals", 2);
    const oldSignals = await job("row-signals", 45);
    expect(await pruneJobs(database.prisma)).toBeGreaterThanOrEqual(2);
    const left = (await database.prisma.job.findMany({ where: { workId: work.workId }, select: { id: true } })).map((j) => j.id).sort();
    expect(left).toEqual([latestAlign.id, recentSignals.id].sort());
    expect(left).not.toContain(oldAlign.id);
    expect(left).not.toContain(oldSignals.id);
  });
});

describe("queuing row signals", () => {
  it("gives the job already queued for the work instead of queuing another", async () => {
    const work = await smallWork("coalesce");
    await worker.stop();
    try {
      const first = await enqueueJob(database.prisma, { kind: "row-signals", workId: work.workId, userId: null });
      const second = await enqueueJob(database.prisma, { kind: "row-signals", workId: work.workId, userId: null });
      expect(second.id).toBe(first.id);
    } finally {
      worker = await startWorker({ databaseUrl: database.url });
    }
  });
});
