import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, tableContents, type TestDatabase } from "../../../test/database";
import { checkGridInvariant } from "../../alignment/grid";
import { demoCorpusDir } from "../boot";
import { seedDemo } from "../demo/seed-demo";
import { DomainError } from "../errors";
import { applyEditorOperation } from "../grid/apply-operation";
import { undoLastChange } from "../grid/undo-operation";
import { createActor, createWork } from "../grid/grid.fixtures";
import { loadGridState } from "../grid/load-grid-state";
import type { Actor } from "../grid/types";
import { alignWork } from "./align-work";
import { loadAlignmentInput } from "./load-alignment-input";

let database: TestDatabase;
let editor: Actor;
let workId: string;
let editionIds: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor");
  ({ workId } = await seedDemo(database.prisma, demoCorpusDir));
  const editions = await database.prisma.edition.findMany({ where: { workId }, select: { id: true, slug: true } });
  editionIds = Object.fromEntries(editions.map((e) => [e.slug, e.id]));
});
afterAll(async () => database?.drop());

async function grid() {
  return (await database.prisma.$transaction((tx) => loadGridState(tx, workId))).state;
}

async function version() {
  return (await database.prisma.work.findUniqueOrThrow({ where: { id: workId } })).gridVersion;
}

async function rowsById() {
  const state = await grid();
  return new Map(state.grid.rows.map((row) => [row.id, row]));
}

describe("aligning the demo work", () => {
  it("gives the aligner the segments without note references and with their paragraph numbers", async () => {
    const withNotes = await database.prisma.segment.findMany({ where: { workId, text: { contains: "[^" } }, select: { id: true, editionId: true, paragraph: true } });
    expect(withNotes.length).toBeGreaterThan(0);
    const input = await loadAlignmentInput(database.prisma, workId);
    for (const segment of withNotes) {
      const text = input.editions.find((e) => e.id === segment.editionId)!.text;
      const index = text.segmentIds.indexOf(segment.id);
      expect(text.segments[index].text).not.toContain("[^");
      expect(text.segments[index].paragraph).toBe(segment.paragraph);
    }
  });

  it("aligns every edition against the pivot into automatic rows, each with the aligner's confidence", async () => {
    const before = await version();
    const result = await alignWork(database.prisma, workId, { mode: "align" });
    const state = await grid();
    expect(checkGridInvariant(state.grid, state.segments)).toEqual([]);
    expect(state.grid.editionIds.sort()).toEqual(Object.values(editionIds).sort());
    expect(state.grid.rows).toHaveLength(result.rows);
    expect(state.grid.rows.every((row) => row.status === "automatic" && row.confidence !== null && row.confidence >= 0 && row.confidence <= 1)).toBe(true);
    expect(result.pivotEditionId).toBe(editionIds.en);
    expect(await version()).toBe(before + 1);
    const pivotCells = state.grid.rows.map((row) => row.cells[editionIds.en].length);
    expect(pivotCells.filter((n) => n === 1).length).toBeGreaterThan(state.grid.rows.length / 2);
  });

  it("re-aligns only between confirmed rows: they keep their id, cells and status, and a variant and a bookmark on a replaced row follow its text", async () => {
    const start = await grid();
    const ids = start.grid.rows.map((row) => row.id);
    for (const index of [2, 10, 30]) {
      await applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId: ids[index], status: "confirmed" }, baseVersion: await version() });
    }
    /* Rows 21 and 22 merged by hand: a row the aligner does not make, so re-aligning replaces it. */
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "mergeRows", rowId: ids[20] }, baseVersion: await version() });
    const merged = (await rowsById()).get(ids[20])!;
    const firstPivotSegment = merged.cells[editionIds.en][0];
    const variant = await database.prisma.variant.create({ data: { workId, rowId: merged.id, category: "omission", note: "The French leaves out a clause." } });
    const onConfirmed = await database.prisma.variant.create({ data: { workId, rowId: ids[10], category: "other", note: "On a confirmed row." } });
    await database.prisma.bookmark.create({ data: { userId: editor.id, rowId: merged.id } });
    const confirmedBefore = (await grid()).grid.rows.filter((row) => row.status === "confirmed");
    expect(confirmedBefore).toHaveLength(3);

    const result = await alignWork(database.prisma, workId, { mode: "realign" });

    const after = await grid();
    expect(checkGridInvariant(after.grid, after.segments)).toEqual([]);
    const afterById = new Map(after.grid.rows.map((row) => [row.id, row]));
    for (const row of confirmedBefore) expect(afterById.get(row.id)).toEqual(row);
    const confirmedOrder = after.grid.rows.filter((row) => row.status === "confirmed").map((row) => row.id);
    expect(confirmedOrder).toEqual(confirmedBefore.map((row) => row.id));
    expect(result.keptConfirmed).toBe(3);

    expect(afterById.has(merged.id)).toBe(false);
    const moved = await database.prisma.variant.findUniqueOrThrow({ where: { id: variant.id } });
    expect(afterById.get(moved.rowId)!.cells[editionIds.en]).toContain(firstPivotSegment);
    expect(result.movedVariants).toBe(1);
    expect(await database.prisma.bookmark.findMany({ where: { userId: editor.id }, select: { rowId: true } })).toEqual([{ rowId: moved.rowId }]);
    expect(result.movedBookmarks).toBe(1);
    expect((await database.prisma.variant.findUniqueOrThrow({ where: { id: onConfirmed.id } })).rowId).toBe(ids[10]);
  });

  it("aligns to another pivot when asked and makes it the work's pivot", async () => {
    await alignWork(database.prisma, workId, { mode: "realign", pivotEditionId: editionIds.en });
    const work = await database.prisma.work.findUniqueOrThrow({ where: { id: workId } });
    expect(work.pivotEditionId).toBe(editionIds.en);
    const state = await grid();
    expect(checkGridInvariant(state.grid, state.segments)).toEqual([]);
    expect(state.grid.rows.filter((row) => row.status === "confirmed")).toHaveLength(3);
  });

  it("aligns again from the new grid when an editor changed it while the aligner was running", async () => {
    const rows = (await grid()).grid.rows;
    const target = rows.find((row) => row.status === "automatic")!;
    let changed = false;
    const result = await alignWork(database.prisma, workId, {
      mode: "realign",
      onProgress: async (done) => {
        if (changed || done < 0.5) return;
        changed = true;
        await applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId: target.id, status: "confirmed" }, baseVersion: await version() });
      },
    });
    expect(result.attempts).toBe(2);
    const after = await rowsById();
    expect(after.get(target.id)).toMatchObject({ status: "confirmed", cells: target.cells });
  });
});

async function latestEntry() {
  return database.prisma.gridOperation.findFirstOrThrow({ where: { workId }, orderBy: { gridVersion: "desc" } });
}

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("the journal of alignment runs", () => {
  it("records an alignment under the one version it produces, with who ran it, and it cannot be undone", async () => {
    const before = await version();
    const result = await alignWork(database.prisma, workId, { mode: "align", actor: editor, runId: "run-1" });
    const entry = await latestEntry();
    expect(await version()).toBe(before + 1);
    expect(result.gridVersion).toBe(before + 1);
    expect(entry).toMatchObject({ kind: "align", userId: editor.id, gridVersion: before + 1, inverse: { type: "none" }, undoneAt: null });
    expect((entry.payload as { summary: string }).summary).toMatch(/^Aligned the work automatically to “\w+” \(\d+ rows, \d+ of them confirmed and kept\)$/);
    expect(await database.prisma.gridSnapshot.count({ where: { operationId: entry.id } })).toBe(1);
  });

  it("records a re-alignment; the editor's undo right after it is refused and changes nothing", async () => {
    const rows = (await grid()).grid.rows;
    await applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId: rows[5].id, status: "confirmed" }, baseVersion: await version() });
    await alignWork(database.prisma, workId, { mode: "realign", actor: editor });
    const current = await version();
    expect(await latestEntry()).toMatchObject({ kind: "realign", userId: editor.id, gridVersion: current });

    const counts = await tableContents(database.prisma);
    const before = await grid();
    const refused = await refusal(() => undoLastChange(database.prisma, workId, editor, current));
    expect(refused.message).toMatch(/^An alignment run cannot be undone; /);
    expect(await tableContents(database.prisma)).toEqual(counts);
    expect(await grid()).toEqual(before);
    expect(await version()).toBe(current);
  });

  it("refuses as stale a write based on the version before a re-alignment, even on a row the run kept", async () => {
    const rows = (await grid()).grid.rows;
    const confirmed = rows.find((row) => row.status === "confirmed")!;
    const base = await version();
    await alignWork(database.prisma, workId, { mode: "realign", actor: editor });
    const counts = await tableContents(database.prisma);
    const refused = await refusal(() =>
      applyEditorOperation(database.prisma, workId, editor, { op: { type: "setStatus", rowId: confirmed.id, status: "automatic" }, baseVersion: base }),
    );
    expect(refused.code).toBe("stale");
    expect(await tableContents(database.prisma)).toEqual(counts);
  });

  it("journals a run without an actor with no user", async () => {
    await alignWork(database.prisma, workId, { mode: "realign" });
    expect(await latestEntry()).toMatchObject({ kind: "realign", userId: null, gridVersion: await version() });
  });
});

describe("re-aligning a work with an edition outside the grid", () => {
  it("is refused while rows are confirmed, and changes nothing", async () => {
    const small = await createWork(database.prisma, {
      slug: "outside-the-grid",
      editions: { ru: ["Первое.", "Второе."], fr: ["Premier.", "Deuxième."] },
      rows: [{ ru: 1, fr: 1 }, { ru: 1, fr: 1 }],
    });
    await database.prisma.alignmentRow.update({ where: { id: small.rowIds[0] }, data: { status: "confirmed" } });
    await database.prisma.segment.updateMany({ where: { editionId: small.editionIds.fr }, data: { rowId: null } });
    const counts = await tableContents(database.prisma);
    const before = await database.prisma.$transaction((tx) => loadGridState(tx, small.workId));
    await expect(alignWork(database.prisma, small.workId, { mode: "realign" })).rejects.toThrow(/“fr”.*not aligned yet/);
    expect(await tableContents(database.prisma)).toEqual(counts);
    expect(await database.prisma.$transaction((tx) => loadGridState(tx, small.workId))).toEqual(before);
  });
});
