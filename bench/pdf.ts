/**
 * `npm run bench:pdf`: printing the whole demo work as PDF, against a fresh embedded PostgreSQL with the demo
 * corpus, five editions beside two (the baseline) in the same run. For each: the export-pdf job from queuing to
 * its file stored (on a worker, as the app runs it), and its parts — reading the rows and writing the HTML, and
 * Chromium's rendering — with the PDF's size and pages. Median of RUNS runs after one warm-up. Prints; asserts nothing.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { projectRoot } from "../lib/db/boot";
import type { Db } from "../lib/db/client";
import { enqueueJob } from "../lib/db/jobs/enqueue-job";
import { startWorker } from "../lib/db/jobs/worker";
import { readPrintDocument } from "../lib/db/print/read-print-document";
import { trustedReadAccess } from "../lib/db/users/reading-access";
import { isLandscape, printHtml } from "../lib/print/print-document";
import { PRINT_FONT_BASE, renderPdf } from "../lib/print/render-pdf";
import { openBenchDatabase, runBench } from "./bench-database";

const RUNS = 3;
const SLUG = "thirst-for-power";
const CASES = [
  { name: "two editions (en, ru), baseline", editions: ["en", "ru"] },
  { name: "five editions (ru, fr, es, it, en)", editions: ["ru", "fr", "es", "it", "en"] },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

async function jobRun(db: Db, workId: string, editions: string[]): Promise<{ bytes: number; pages: number }> {
  const job = await enqueueJob(db, { kind: "export-pdf", workId, payload: { editions }, userId: null });
  for (;;) {
    const { status, message, result } = await db.job.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, message: true, result: true } });
    if (status === "done") return result as { bytes: number; pages: number };
    if (status !== "queued" && status !== "running") throw new Error(`The PDF job ended ${status}: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function measure(db: Db, workId: string, editions: string[]) {
  const read = () => readPrintDocument(trustedReadAccess(), db, SLUG, { editions: editions.join(",") }, { fontBase: PRINT_FONT_BASE });
  const render = (html: string) => renderPdf(html, { fontsDir: path.join(projectRoot, "public", "fonts"), landscape: isLandscape(editions.length), footer: SLUG });
  await jobRun(db, workId, editions);
  const jobs: number[] = [];
  const reads: number[] = [];
  const renders: number[] = [];
  let file = { bytes: 0, pages: 0, rows: 0, html: 0 };
  for (let run = 0; run < RUNS; run++) {
    const [result, jobTime] = await timed(() => jobRun(db, workId, editions));
    jobs.push(jobTime);
    const [document, readTime] = await timed(async () => {
      const doc = await read();
      return { doc, html: printHtml(doc) };
    });
    reads.push(readTime);
    const [, renderTime] = await timed(() => render(document.html));
    renders.push(renderTime);
    file = { bytes: result.bytes, pages: result.pages, rows: document.doc.rows.length, html: Buffer.byteLength(document.html) };
  }
  return { job: median(jobs), read: median(reads), render: median(renders), ...file };
}

async function main() {
  const { database, db, close } = await openBenchDatabase("pdf", { seedDemo: true });
  const worker = await startWorker({ databaseUrl: database.url, concurrency: 1 });
  try {
    const { id: workId } = await db.work.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
    console.log(`PDF of the whole demo work (“Thirst for Power”), median of ${RUNS} runs after a warm-up:`);
    for (const entry of CASES) {
      const figures = await measure(db, workId, entry.editions);
      console.log(
        `  ${entry.name}: ${figures.rows} rows → ${figures.pages} pages, ${(figures.bytes / 1024).toFixed(0)} KB · ` +
          `job ${figures.job.toFixed(0)} ms from queued to stored (reading and HTML ${figures.read.toFixed(0)} ms, ${(figures.html / 1024).toFixed(0)} KB; Chromium ${figures.render.toFixed(0)} ms)`,
      );
    }
  } finally {
    await worker.stop();
    await close();
  }
}

runBench(main);
