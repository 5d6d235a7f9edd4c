/**
 * `npm run bench:export`: exporting a generated 10,000-row, five-edition work (lib/db/alignment/synthetic-work.fixtures.ts)
 * on a fresh embedded PostgreSQL, the whole-load path (the work read whole, then written: the export route before
 * paging) beside the paged one (read a page at a time in one snapshot while writing: the route and the export-work
 * job now), in the same run, each export in a process of its own (bench/export/run-one.ts), BENCH_EXPORT_SAMPLES
 * (3) times each, taking turns: median wall time, median CPU time of the exporting process and of the PostgreSQL
 * backend serving a paged export (steadier than wall time on a loaded machine), the process's peak resident memory
 * (beside a process that only connects), and, from one more run that collects garbage before each sample, the peak of
 * its live heap above what it held before exporting. With BENCH_BASELINE_TREE=<a checkout with node_modules, e.g. of
 * main>, that tree's paged export is measured too, by the same harness on the same database in the same run. Then
 * the export-work job from queued to its
 * file stored in PostgreSQL, and the stored file's download. Checks that the whole-load and paged exports write the
 * same bytes (and says when the baseline tree's differ: an older version of a format). Prints.
 */
import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { createSyntheticWork } from "../../lib/db/alignment/synthetic-work.fixtures";
import { projectRoot } from "../../lib/db/boot";
import { requestWorkExport, readExportFile } from "../../lib/db/export/export-requests";
import { exportFileChunks } from "../../lib/db/export/store-export";
import { startWorker } from "../../lib/db/jobs/worker";
import { trustedReadAccess } from "../../lib/db/users/reading-access";
import { openBenchDatabase, runBench } from "../bench-database";

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_EXPORT_SAMPLES ?? 3);
const SLUG = "bench-export";
const KINDS = ["work-json", "tei-parallel", "tmx", "grid-csv"] as const;
const run = promisify(execFile);
const BASELINE = process.env.BENCH_BASELINE_TREE ? path.resolve(process.env.BENCH_BASELINE_TREE) : null;

type Mode = "whole" | "paged" | "idle";

interface Figures {
  ms: number;
  cpuMs: number;
  pgCpuMs: number | null;
  bytes: number;
  sha256: string;
  maxRssMB: number;
  liveHeapMB: number;
}

/** One export in a process of its own, by this checkout's harness over `tree`'s lib/ (run-one.ts). */
async function once(databaseUrl: string, mode: Mode, kind: string, gc: boolean, tree = projectRoot): Promise<Figures> {
  const { stdout } = await run(process.execPath, [...(gc ? ["--expose-gc"] : []), "--import", "tsx", path.join(projectRoot, "bench", "export", "run-one.ts"), databaseUrl, mode, kind, SLUG, tree], {
    cwd: projectRoot,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Figures;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Each way SAMPLES times, taking turns (so that a burst of load on the machine falls on all of them alike): medians of
 * time and CPU, the highest peak RSS; the live heap from one more run that collects garbage at every sample (slower).
 */
async function measure(databaseUrl: string, kind: string, ways: { mode: Mode; tree?: string }[]): Promise<Figures[]> {
  const runs: Figures[][] = ways.map(() => []);
  for (let sample = 0; sample < SAMPLES; sample++) {
    for (const [k, way] of ways.entries()) runs[k].push(await once(databaseUrl, way.mode, kind, false, way.tree));
  }
  const figures: Figures[] = [];
  for (const [k, way] of ways.entries()) {
    const collected = await once(databaseUrl, way.mode, kind, true, way.tree);
    const all = [...runs[k], collected];
    if (all.some((f) => f.sha256 !== all[0].sha256)) throw new Error(`${kind} ${way.mode}${way.tree ? ` (${way.tree})` : ""}: two runs wrote different files`);
    const pg = runs[k].map((f) => f.pgCpuMs).filter((value): value is number => value != null);
    figures.push({
      ...runs[k][0],
      ms: median(runs[k].map((f) => f.ms)),
      cpuMs: median(runs[k].map((f) => f.cpuMs)),
      pgCpuMs: pg.length > 0 ? median(pg) : null,
      maxRssMB: Math.max(...runs[k].map((f) => f.maxRssMB)),
      liveHeapMB: collected.liveHeapMB,
    });
  }
  return figures;
}

const mb = (value: number) => `${value.toFixed(0)} MB`;
const ms = (value: number | null) => (value == null ? "—" : `${value.toFixed(0)} ms`);

async function main() {
  const { database, db, close } = await openBenchDatabase("export", { seedDemo: false });
  try {
    const made = performance.now();
    const { segments } = await createSyntheticWork(db, SLUG, ["ru", "fr", "es", "it", "en"], ROWS);
    console.log(`Export of a generated work: ${ROWS} rows, 5 editions, ${segments} segments (made in ${((performance.now() - made) / 1000).toFixed(1)} s).`);
    console.log(`  load average before: ${os.loadavg().map((load) => load.toFixed(1)).join(" ")} on ${os.cpus().length} cores; medians of ${SAMPLES} runs, taking turns`);
    const [idle] = await measure(database.url, "work-json", [{ mode: "idle" }]);
    console.log(`  a process that only connects: peak RSS ${mb(idle.maxRssMB)}`);
    const ways: { mode: Mode; tree?: string; name: string }[] = [
      { mode: "whole", name: "whole-load (before)" },
      ...(BASELINE ? [{ mode: "paged" as const, tree: BASELINE, name: `paged (${BASELINE})` }] : []),
      { mode: "paged", name: "paged (now)" },
    ];
    const figures = (f: Figures) =>
      `${ms(f.ms).padStart(8)}, ${ms(f.cpuMs).padStart(8)}, ${ms(f.pgCpuMs).padStart(7)}, ${mb(f.maxRssMB).padStart(6)}, ${mb(f.liveHeapMB).padStart(5)}`;
    console.log(`  kind           file     ${ways.map((way) => `${way.name}: time, CPU, PostgreSQL's CPU, peak RSS, live heap`).join("    ")}`);
    for (const kind of KINDS) {
      const measured = await measure(database.url, kind, ways);
      const whole = measured[0];
      const paged = measured.at(-1)!;
      if (whole.sha256 !== paged.sha256) throw new Error(`${kind}: the paged export differs from the whole-load one`);
      /* A baseline tree may write an older version of a format (e.g. without a field added since): said, not refused. */
      const baseline = BASELINE ? measured[1] : null;
      const baselineBytes = !baseline || baseline.sha256 === paged.sha256 ? "" : `; the baseline's differ (${(baseline.bytes - paged.bytes).toLocaleString("en")} bytes)`;
      console.log(`  ${kind.padEnd(13)} ${(whole.bytes / 1024 / 1024).toFixed(1).padStart(5)} MB   ${measured.map(figures).join("        ")}   (same bytes${baselineBytes})`);
    }
    console.log(`  load average after: ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
    const worker = await startWorker({ databaseUrl: database.url, concurrency: 1 });
    try {
      const queued = performance.now();
      const { job } = await requestWorkExport(trustedReadAccess(), db, SLUG, { kind: "work-json" });
      for (;;) {
        const { status, message } = await db.job.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, message: true } });
        if (status === "done") break;
        if (status !== "queued" && status !== "running") throw new Error(`The export job ended ${status}: ${message}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const stored = performance.now() - queued;
      const file = await readExportFile(trustedReadAccess(), db, SLUG, job.id);
      const started = performance.now();
      let bytes = 0;
      for await (const chunk of exportFileChunks(db, job.id, file.chunks)) bytes += chunk.length;
      console.log(
        `  export-work job (work-json): ${stored.toFixed(0)} ms from queued to stored (${file.chunks} chunks, ${(file.bytes / 1024 / 1024).toFixed(1)} MB); ` +
          `reading it back for a download ${(performance.now() - started).toFixed(0)} ms (${bytes === file.bytes ? "all bytes" : "BYTES MISSING"})`,
      );
    } finally {
      await worker.stop();
    }
  } finally {
    await close();
  }
}

runBench(main);
