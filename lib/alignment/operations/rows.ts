/** Merging a row with the next and splitting a row in two, across all editions at once. */
import { cellOf, describeRow, type GridRow } from "../grid";
import { finishRowEdit, newRow, requireEdition, requireFreshRowId, requireRow, rowLabel, withCells } from "./helpers";
import { GridOperationError, type GridOperation, type GridState, type OperationResult } from "./types";

type MergeRows = Extract<GridOperation, { type: "mergeRows" }>;
type SplitRow = Extract<GridOperation, { type: "splitRow" }>;

export function mergeRows(state: GridState, op: MergeRows): OperationResult {
  const { grid } = state;
  const index = requireRow(grid, op.rowId);
  if (index === grid.rows.length - 1) {
    throw new GridOperationError("no-next-row", `${rowLabel(grid, index)} is the last row: there is no next row to merge it with.`);
  }
  const first = grid.rows[index];
  const second = grid.rows[index + 1];
  const keepNext = op.keep === "next";
  const cells = Object.fromEntries(grid.editionIds.map((e) => [e, [...cellOf(first, e), ...cellOf(second, e)]]));
  const merged = newRow(keepNext ? second.id : first.id, grid.editionIds, cells);
  const rows = [...grid.rows.slice(0, index), merged, ...grid.rows.slice(index + 2)];

  const at = Object.fromEntries(grid.editionIds.map((e) => [e, cellOf(first, e).length]));
  const inverse: SplitRow = keepNext
    ? { type: "splitRow", rowId: second.id, at, newRowId: first.id, newRowBefore: true }
    : { type: "splitRow", rowId: first.id, at, newRowId: second.id };
  return finishRowEdit(state, op, rows, inverse);
}

export function splitRow(state: GridState, op: SplitRow): OperationResult {
  const { grid } = state;
  const index = requireRow(grid, op.rowId);
  const newRowId = requireFreshRowId(grid, op.newRowId, "Splitting a row");
  const row = grid.rows[index];
  for (const [editionId, at] of Object.entries(op.at)) {
    requireEdition(grid, editionId);
    const length = cellOf(row, editionId).length;
    if (!Number.isInteger(at) || at < 0 || at > length) {
      throw new GridOperationError(
        "invalid-split-point",
        `${rowLabel(grid, index)} cannot be split after ${at} segment(s) of edition "${editionId}": its cell holds ${length}.`,
      );
    }
  }

  const firstCells: Record<string, string[]> = {};
  const secondCells: Record<string, string[]> = {};
  for (const e of grid.editionIds) {
    const cell = cellOf(row, e);
    const at = Object.hasOwn(op.at, e) ? op.at[e] : cell.length;
    firstCells[e] = cell.slice(0, at);
    secondCells[e] = cell.slice(at);
  }
  for (const [part, cells] of [["first", firstCells], ["second", secondCells]] as const) {
    if (Object.values(cells).every((c) => c.length === 0)) {
      throw new GridOperationError(
        "would-empty-row",
        `Splitting ${describeRow(index, row.id)} this way would leave its ${part} part empty in every edition; put at least one segment in each part.`,
      );
    }
  }

  const parts: GridRow[] = op.newRowBefore
    ? [newRow(newRowId, grid.editionIds, firstCells), withCells(row, grid.editionIds, secondCells)]
    : [withCells(row, grid.editionIds, firstCells), newRow(newRowId, grid.editionIds, secondCells)];
  const rows = [...grid.rows.slice(0, index), ...parts, ...grid.rows.slice(index + 1)];
  const inverse: MergeRows = op.newRowBefore
    ? { type: "mergeRows", rowId: newRowId, keep: "next" }
    : { type: "mergeRows", rowId: row.id };
  return finishRowEdit(state, op, rows, inverse);
}
