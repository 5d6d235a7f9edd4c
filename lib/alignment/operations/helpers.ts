/** Lookups, refusals and the common finishing step shared by the grid operations. */
import { cellOf, describeRow, isRowEmpty, type Grid, type GridRow } from "../grid";
import { GridOperationError, type GridOperation, type GridState, type OperationResult, type RowMeta } from "./types";

export const HAND_MADE: RowMeta = { status: "automatic", confidence: null };

/** Index of the row, or a refusal naming the missing id. */
export function requireRow(grid: Grid, rowId: string): number {
  const index = grid.rows.findIndex((r) => r.id === rowId);
  if (index < 0) throw new GridOperationError("unknown-row", `There is no row with id "${rowId}".`);
  return index;
}

export function requireEdition(grid: Grid, editionId: string): void {
  if (!grid.editionIds.includes(editionId)) {
    throw new GridOperationError("unknown-edition", `Edition "${editionId}" is not one of the grid's editions (${grid.editionIds.join(", ")}).`);
  }
}

export function requireFreshRowId(grid: Grid, rowId: string | undefined, purpose: string): string {
  if (rowId === undefined || rowId === "") {
    throw new GridOperationError("missing-new-row-id", `${purpose} creates a row, so it needs an id for the new row.`);
  }
  const index = grid.rows.findIndex((r) => r.id === rowId);
  if (index >= 0) {
    throw new GridOperationError("row-id-taken", `The new row's id "${rowId}" is already used by ${describeRow(index, rowId)}.`);
  }
  return rowId;
}

/** A whole number of segments between 1 and the cell's length; defaults to 1. */
export function requireCount(count: number | undefined, cellLength: number, where: string): number {
  const n = count ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > cellLength) {
    throw new GridOperationError("invalid-count", `Cannot move ${n} segment(s) from ${where}: it holds ${cellLength}.`);
  }
  return n;
}

/** `row` label for messages, capitalised for the start of a sentence. */
export function rowLabel(grid: Grid, index: number): string {
  const text = describeRow(index, grid.rows[index].id);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A new row object in normal form (a cell for every edition), with some cells replaced. */
export function withCells(row: GridRow, editionIds: readonly string[], changes: Record<string, readonly string[]>): GridRow {
  const cells: Record<string, string[]> = {};
  for (const e of editionIds) cells[e] = [...(Object.hasOwn(changes, e) ? changes[e] : cellOf(row, e))];
  return { ...row, cells };
}

/** A new row with the given cells (empty elsewhere), hand-made until `finishRowEdit` says otherwise. */
export function newRow(id: string, editionIds: readonly string[], cells: Record<string, readonly string[]>): GridRow {
  return withCells({ id, cells: {}, ...HAND_MADE }, editionIds, cells);
}

function sameCells(a: GridRow, b: GridRow, editionIds: readonly string[]): boolean {
  return editionIds.every((e) => {
    const x = cellOf(a, e);
    const y = cellOf(b, e);
    return x.length === y.length && x.every((s, i) => s === y[i]);
  });
}

function sameMeta(a: RowMeta, b: RowMeta): boolean {
  return a.status === b.status && a.confidence === b.confidence;
}

/**
 * Completes an operation that changes cells: finds the touched rows, gives them their status and
 * confidence (hand-made, or `op.rowMeta`), refuses a result with no change or with a row empty
 * everywhere, and attaches to `inverse` the statuses that bring the touched rows back.
 */
export function finishRowEdit(
  state: GridState,
  op: Extract<GridOperation, { rowMeta?: unknown }>,
  rows: GridRow[],
  inverse: Extract<GridOperation, { rowMeta?: unknown }>,
): OperationResult {
  const { grid } = state;
  const before = new Map(grid.rows.map((r) => [r.id, r]));
  const after = new Set(rows.map((r) => r.id));
  const changed = new Set<string>();

  const finalRows = rows.map((row) => {
    const old = before.get(row.id);
    if (old !== undefined && (old === row || sameCells(old, row, grid.editionIds))) return old;
    changed.add(row.id);
    return row;
  });
  const removed = grid.rows.filter((r) => !after.has(r.id)).map((r) => r.id);
  if (changed.size === 0 && removed.length === 0) {
    throw new GridOperationError("no-change", `The ${op.type} operation would not change the grid.`);
  }
  const emptyIndex = finalRows.findIndex((r) => isRowEmpty(r, grid.editionIds));
  if (emptyIndex >= 0) {
    throw new GridOperationError("would-empty-row", `The ${op.type} operation would leave ${describeRow(emptyIndex, finalRows[emptyIndex].id)} empty in every edition.`);
  }

  const rowMeta = op.rowMeta ?? {};
  for (const rowId of Object.keys(rowMeta)) {
    if (!changed.has(rowId)) {
      throw new GridOperationError("invalid-row-meta", `The ${op.type} operation gives a status to row "${rowId}", which it does not change.`);
    }
  }

  const inverseMeta: Record<string, RowMeta> = {};
  const metaRows = finalRows.map((row) => {
    if (!changed.has(row.id)) return row;
    const old = before.get(row.id);
    if (old !== undefined && !sameMeta(old, HAND_MADE)) inverseMeta[row.id] = { status: old.status, confidence: old.confidence };
    const meta = Object.hasOwn(rowMeta, row.id) ? rowMeta[row.id] : HAND_MADE;
    return { ...row, status: meta.status, confidence: meta.confidence };
  });
  for (const rowId of removed) {
    const old = before.get(rowId)!;
    if (!sameMeta(old, HAND_MADE)) inverseMeta[rowId] = { status: old.status, confidence: old.confidence };
  }

  return {
    state: { grid: { editionIds: grid.editionIds, rows: metaRows }, segments: state.segments },
    inverse: Object.keys(inverseMeta).length > 0 ? { ...inverse, rowMeta: inverseMeta } : inverse,
    touchedRowIds: [...finalRows.filter((r) => changed.has(r.id)).map((r) => r.id), ...removed],
  };
}
