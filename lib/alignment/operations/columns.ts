/**
 * Shifting one edition's column by a row: insert an empty cell (the cells below move down) or
 * delete an empty cell (the cells below move up). The other editions stay where they are.
 */
import { cellOf, describeRow, isRowEmpty, type GridRow } from "../grid";
import { finishRowEdit, newRow, requireEdition, requireFreshRowId, requireRow, rowLabel, withCells } from "./helpers";
import { GridOperationError, type GridOperation, type GridState, type OperationResult } from "./types";

type InsertEmptyCell = Extract<GridOperation, { type: "insertEmptyCell" }>;
type DeleteEmptyCell = Extract<GridOperation, { type: "deleteEmptyCell" }>;

export function insertEmptyCell(state: GridState, op: InsertEmptyCell): OperationResult {
  const { grid } = state;
  const index = requireRow(grid, op.rowId);
  const e = op.editionId;
  requireEdition(grid, e);
  const column = grid.rows.map((r) => cellOf(r, e));
  refuseNothingBelow(column, index, e, grid.rows[index].id, "inserting an empty cell would change nothing");
  const shifted = (j: number) => (j === index ? [] : column[j - 1]);
  const rows = [...grid.rows.slice(0, index), ...grid.rows.slice(index).map((row, k) => replaceCell(row, grid.editionIds, e, shifted(index + k)))];
  const overflow = column[column.length - 1];
  if (overflow.length > 0) {
    const id = requireFreshRowId(grid, op.newRowId, `Inserting an empty cell pushes the last cell of edition "${e}" into a new row; this`);
    rows.push(newRow(id, grid.editionIds, { [e]: overflow }));
  }
  refuseEmptiedRow(grid.rows, rows, grid.editionIds, `Inserting an empty cell for edition "${e}" in ${describeRow(index, op.rowId)}`);
  return finishRowEdit(state, op, rows, { type: "deleteEmptyCell", rowId: op.rowId, editionId: e });
}

export function deleteEmptyCell(state: GridState, op: DeleteEmptyCell): OperationResult {
  const { grid } = state;
  const index = requireRow(grid, op.rowId);
  const e = op.editionId;
  requireEdition(grid, e);
  const column = grid.rows.map((r) => cellOf(r, e));
  if (column[index].length > 0) {
    throw new GridOperationError(
      "cell-not-empty",
      `${rowLabel(grid, index)} has segments of edition "${e}" (${column[index].join(", ")}); only an empty cell can be deleted.`,
    );
  }
  refuseNothingBelow(column, index, e, grid.rows[index].id, "there is nothing to move up");
  const last = grid.rows.length - 1;
  const rows = [...grid.rows.slice(0, index), ...grid.rows.slice(index).map((row, k) => replaceCell(row, grid.editionIds, e, column[index + k + 1] ?? []))];
  const trailing = rows[last];
  const removedTrailing = isRowEmpty(trailing, grid.editionIds) ? trailing.id : undefined;
  if (removedTrailing !== undefined) rows.pop();
  refuseEmptiedRow(grid.rows, rows, grid.editionIds, `Deleting the empty cell of edition "${e}" in ${describeRow(index, op.rowId)}`);
  return finishRowEdit(state, op, rows, {
    type: "insertEmptyCell",
    rowId: op.rowId,
    editionId: e,
    ...(removedTrailing === undefined ? {} : { newRowId: removedTrailing }),
  });
}

/** The row itself when its cell is unchanged, so untouched rows keep their identity. */
function replaceCell(row: GridRow, editionIds: readonly string[], editionId: string, cell: readonly string[]): GridRow {
  const old = cellOf(row, editionId);
  if (old.length === cell.length && old.every((s, i) => s === cell[i])) return row;
  return withCells(row, editionIds, { [editionId]: cell });
}

function refuseNothingBelow(column: ReadonlyArray<readonly string[]>, index: number, editionId: string, rowId: string, consequence: string): void {
  if (column.slice(index).every((cell) => cell.length === 0)) {
    throw new GridOperationError(
      "no-change",
      `Edition "${editionId}" has no segments from ${describeRow(index, rowId)} down: ${consequence}.`,
    );
  }
}

function refuseEmptiedRow(before: readonly GridRow[], after: readonly GridRow[], editionIds: readonly string[], action: string): void {
  const index = after.findIndex((r) => isRowEmpty(r, editionIds));
  if (index < 0) return;
  const row = after[index];
  const originalIndex = before.findIndex((r) => r.id === row.id);
  throw new GridOperationError(
    "would-empty-row",
    `${action} would leave ${describeRow(originalIndex, row.id)} empty in every edition; move its segments first or merge it with a neighbour.`,
  );
}
