/**
 * Readable grids for example tests. A row is written "id: cell | cell | …" with one cell per edition
 * in the given order, segment ids separated by spaces and "-" for an empty cell.
 */
import { cellOf, type GridRow } from "./grid";
import { applyOperation, GridOperationError, type GridOperation, type GridState, type RowMeta } from "./operations";

/** Status and confidence the example rows get unless `meta` says otherwise: an aligner's row. */
export const ALIGNED: RowMeta = { status: "automatic", confidence: 0.8 };

export function stateOf(editionIds: string[], rows: string[], meta: Record<string, RowMeta> = {}): GridState {
  const gridRows: GridRow[] = rows.map((line) => {
    const [id, body] = line.split(":").map((part) => part.trim());
    const cells = body.split("|").map((cell) => cell.trim());
    if (cells.length !== editionIds.length) throw new Error(`Row "${line}" needs ${editionIds.length} cells.`);
    return {
      id,
      cells: Object.fromEntries(editionIds.map((e, i) => [e, cells[i] === "-" ? [] : cells[i].split(/\s+/)])),
      ...(meta[id] ?? ALIGNED),
    };
  });
  const segments = Object.fromEntries(editionIds.map((e) => [e, gridRows.flatMap((r) => cellOf(r, e))]));
  return { grid: { editionIds, rows: gridRows }, segments };
}

/** The rows of a state in the notation of `stateOf`. */
export function rowsOf(state: GridState): string[] {
  return state.grid.rows.map(
    (row) => `${row.id}: ${state.grid.editionIds.map((e) => (cellOf(row, e).length === 0 ? "-" : cellOf(row, e).join(" "))).join(" | ")}`,
  );
}

/** Each row's id with its status and confidence. */
export function metasOf(state: GridState): Record<string, RowMeta> {
  return Object.fromEntries(state.grid.rows.map((r) => [r.id, { status: r.status, confidence: r.confidence }]));
}

/** The error with which applyOperation refuses `op` (fails the test if it applies). */
export function refusalOf(state: GridState, op: GridOperation): GridOperationError {
  try {
    applyOperation(state, op);
  } catch (error) {
    if (error instanceof GridOperationError) return error;
    throw error;
  }
  throw new Error(`Expected ${op.type} to be refused, but it applied.`);
}
