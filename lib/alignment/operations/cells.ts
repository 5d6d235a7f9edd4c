/**
 * Moving segments of one edition's cell into the neighbouring row: shift the first segment(s) up,
 * pop the last segment(s) down, or move the whole cell up or down.
 */
import { cellOf, describeRow, isRowEmpty, type GridRow } from "../grid";
import { finishRowEdit, newRow, requireCount, requireEdition, requireFreshRowId, requireRow, rowLabel, withCells } from "./helpers";
import { GridOperationError, type GridOperation, type GridState, type OperationResult } from "./types";

type ShiftUp = Extract<GridOperation, { type: "shiftUp" }>;
type PopDown = Extract<GridOperation, { type: "popDown" }>;
type MoveCellUp = Extract<GridOperation, { type: "moveCellUp" }>;
type MoveCellDown = Extract<GridOperation, { type: "moveCellDown" }>;
type SplitRow = Extract<GridOperation, { type: "splitRow" }>;

export function shiftUp(state: GridState, op: ShiftUp): OperationResult {
  const { index, cell } = sourceCell(state, op.rowId, op.editionId);
  return moveHeadUp(state, op, index, requireCount(op.count, cell.length, where(state, index, op.editionId)));
}

export function moveCellUp(state: GridState, op: MoveCellUp): OperationResult {
  const { index, cell } = sourceCell(state, op.rowId, op.editionId);
  return moveHeadUp(state, op, index, cell.length);
}

export function popDown(state: GridState, op: PopDown): OperationResult {
  const { index, cell } = sourceCell(state, op.rowId, op.editionId);
  return moveTailDown(state, op, index, requireCount(op.count, cell.length, where(state, index, op.editionId)), op.newRowId);
}

export function moveCellDown(state: GridState, op: MoveCellDown): OperationResult {
  const { index, cell } = sourceCell(state, op.rowId, op.editionId);
  if (index === state.grid.rows.length - 1) {
    throw new GridOperationError("no-next-row", `${rowLabel(state.grid, index)} is the last row: there is no next row to move its cell into.`);
  }
  return moveTailDown(state, op, index, cell.length, undefined);
}

function sourceCell(state: GridState, rowId: string, editionId: string): { index: number; cell: readonly string[] } {
  const index = requireRow(state.grid, rowId);
  requireEdition(state.grid, editionId);
  const cell = cellOf(state.grid.rows[index], editionId);
  if (cell.length === 0) {
    throw new GridOperationError("empty-cell", `${rowLabel(state.grid, index)} has no segment of edition "${editionId}" to move.`);
  }
  return { index, cell };
}

function where(state: GridState, index: number, editionId: string): string {
  return `the cell of edition "${editionId}" in ${describeRow(index, state.grid.rows[index].id)}`;
}

/** The first `count` segments of the cell go to the end of the previous row's cell. */
function moveHeadUp(state: GridState, op: ShiftUp | MoveCellUp, index: number, count: number): OperationResult {
  const { grid } = state;
  const e = op.editionId;
  if (index === 0) {
    throw new GridOperationError("no-previous-row", `${rowLabel(grid, index)} is the first row: there is no previous row to move segments into.`);
  }
  const row = grid.rows[index];
  const previous = grid.rows[index - 1];
  const cell = cellOf(row, e);
  const newPrevious = withCells(previous, grid.editionIds, { [e]: [...cellOf(previous, e), ...cell.slice(0, count)] });
  const rest = withCells(row, grid.editionIds, { [e]: cell.slice(count) });
  const restIsEmpty = isRowEmpty(rest, grid.editionIds);
  const rows = [...grid.rows.slice(0, index - 1), newPrevious, ...(restIsEmpty ? [] : [rest]), ...grid.rows.slice(index + 1)];

  let inverse: PopDown | SplitRow;
  if (restIsEmpty) {
    const at = Object.fromEntries(grid.editionIds.map((ed) => [ed, cellOf(newPrevious, ed).length - (ed === e ? count : 0)]));
    inverse = { type: "splitRow", rowId: previous.id, at, newRowId: row.id };
  } else {
    inverse = { type: "popDown", rowId: previous.id, editionId: e, ...(count === 1 ? {} : { count }) };
  }
  return finishRowEdit(state, op, rows, inverse);
}

/** The last `count` segments of the cell go to the start of the next row's cell (or a new last row). */
function moveTailDown(
  state: GridState,
  op: PopDown | MoveCellDown,
  index: number,
  count: number,
  newRowId: string | undefined,
): OperationResult {
  const { grid } = state;
  const e = op.editionId;
  const row = grid.rows[index];
  const cell = cellOf(row, e);
  const moved = cell.slice(cell.length - count);
  const rest = withCells(row, grid.editionIds, { [e]: cell.slice(0, cell.length - count) });
  const restIsEmpty = isRowEmpty(rest, grid.editionIds);
  const countField = count === 1 ? {} : { count };

  if (index === grid.rows.length - 1) {
    const id = requireFreshRowId(grid, newRowId, `Popping segments down from the last row, ${describeRow(index, row.id)},`);
    if (restIsEmpty) {
      throw new GridOperationError(
        "no-change",
        `${rowLabel(grid, index)} holds nothing else: popping these segments down would only move the whole row into a new one.`,
      );
    }
    const rows = [...grid.rows.slice(0, index), rest, newRow(id, grid.editionIds, { [e]: moved })];
    return finishRowEdit(state, op, rows, { type: "shiftUp", rowId: id, editionId: e, ...countField });
  }

  const next = grid.rows[index + 1];
  const newNext: GridRow = withCells(next, grid.editionIds, { [e]: [...moved, ...cellOf(next, e)] });
  const rows = [...grid.rows.slice(0, index), ...(restIsEmpty ? [] : [rest]), newNext, ...grid.rows.slice(index + 2)];
  let inverse: ShiftUp | SplitRow;
  if (restIsEmpty) {
    const at = Object.fromEntries(grid.editionIds.map((ed) => [ed, ed === e ? count : 0]));
    inverse = { type: "splitRow", rowId: next.id, at, newRowId: row.id, newRowBefore: true };
  } else {
    inverse = { type: "shiftUp", rowId: next.id, editionId: e, ...countField };
  }
  return finishRowEdit(state, op, rows, inverse);
}
