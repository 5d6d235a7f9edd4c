/**
 * One export of bench/export/run.ts in a process of its own, so that its peak memory is its own: `whole` loads the
 * work whole and writes it with the in-memory exporters (the export route before paging), `paged` reads it a page at
 * a time in one snapshot as it writes (the route and the export-work job now), `idle` only connects (the process's
 * own footprint). The file is hashed as it is written, never kept. Besides the peak resident memory, the live heap
 * (heap used just after a full garbage collection) is sampled after the work is read and at every megabyte written.
 * Prints one line of JSON.
 */
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { exportBody, gathered, planExport } from "../../lib/api/export-files";
import type { ExportKind } from "../../lib/api/schemas";
import { createPrismaClient } from "../../lib/db/client";
import { buildWorkExport } from "../../lib/db/export/build-work-export";
import { inSnapshot } from "../../lib/db/export/in-snapshot";
import { pagedSource } from "../../lib/db/export/paged-source";
import { planWorkExport } from "../../lib/db/export/plan-work-export";
import { trustedReadAccess } from "../../lib/db/users/reading-access";
import { gridCsvChunks, teiParallelChunks, tmxChunks, workJsonChunks, type WorkExport } from "../../lib/formats";

const [databaseUrl, path, kind, slug] = process.argv.slice(2) as [string, "whole" | "paged" | "idle", ExportKind, string];

const WHOLE: Partial<Record<ExportKind, (work: WorkExport, editions: string[]) => Iterable<string>>> = {
  "work-json": (work) => workJsonChunks(work),
  "tei-parallel": (work, editions) => teiParallelChunks(work, editions),
  tmx: (work, editions) => tmxChunks(work, editions),
  "grid-csv": (work, editions) => gridCsvChunks(work, editions),
};

async function main() {
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
  const start = performance.now();
  if (path === "whole") {
    const work = await buildWorkExport(trustedReadAccess(), db, slug);
    sample();
    const plan = planExport({ slug, editions: work.editions }, kind, {});
    for await (const piece of gathered(WHOLE[kind]!(work, plan.editions))) write(piece);
  } else if (path === "paged") {
    const plan = await planWorkExport(trustedReadAccess(), db, slug, kind, {});
    for await (const piece of inSnapshot(db, async function* (tx) {
      yield* gathered(exportBody(await pagedSource(tx, slug), plan));
    }))
      write(piece);
  }
  const ms = performance.now() - start;
  sample();
  await db.$disconnect();
  console.log(JSON.stringify({ ms, bytes, sha256: hash.digest("hex"), maxRssMB: process.resourceUsage().maxRSS / 1024, liveHeapMB: (liveHeap - idleHeap) / 1024 / 1024 }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
