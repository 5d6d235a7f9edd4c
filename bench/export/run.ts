/**
 * `npm run bench:export`: exporting a generated 10,000-row, five-edition work (lib/db/alignment/synthetic-work.fixtures.ts)
 * on a fresh embedded PostgreSQL, the whole-load path (the work read whole, then written: the export route before
 * paging) beside the paged one (read a page at a time in one snapshot while writing: the route and the export-work
 * job now), in the same run, each export in a process of its own (bench/export/run-one.ts): wall time and the
 * process's peak resident memory (beside a process that only connects), and, from a second run that collects
 * garbage before each sample, the peak of its live heap above what it held before exporting. With
 * BENCH_BASELINE_TREE=<a checkout with node_modules, e.g. of main>, that tree's paged export is measured too, on the
 * same database in the same run (its bench/export/run-one.ts). Then the export-work job from queued to its
 * file stored in PostgreSQL, and the stored file's download. Checks that every path writes the same bytes. Prints.
 */
import { execFile } from "node:child_process";
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
const SLUG = "bench-export";
const KINDS = ["work-json", "tei-parallel", "tmx", "grid-csv"] as const;
const run = promisify(execFile);
const BASELINE = process.env.BENCH_BASELINE_TREE ? path.resolve(process.env.BENCH_BASELINE_TREE) : null;

interface Figures {
  ms: number;
  bytes: number;
  sha256: string;
  maxRssMB: number;
  liveHeapMB: number;
}

async function once(databaseUrl: string, mode: "whole" | "paged" | "idle", kind: string, gc: boolean, tree = projectRoot): Promise<Figures> {
  const { stdout } = await run(process.execPath, [...(gc ? ["--expose-gc"] : []), "--import", "tsx", path.join(tree, "bench", "export", "run-one.ts"), databaseUrl, mode, kind, SLUG], {
    cwd: tree,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Figures;
}

/** Time and peak RSS from a plain run; the live heap from a run that collects garbage at every sample (slower). */
async function one(databaseUrl: string, mode: "whole" | "paged" | "idle", kind: string, tree = projectRoot): Promise<Figures> {
  const plain = await once(databaseUrl, mode, kind, false, tree);
  const collected = await once(databaseUrl, mode, kind, true, tree);
  if (plain.sha256 !== collected.sha256) throw new Error(`${kind} ${mode}: two runs wrote different files`);
  return { ...plain, liveHeapMB: collected.liveHeapMB };
}

const mb = (value: number) => `${value.toFixed(0)} MB`;

async function main() {
  const { database, db, close } = await openBenchDatabase("export", { seedDemo: false });
  try {
    const made = performance.now();
    const { segments } = await createSyntheticWork(db, SLUG, ["ru", "fr", "es", "it", "en"], ROWS);
    console.log(`Export of a generated work: ${ROWS} rows, 5 editions, ${segments} segments (made in ${((performance.now() - made) / 1000).toFixed(1)} s).`);
    const idle = await one(database.url, "idle", "work-json");
    console.log(`  a process that only connects: peak RSS ${mb(idle.maxRssMB)}`);
    console.log(`  kind           file      whole-load (before): time, peak RSS, live heap    paged (now): time, peak RSS, live heap${BASELINE ? `    paged (${BASELINE}): time, peak RSS, live heap` : ""}`);
    const figures = (f: Figures) => `${f.ms.toFixed(0).padStart(6)} ms, ${mb(f.maxRssMB).padStart(7)}, ${mb(f.liveHeapMB).padStart(6)}`;
    for (const kind of KINDS) {
      const whole = await one(database.url, "whole", kind);
      const baseline = BASELINE ? await one(database.url, "paged", kind, BASELINE) : null;
      const paged = await one(database.url, "paged", kind);
      if (whole.sha256 !== paged.sha256) throw new Error(`${kind}: the paged export differs from the whole-load one`);
      if (baseline && baseline.sha256 !== paged.sha256) throw new Error(`${kind}: the baseline tree's paged export differs from this one`);
      console.log(
        `  ${kind.padEnd(13)} ${(whole.bytes / 1024 / 1024).toFixed(1).padStart(5)} MB   ${figures(whole)}          ${figures(paged)}` +
          `${baseline ? `          ${figures(baseline)}` : ""}   (same bytes)`,
      );
    }
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
