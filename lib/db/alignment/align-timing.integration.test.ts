/**
 * How long aligning a work takes end to end (read the texts, align every edition with the pivot, merge, write in
 * one transaction, check the grid): the demo work, and a synthetic 2,000-sentence work of five editions. Prints
 * the times; fails only when aligning gets slow enough to worry about.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { checkGridInvariant } from "../../alignment/grid";
import { projectRoot } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { loadGridState } from "../grid/load-grid-state";
import { alignWork } from "./align-work";
import { createSyntheticWork } from "./synthetic-work.fixtures";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

async function confirmEvery(workId: string, step: number): Promise<number> {
  const rows = await database.prisma.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
  const chosen = rows.filter((_, i) => i % step === step - 1).map((r) => r.id);
  await database.prisma.alignmentRow.updateMany({ where: { id: { in: chosen } }, data: { status: "confirmed" } });
  return chosen.length;
}

async function timeAlignments(label: string, workId: string, segments: number) {
  const align = await alignWork(database.prisma, workId, { mode: "align" });
  const confirmed = await confirmEvery(workId, 10);
  const realign = await alignWork(database.prisma, workId, { mode: "realign" });
  const { state } = await database.prisma.$transaction((tx) => loadGridState(tx, workId));
  expect(checkGridInvariant(state.grid, state.segments)).toEqual([]);
  console.log(
    `${label} (${segments} segments): align ${align.milliseconds} ms → ${align.rows} rows; ` +
      `re-align around ${confirmed} confirmed rows ${realign.milliseconds} ms → ${realign.rows} rows`,
  );
  return { align, realign };
}

describe("aligning a work", () => {
  it("takes a few seconds at most on the demo work", { timeout: 120_000 }, async () => {
    const { workId } = await seedDemo(database.prisma, path.join(projectRoot, "data", "thirst-for-power"));
    const segments = await database.prisma.segment.count({ where: { workId } });
    const { align, realign } = await timeAlignments("demo work", workId, segments);
    expect(align.milliseconds).toBeLessThan(10_000);
    expect(realign.milliseconds).toBeLessThan(10_000);
  });

  it("takes under a minute on a 2,000-sentence work of five editions", { timeout: 600_000 }, async () => {
    const { workId, segments } = await createSyntheticWork(database.prisma, "two-thousand", ["ru", "fr", "es", "it", "en"], 2000);
    const { align, realign } = await timeAlignments("2,000-sentence work of five editions", workId, segments);
    expect(align.rows).toBeGreaterThan(1900);
    expect(align.milliseconds).toBeLessThan(60_000);
    expect(realign.milliseconds).toBeLessThan(60_000);
  });
});
