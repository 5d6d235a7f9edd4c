/**
 * The property tests of lib/alignment/operations.test.ts, run through the data layer against PostgreSQL:
 * random sequences of editors' operations (and text corrections) keep the grid invariant, refusals change
 * nothing, undoing everything gives back the exact starting state, and redoing everything the final one.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { checkGridInvariant, cellOf } from "../../alignment/grid";
import { gridStateArbitrary, recipeArbitrary, operationFromRecipe, type OperationRecipe } from "../../alignment/grid.arbitraries";
import { GridOperationError, type GridOperation, type GridState } from "../../alignment/operations";
import { DomainError } from "../errors";
import { applyEditorOperation } from "./apply-operation";
import { editSegmentText } from "./edit-segment-text";
import { createActor, createWork, snapshotWork, type WorkSpec } from "./grid.fixtures";
import { loadGridState } from "./load-grid-state";
import { OperationRequestSchema, type EditorOperation } from "./operation-request";
import type { Actor } from "./types";
import { redoLastUndo, undoLastChange } from "./undo-operation";

let database: TestDatabase;
let editor: Actor;
let runs = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await createActor(database.prisma, "editor");
});
afterAll(async () => database?.drop());

const LANGUAGES = ["ru", "fr", "es", "it"];

/** A work laid out like a random grid of the pure tests (editions without segments left out). */
function specOf(state: GridState, slug: string): WorkSpec | null {
  const editions = state.grid.editionIds.filter((e) => state.segments[e].length > 0);
  if (editions.length === 0) return null;
  const lang = (e: string) => LANGUAGES[state.grid.editionIds.indexOf(e)];
  return {
    slug,
    editions: Object.fromEntries(editions.map((e) => [lang(e), state.segments[e].map((_, i) => `${lang(e)} words ${i + 1} of this sentence.`)])),
    rows: state.grid.rows
      .map((row) => Object.fromEntries(editions.map((e) => [lang(e), cellOf(row, e).length])))
      .filter((counts) => Object.values(counts).some((n) => n > 0)),
  };
}

/** What an editor would ask for to make the pure operation (the server picks new ids itself). */
function editorOperation(op: GridOperation, recipe: OperationRecipe): EditorOperation | null {
  switch (op.type) {
    case "mergeRows":
      return { type: op.type, rowId: op.rowId };
    case "splitRow":
      return { type: op.type, rowId: op.rowId, at: op.at };
    case "shiftUp":
    case "popDown":
      return { type: op.type, rowId: op.rowId, editionId: op.editionId, ...(op.count === undefined ? {} : { count: op.count }) };
    case "moveCellUp":
    case "moveCellDown":
    case "insertEmptyCell":
    case "deleteEmptyCell":
      return { type: op.type, rowId: op.rowId, editionId: op.editionId };
    case "setStatus":
      return { type: op.type, rowId: op.rowId, status: op.status };
    case "confirmUpTo":
      return { type: op.type, rowId: op.rowId };
    case "splitSegment":
      return { type: op.type, segmentId: op.segmentId, offset: 3 + recipe.count * 5 };
    case "mergeSegments":
      return { type: op.type, segmentId: op.segmentId };
    case "restoreStatuses":
      return null;
  }
}

function isRefusal(error: unknown): boolean {
  return error instanceof GridOperationError || error instanceof DomainError;
}

async function currentVersion(workId: string): Promise<number> {
  return (await database.prisma.work.findUniqueOrThrow({ where: { id: workId } })).gridVersion;
}

async function step(workId: string, recipe: OperationRecipe): Promise<"applied" | "refused" | "skipped"> {
  const { state } = await database.prisma.$transaction((tx) => loadGridState(tx, workId));
  const baseVersion = await currentVersion(workId);
  try {
    if (recipe.kind % 16 >= 14) {
      const ids = Object.values(state.segments).flat();
      const segment = await database.prisma.segment.findUniqueOrThrow({ where: { id: ids[recipe.row % ids.length] } });
      await editSegmentText(database.prisma, workId, editor, segment.id, { text: `${segment.text} (corrected)`, reason: "property test", baseVersion: segment.version });
      return "applied";
    }
    let n = 0;
    const op = editorOperation(operationFromRecipe(state, recipe, () => `new-${++n}`), recipe);
    const request = OperationRequestSchema.safeParse({ op, baseVersion });
    if (op === null || !request.success) return "skipped";
    await applyEditorOperation(database.prisma, workId, editor, request.data);
    return "applied";
  } catch (error) {
    if (isRefusal(error)) return "refused";
    throw error;
  }
}

async function repeat(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  for (;;) {
    try {
      await run();
      count += 1;
    } catch (error) {
      if (error instanceof DomainError && /nothing of yours/.test(error.message)) return count;
      throw error;
    }
  }
}

it("random operations keep the invariant, refusals change nothing, undo all restores the start and redo all the end", { timeout: 600_000 }, async () => {
  const tally = { applied: 0, refused: 0, skipped: 0 };
  await fc.assert(
    fc.asyncProperty(gridStateArbitrary, fc.array(recipeArbitrary, { minLength: 1, maxLength: 12 }), async (pure, recipes) => {
      const spec = specOf(pure, `property-${++runs}`);
      fc.pre(spec !== null);
      const { workId } = await createWork(database.prisma, spec!);
      const start = await snapshotWork(database.prisma, workId);
      let applied = 0;
      for (const recipe of recipes) {
        const before = await snapshotWork(database.prisma, workId);
        const outcome = await step(workId, recipe);
        tally[outcome] += 1;
        const { state } = await database.prisma.$transaction((tx) => loadGridState(tx, workId));
        expect(checkGridInvariant(state.grid, state.segments)).toEqual([]);
        if (outcome === "applied") applied += 1;
        else expect(await snapshotWork(database.prisma, workId)).toEqual(before);
      }
      const end = await snapshotWork(database.prisma, workId);
      const undone = await repeat(async () => undoLastChange(database.prisma, workId, editor, await currentVersion(workId)));
      expect(undone).toBe(applied);
      const restored = await snapshotWork(database.prisma, workId);
      expect(restored.grid).toEqual(start.grid);
      expect(restored.segments).toEqual(start.segments);
      expect(restored.lineage).toEqual(start.lineage);
      const redone = await repeat(async () => redoLastUndo(database.prisma, workId, editor, await currentVersion(workId)));
      expect(redone).toBe(applied);
      const again = await snapshotWork(database.prisma, workId);
      expect({ ...again, revisions: [] }).toEqual({ ...end, revisions: [] });
    }),
    { numRuns: 25 },
  );
  // Not vacuous: most operations applied, of most kinds (13 kinds of change, plus undo and redo).
  expect(tally.applied).toBeGreaterThan(tally.refused / 2);
  const kinds = await database.prisma.gridOperation.findMany({ distinct: ["kind"], select: { kind: true } });
  expect(kinds.length).toBeGreaterThanOrEqual(12);
});
