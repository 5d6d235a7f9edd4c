/** fast-check generators of valid grids and of operations against them, for the property tests. */
import fc from "fast-check";
import { cellOf, type EditionSegments, type Grid, type GridRow, type RowStatus } from "./grid";
import type { GridOperation, GridState } from "./operations";

/** A valid grid in normal form: 1–4 editions of 0–8 segments each, partitioned into rows. */
export const gridStateArbitrary: fc.Arbitrary<GridState> = fc
  .integer({ min: 1, max: 4 })
  .chain((editionCount) => {
    const editionIds = Array.from({ length: editionCount }, (_, i) => `ed${i}`);
    return fc.record({
      editionIds: fc.constant(editionIds),
      rowCount: fc.integer({ min: 1, max: 8 }),
      rowSlots: fc.tuple(...editionIds.map(() => fc.array(fc.nat(), { maxLength: 8 }))),
      metas: fc.array(
        fc.record({
          status: fc.constantFrom<RowStatus>("automatic", "confirmed"),
          confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        }),
        { minLength: 8, maxLength: 8 },
      ),
    });
  })
  .map(({ editionIds, rowCount, rowSlots, metas }) => {
    const segments: EditionSegments = {};
    const rows: GridRow[] = Array.from({ length: rowCount }, (_, r) => ({
      id: `r${r}`,
      cells: Object.fromEntries(editionIds.map((e) => [e, [] as string[]])),
      ...metas[r],
    }));
    editionIds.forEach((e, k) => {
      const slots = rowSlots[k].map((n) => n % rowCount).sort((a, b) => a - b);
      segments[e] = slots.map((_, i) => `${e}s${i}`);
      slots.forEach((r, i) => rows[r].cells[e].push(segments[e][i]));
    });
    const grid: Grid = { editionIds, rows: rows.filter((row) => editionIds.some((e) => row.cells[e].length > 0)) };
    return { grid, segments };
  });

/**
 * A recipe for one operation, turned into a concrete operation against whatever state it meets, so
 * that random sequences stay mostly applicable. Some recipes name unknown rows or editions on purpose.
 */
export interface OperationRecipe {
  kind: number;
  row: number;
  edition: number;
  count: number;
  splits: number[];
  flag: boolean;
  bogus: number;
}

export const recipeArbitrary: fc.Arbitrary<OperationRecipe> = fc.record({
  kind: fc.nat(),
  row: fc.nat(),
  edition: fc.nat(),
  count: fc.integer({ min: 0, max: 4 }),
  splits: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  flag: fc.boolean(),
  bogus: fc.integer({ min: 0, max: 29 }),
});

/** Concrete operation for `recipe`; `freshId` supplies ids never used before. */
export function operationFromRecipe(state: GridState, recipe: OperationRecipe, freshId: () => string): GridOperation {
  const { grid, segments } = state;
  const row = grid.rows.length > 0 ? grid.rows[recipe.row % grid.rows.length] : undefined;
  const rowId = recipe.bogus === 0 || row === undefined ? "no-such-row" : row.id;
  const editionId = recipe.bogus === 1 ? "no-such-edition" : grid.editionIds[recipe.edition % grid.editionIds.length];
  const cellLength = row === undefined ? 0 : cellOf(row, editionId).length;
  const count = recipe.count === 0 ? undefined : recipe.count;
  const segmentList = segments[editionId] ?? [];
  const segmentId = segmentList.length > 0 ? segmentList[recipe.row % segmentList.length] : "no-such-segment";

  switch (recipe.kind % 14) {
    case 0:
      return { type: "mergeRows", rowId, ...(recipe.flag ? { keep: "next" } : {}) };
    case 1: {
      const at = Object.fromEntries(
        grid.editionIds.map((e, i) => [e, row === undefined ? 0 : recipe.splits[i] % (cellOf(row, e).length + 1)]),
      );
      return { type: "splitRow", rowId, at, newRowId: freshId(), newRowBefore: recipe.flag };
    }
    case 2:
      return { type: "shiftUp", rowId, editionId, ...(count === undefined ? {} : { count }) };
    case 3:
      return { type: "popDown", rowId, editionId, newRowId: freshId(), ...(count === undefined ? {} : { count }) };
    case 4:
      return { type: "moveCellUp", rowId, editionId };
    case 5:
      return { type: "moveCellDown", rowId, editionId };
    case 6:
      return { type: "insertEmptyCell", rowId, editionId, newRowId: freshId() };
    case 7: {
      const withEmptyCell = grid.rows.filter((r) => cellOf(r, editionId).length === 0);
      const target = recipe.bogus === 0 || withEmptyCell.length === 0 ? rowId : withEmptyCell[recipe.row % withEmptyCell.length].id;
      return { type: "deleteEmptyCell", rowId: target, editionId };
    }
    case 8:
      return { type: "setStatus", rowId, status: recipe.flag ? "confirmed" : "automatic" };
    case 9:
      return { type: "confirmUpTo", rowId };
    case 10:
      return { type: "splitSegment", editionId, segmentId, newSegmentId: recipe.bogus === 2 ? segmentId : freshId() };
    case 11:
      return { type: "mergeSegments", editionId, segmentId };
    case 12:
      return { type: "popDown", rowId, editionId, count: Math.max(1, cellLength), newRowId: freshId() };
    default:
      return { type: "restoreStatuses", rows: row === undefined ? [] : [{ rowId, status: "confirmed", confidence: recipe.flag ? 0.5 : null }] };
  }
}

/** Freezes a value and everything it holds, so that any mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
