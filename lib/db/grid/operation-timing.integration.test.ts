/**
 * How long an editor waits: the server time of an operation (transaction, invariant check, journal) and of an
 * undo on the demo corpus's grid and on a 2,000-row, five-edition grid. Prints the medians; fails only when an
 * operation takes a second or more.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { projectRoot } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { applyEditorOperation } from "./apply-operation";
import { createActor, createLargeWork } from "./grid.fixtures";
import { loadEditorGrid } from "./load-grid";
import type { Actor } from "./types";
import { undoLastChange } from "./undo-operation";

let database: TestDatabase;
let editor: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor");
});
afterAll(async () => database?.drop());

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

async function measure(label: string, workId: string, rowIndex: number) {
  const rowId = (await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } }))[rowIndex].id;
  const version = async () => (await database.prisma.work.findUniqueOrThrow({ where: { id: workId } })).gridVersion;
  // Each sample is two operations (one and its undo, or confirm and unconfirm): halve it for one.
  const merge = (await median(9, async () => {
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "mergeRows", rowId }, baseVersion: await version() });
    await undoLastChange(database.prisma, workId, editor, await version());
  })) / 2;
  const confirm = (await median(9, async () => {
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId, status: "confirmed" }, baseVersion: await version() });
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId, status: "automatic" }, baseVersion: await version() });
  })) / 2;
  const load = await median(5, () => loadEditorGrid(database.prisma, workId));
  const rows = await database.prisma.alignmentRow.count({ where: { workId } });
  const segments = await database.prisma.segment.count({ where: { workId } });
  console.log(`${label} (${rows} rows, ${segments} segments): merge or its undo ${merge.toFixed(1)} ms, confirm or unconfirm ${confirm.toFixed(1)} ms, load the editor grid ${load.toFixed(1)} ms`);
  return { merge, confirm, load };
}

describe("operation time", () => {
  it("is well under a second on the demo grid", async () => {
    const { workId } = await seedDemo(database.prisma, path.join(projectRoot, "data", "thirst-for-power"));
    const { merge, confirm } = await measure("demo grid", workId, 5);
    expect(merge).toBeLessThan(1000);
    expect(confirm).toBeLessThan(1000);
  });

  it("is well under a second on a 2,000-row grid of five editions", { timeout: 300_000 }, async () => {
    const workId = await createLargeWork(database.prisma, "two-thousand", ["ru", "fr", "es", "it", "en"], 2000);
    const { merge, confirm } = await measure("2,000-row grid", workId, 1000);
    expect(merge).toBeLessThan(1000);
    expect(confirm).toBeLessThan(1000);
  });
});
