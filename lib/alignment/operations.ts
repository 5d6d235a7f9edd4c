/**
 * Edits of the alignment grid as pure functions. `applyOperation` applies one operation and returns
 * the new state with the operation that undoes it; it throws a GridOperationError, leaving its
 * input untouched, when the operation does not apply. Inputs are never mutated; rows an operation
 * does not touch are shared between the old and the new grid.
 */
import { checkGridInvariant } from "./grid";
import { moveCellDown, moveCellUp, popDown, shiftUp } from "./operations/cells";
import { deleteEmptyCell, insertEmptyCell } from "./operations/columns";
import { mergeRows, splitRow } from "./operations/rows";
import { mergeSegments, splitSegment } from "./operations/segments";
import { confirmUpTo, restoreStatuses, setStatus } from "./operations/statuses";
import { GridOperationError, type GridOperation, type GridState, type OperationResult } from "./operations/types";

export { GridOperationError } from "./operations/types";
export type {
  GridOperation,
  GridOperationErrorCode,
  GridOperationType,
  GridState,
  OperationResult,
  RowMeta,
} from "./operations/types";

export interface ApplyOptions {
  /** Check the grid invariant on the result and refuse the operation if it fails (default true). */
  checkInvariant?: boolean;
}

export function applyOperation(state: GridState, op: GridOperation, options: ApplyOptions = {}): OperationResult {
  const result = dispatch(state, op);
  if (options.checkInvariant !== false) {
    const violations = checkGridInvariant(result.state.grid, result.state.segments);
    if (violations.length > 0) {
      const wasBroken = checkGridInvariant(state.grid, state.segments).length > 0;
      throw new GridOperationError(
        "invariant-violated",
        (wasBroken ? `The grid was already inconsistent before the ${op.type} operation: ` : `The ${op.type} operation would break the grid: `) +
          violations
            .slice(0, 5)
            .map((v) => v.message)
            .join(" "),
      );
    }
  }
  return result;
}

export interface SequenceResult {
  state: GridState;
  /** Apply these in order to undo the whole sequence (the inverses, last operation's first). */
  inverses: GridOperation[];
  /** Every row touched by any of the operations, each once, in order of first touch. */
  touchedRowIds: string[];
}

/** Applies the operations in order; all or nothing (a refusal throws and nothing is returned). */
export function applyOperations(state: GridState, ops: readonly GridOperation[], options: ApplyOptions = {}): SequenceResult {
  let current = state;
  const inverses: GridOperation[] = [];
  const touched = new Set<string>();
  for (const op of ops) {
    const result = applyOperation(current, op, options);
    current = result.state;
    inverses.unshift(result.inverse);
    for (const id of result.touchedRowIds) touched.add(id);
  }
  return { state: current, inverses, touchedRowIds: [...touched] };
}

function dispatch(state: GridState, op: GridOperation): OperationResult {
  switch (op.type) {
    case "mergeRows":
      return mergeRows(state, op);
    case "splitRow":
      return splitRow(state, op);
    case "shiftUp":
      return shiftUp(state, op);
    case "popDown":
      return popDown(state, op);
    case "moveCellUp":
      return moveCellUp(state, op);
    case "moveCellDown":
      return moveCellDown(state, op);
    case "insertEmptyCell":
      return insertEmptyCell(state, op);
    case "deleteEmptyCell":
      return deleteEmptyCell(state, op);
    case "setStatus":
      return setStatus(state, op);
    case "confirmUpTo":
      return confirmUpTo(state, op);
    case "restoreStatuses":
      return restoreStatuses(state, op);
    case "splitSegment":
      return splitSegment(state, op);
    case "mergeSegments":
      return mergeSegments(state, op);
    default:
      throw new GridOperationError("unknown-operation", `Unknown grid operation "${(op as { type?: unknown }).type}".`);
  }
}
