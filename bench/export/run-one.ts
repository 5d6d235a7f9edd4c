/**
 * One export of bench/export/run.ts in a process of its own, so that its peak memory is its own: `whole` loads the
 * work whole and writes it with the in-memory exporters (the export route before paging), `paged` reads it a page at
 * a time in one snapshot as it writes (the route and the export-work job now), `idle` only connects (the process's
 * own footprint). The exporting code is that of `tree` (this checkout by default; another checkout with
 * node_modules, e.g. of main, to measure it with the same harness). The file is hashed as it is written, never kept.
 * Besides the wall time and the peak resident memory: the CPU time the process spent exporting, and for `paged` the
 * CPU time of the PostgreSQL backend serving its snapshot (from /proc, when the server runs on this machine; null
 * otherwise) — figures that other processes' load disturbs far less than wall time. The live heap (heap used just
 * after a full garbage collection) is sampled after the work is read and at every megabyte written. Prints one line
 * of JSON.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type * as ExportFiles from "../../lib/api/export-files";
import type { ExportKind } from "../../lib/api/schemas";
import type * as Client from "../../lib/db/client";
import type * as BuildWorkExport from "../../lib/db/export/build-work-export";
import type * as InSnapshot from "../../lib/db/export/in-snapshot";
import type * as PagedSource from "../../lib/db/export/paged-source";
import type * as PlanWorkExport from "../../lib/db/export/plan-work-export";
import type * as ReadingAccess from "../../lib/db/users/reading-access";
import type * as Formats from "../../lib/formats";

const [databaseUrl, mode, kind, slug, tree = path.resolve(import.meta.dirname, "..", "..")] = process.argv.slice(2) as [string, "whole" | "paged" | "idle", ExportKind, string, string?];

/** A module of the measured tree's lib/. */
const lib = <T>(file: string): Promise<T> => import(path.join(tree, "lib", file));

/** CPU time (user and system, ms) of a process on this machine, or null when /proc does not have it. */
function processCpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function main() {
  const [{ exportBody, gathered, planExport }, { createPrismaClient }, { buildWorkExport }, { inSnapshot }, { pagedSource }, { planWorkExport }, { trustedReadAccess }, formats] =
    await Promise.all([
      lib<typeof ExportFiles>("api/export-files.ts"),
      lib<typeof Client>("db/client.ts"),
      lib<typeof BuildWorkExport>("db/export/build-work-export.ts"),
      lib<typeof InSnapshot>("db/export/in-snapshot.ts"),
      lib<typeof PagedSource>("db/export/paged-source.ts"),
      lib<typeof PlanWorkExport>("db/export/plan-work-export.ts"),
      lib<typeof ReadingAccess>("db/users/reading-access.ts"),
      lib<typeof Formats>("formats/index.ts"),
    ]);
  const whole: Partial<Record<ExportKind, (work: Formats.WorkExport, editions: string[]) => Iterable<string>>> = {
    "work-json": (work) => formats.workJsonChunks(work),
    "tei-parallel": (work, editions) => formats.teiParallelChunks(work, editions),
    tmx: (work, editions) => formats.tmxChunks(work, editions),
    "grid-csv": (work, editions) => formats.gridCsvChunks(work, editions),
  };
  const db = createPrismaClient(databaseUrl);
  await db.$queryRaw`SELECT 1`;
  const hash = createHash("sha256");
  let bytes = 0;
  let sampledAt = 0;
  let liveHeap = 0;
  const sample = () => {
    (globalThis as { gc?: () => void }).gc?.();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
  };
  sample();
  const idleHeap = liveHeap;
  const write = (piece: string) => {
    const encoded = Buffer.from(piece);
    bytes += encoded.length;
    hash.update(encoded);
    if (bytes - sampledAt >= 1024 * 1024) {
      sampledAt = bytes;
      sample();
    }
  };
  let pgCpuMs: number | null = null;
  const start = performance.now();
  const cpu = process.cpuUsage();
  if (mode === "whole") {
    const work = await buildWorkExport(trustedReadAccess(), db, slug);
    sample();
    const plan = planExport({ slug, editions: work.editions }, kind, {});
    for await (const piece of gathered(whole[kind]!(work, plan.editions))) write(piece);
  } else if (mode === "paged") {
    const plan = await planWorkExport(trustedReadAccess(), db, slug, kind, {});
    for await (const piece of inSnapshot(db, async function* (tx) {
      const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      const before = processCpuMs(pid);
      yield* gathered(exportBody(await pagedSource(tx, slug), plan));
      const after = processCpuMs(pid);
      pgCpuMs = before != null && after != null ? after - before : null;
    }))
      write(piece);
  }
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  sample();
  await db.$disconnect();
  console.log(
    JSON.stringify({
      ms,
      cpuMs: (used.user + used.system) / 1000,
      pgCpuMs,
      bytes,
      sha256: hash.digest("hex"),
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      liveHeapMB: (liveHeap - idleHeap) / 1024 / 1024,
    }),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
