/**
 * `npm run bench:jobs`: what moving heavy work into jobs changes, against a fresh embedded PostgreSQL, each figure
 * beside its baseline measured in the same run. Prints; asserts nothing.
 * - The first compare view after a 2,000-row, five-edition work changed: the row signals the page computed before
 *   answering (its page's rows plus a 300 ms budget; the rest after answering, on the app server) against the page
 *   after the row-signals job has run on a worker (its rows only, none of them missing).
 * - Importing a 2,000-sentence edition: how long the import answers, and how long its alignment then runs as a job
 *   (which an import used to spend inside its request).
 * - The worker's event loop while a 2,000-sentence, five-edition work is aligned: the longest it is blocked with the
 *   aligner on the event loop, and with the aligner on the worker's thread pool.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { alignWork } from "../lib/db/alignment/align-work";
import { createSyntheticWork } from "../lib/db/alignment/synthetic-work.fixtures";
import { replaceGrid } from "../lib/db/alignment/replace-grid";
import type { Db } from "../lib/db/client";
import { runImport } from "../lib/db/import/run-import";
import { enqueueJob } from "../lib/db/jobs/enqueue-job";
import { startWorker } from "../lib/db/jobs/worker";
import { getRowSignals } from "../lib/db/signals/get-row-signals";
import { refreshRowSignals } from "../lib/db/signals/refresh-row-signals";
import { runOnThread } from "../lib/jobs/thread-pool";
import { openBenchDatabase, runBench } from "./bench-database";

const LANGUAGES = ["ru", "fr", "es", "it", "en"];
const PAGE = { from: 1, to: 200 };

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

async function waitForJob(db: Db, id: string): Promise<void> {
  for (;;) {
    const { status, message } = await db.job.findUniqueOrThrow({ where: { id }, select: { status: true, message: true } });
    if (status === "done") return;
    if (status !== "queued" && status !== "running") throw new Error(`Job ${id} ended ${status}: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function firstCompareView(db: Db, workId: string) {
  const [before, pageTime] = await timed(() => getRowSignals(db, workId, { required: PAGE, budgetMs: 300 }));
  const [, restTime] = await timed(() => refreshRowSignals(db, workId, before.pending));
  await db.rowSignal.deleteMany({ where: { row: { workId } } });
  const [, jobTime] = await timed(async () => waitForJob(db, (await enqueueJob(db, { kind: "row-signals", workId, userId: null })).id));
  const [after, viewTime] = await timed(() => getRowSignals(db, workId, { required: PAGE, budgetMs: 0 }));
  console.log(
    `first compare view of a ${before.rows.length}-row, five-edition work, row signals: ` +
      `before ${pageTime.toFixed(0)} ms in the page (${before.pending.length} rows left, then ${restTime.toFixed(0)} ms more on the app server) · ` +
      `now ${viewTime.toFixed(0)} ms in the page (${after.pending.length} rows left), the row-signals job having taken ${jobTime.toFixed(0)} ms on a worker`,
  );
}

function edition(language: string, count: number): Uint8Array {
  const sentence = (i: number) => `${language === "ru" ? "Предложение" : "Phrase"} ${i + 1} ${"слово mot ".repeat(2 + (i % 9))}${1900 + (i % 60)}.`;
  const text = Array.from({ length: count }, (_, i) => sentence(i)).join(" ");
  return new TextEncoder().encode(`---\nwork: bench-import\nedition: ${language}\nlanguage: ${language}\ntitle: ${language}\nprovenance: imported\noriginal: ${language === "ru"}\n---\n\n${text}\n`);
}

async function longImport(db: Db) {
  await runImport(db, { bytes: edition("ru", 2000), fileName: "ru.txt", importedById: null });
  const work = await db.work.findUniqueOrThrow({ where: { slug: "bench-import" } });
  await db.$transaction(
    async (tx) => {
      const segments = await tx.segment.findMany({ where: { workId: work.id }, orderBy: { position: "asc" } });
      await replaceGrid(tx, work.id, segments.map((s) => ({ cells: { [s.editionId]: [s.id] }, status: "automatic" as const, confidence: null })));
    },
    { timeout: 60_000 },
  );
  const [result, importTime] = await timed(() => runImport(db, { bytes: edition("fr", 2000), fileName: "fr.txt", importedById: null }));
  const [, jobTime] = await timed(() => waitForJob(db, result.alignment!.job!.id));
  console.log(`import of a 2,000-sentence edition: answered in ${importTime.toFixed(0)} ms; its alignment then ran ${jobTime.toFixed(0)} ms as a job on a worker (before: inside the request)`);
}

async function eventLoopWhileAligning(db: Db, workId: string) {
  const longestBlock = async (run: () => Promise<unknown>) => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const [, time] = await timed(run);
    delay.disable();
    return { blocked: delay.max / 1e6, time };
  };
  const inline = await longestBlock(() => alignWork(db, workId, { mode: "align" }));
  const threaded = await longestBlock(() =>
    alignWork(db, workId, {
      mode: "align",
      compute: (pieces, pivot, others, options = {}) => runOnThread("computeAlignment", [pieces, pivot, others, { previous: options.previous }]),
    }),
  );
  console.log(
    `aligning a 2,000-sentence work of five editions, the worker's event loop blocked at most: ` +
      `${inline.blocked.toFixed(0)} ms with the aligner on it (run ${inline.time.toFixed(0)} ms) · ${threaded.blocked.toFixed(0)} ms with the aligner on a thread (run ${threaded.time.toFixed(0)} ms)`,
  );
}

async function main() {
  const { database, db, close } = await openBenchDatabase("jobs", { seedDemo: false });
  const worker = await startWorker({ databaseUrl: database.url, concurrency: 2 });
  try {
    const { workId } = await createSyntheticWork(db, "bench-jobs", LANGUAGES, 2000);
    await firstCompareView(db, workId);
    await longImport(db);
    await worker.stop();
    await eventLoopWhileAligning(db, workId);
  } finally {
    await worker.stop();
    await close();
  }
}

runBench(main);
