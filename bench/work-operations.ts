/**
 * `npm run bench:work`: server time of the editor's operations and of aligning a work, on the demo corpus and on
 * 2,000-row, five-edition works, against a fresh embedded PostgreSQL. Prints medians; asserts nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { alignWork } from "../lib/db/alignment/align-work";
import { createSyntheticWork } from "../lib/db/alignment/synthetic-work.fixtures";
import { bootDatabase } from "../lib/db/boot";
import { createPrismaClient, type Db } from "../lib/db/client";
import { applyEditorOperation } from "../lib/db/grid/apply-operation";
import { createActor, createLargeWork } from "../lib/db/grid/grid.fixtures";
import { loadEditorGrid } from "../lib/db/grid/load-grid";
import type { Actor } from "../lib/db/grid/types";
import { undoLastChange } from "../lib/db/grid/undo-operation";
import { freePort } from "../test/global-setup";

const LANGUAGES = ["ru", "fr", "es", "it", "en"];

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

async function editorOperations(db: Db, editor: Actor, label: string, workId: string, rowIndex: number) {
  const rowId = (await db.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } }))[rowIndex].id;
  const version = async () => (await db.work.findUniqueOrThrow({ where: { id: workId } })).gridVersion;
  const merge =
    (await median(9, async () => {
      await applyEditorOperation(db, workId, editor, { op: { type: "mergeRows", rowId }, baseVersion: await version() });
      await undoLastChange(db, workId, editor, await version());
    })) / 2;
  const confirm =
    (await median(9, async () => {
      await applyEditorOperation(db, workId, editor, { op: { type: "setStatus", rowId, status: "confirmed" }, baseVersion: await version() });
      await applyEditorOperation(db, workId, editor, { op: { type: "setStatus", rowId, status: "automatic" }, baseVersion: await version() });
    })) / 2;
  const load = await median(5, () => loadEditorGrid(db, workId));
  const rows = await db.alignmentRow.count({ where: { workId } });
  console.log(`editor, ${label} (${rows} rows): merge or undo ${merge.toFixed(0)} ms · confirm ${confirm.toFixed(0)} ms · load grid ${load.toFixed(0)} ms (medians)`);
}

async function alignment(db: Db, label: string, workId: string) {
  const align = await alignWork(db, workId, { mode: "align" });
  const rows = await db.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
  const confirmed = rows.filter((_, i) => i % 10 === 9).map((row) => row.id);
  await db.alignmentRow.updateMany({ where: { id: { in: confirmed } }, data: { status: "confirmed" } });
  const realign = await alignWork(db, workId, { mode: "realign" });
  const segments = await db.segment.count({ where: { workId } });
  console.log(
    `alignment, ${label} (${segments} segments): align ${align.milliseconds} ms → ${align.rows} rows · ` +
      `re-align around ${confirmed.length} confirmed rows ${realign.milliseconds} ms → ${realign.rows} rows`,
  );
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-work-"));
  fs.chmodSync(dataDir, 0o755);
  const database = await bootDatabase({ dataDir, pgPort: await freePort(), seedDemo: true, log: () => undefined });
  const db = createPrismaClient(database.url);
  try {
    const demo = await db.work.findUniqueOrThrow({ where: { slug: "thirst-for-power" } });
    const editor = await createActor(db, "editor");
    await editorOperations(db, editor, "demo grid", demo.id, 5);
    await editorOperations(db, editor, "2,000-row grid of five editions", await createLargeWork(db, "bench-grid", LANGUAGES, 2000), 1000);
    await alignment(db, "demo work", demo.id);
    await alignment(db, "2,000-sentence work of five editions", (await createSyntheticWork(db, "bench-align", LANGUAGES, 2000)).workId);
  } finally {
    await db.$disconnect();
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
