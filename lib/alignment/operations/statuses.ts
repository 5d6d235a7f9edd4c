/** Confirming and unconfirming rows. Confidence is never changed by these operations. */
import { describeRow } from "../grid";
import { requireRow, rowLabel } from "./helpers";
import { GridOperationError, type GridOperation, type GridState, type OperationResult, type RowMeta } from "./types";

type SetStatus = Extract<GridOperation, { type: "setStatus" }>;
type ConfirmUpTo = Extract<GridOperation, { type: "confirmUpTo" }>;
type RestoreStatuses = Extract<GridOperation, { type: "restoreStatuses" }>;

export function setStatus(state: GridState, op: SetStatus): OperationResult {
  const { grid } = state;
  const index = requireRow(grid, op.rowId);
  requireStatus(op.status);
  const row = grid.rows[index];
  if (row.status === op.status) {
    throw new GridOperationError("no-change", `${rowLabel(grid, index)} is already ${op.status}.`);
  }
  return withMetas(state, new Map([[row.id, { status: op.status, confidence: row.confidence }]]), {
    type: "setStatus",
    rowId: row.id,
    status: row.status,
  });
}

export function confirmUpTo(state: GridState, op: ConfirmUpTo): OperationResult {
  const { grid } = state;
  const index = requireRow(grid, op.rowId);
  const unconfirmed = grid.rows.slice(0, index + 1).filter((r) => r.status !== "confirmed");
  if (unconfirmed.length === 0) {
    throw new GridOperationError("no-change", `Every row down to ${describeRow(index, op.rowId)} is already confirmed.`);
  }
  return withMetas(state, new Map(unconfirmed.map((r) => [r.id, { status: "confirmed", confidence: r.confidence }])), {
    type: "restoreStatuses",
    rows: unconfirmed.map((r) => ({ rowId: r.id, status: r.status, confidence: r.confidence })),
  });
}

export function restoreStatuses(state: GridState, op: RestoreStatuses): OperationResult {
  const { grid } = state;
  const metas = new Map<string, RowMeta>();
  for (const { rowId, status, confidence } of op.rows) {
    requireRow(grid, rowId);
    requireStatus(status);
    if (confidence !== null && !(typeof confidence === "number" && confidence >= 0 && confidence <= 1)) {
      throw new GridOperationError("invalid-row-meta", `Confidence ${String(confidence)} for row "${rowId}" must be null or between 0 and 1.`);
    }
    if (metas.has(rowId)) {
      throw new GridOperationError("duplicate-row-in-operation", `Row "${rowId}" is named twice in one restoreStatuses operation.`);
    }
    metas.set(rowId, { status, confidence });
  }
  const byId = new Map(grid.rows.map((r) => [r.id, r]));
  const changing = op.rows.filter(({ rowId, status, confidence }) => {
    const row = byId.get(rowId)!;
    return row.status !== status || row.confidence !== confidence;
  });
  if (changing.length === 0) {
    throw new GridOperationError("no-change", "Every row named by restoreStatuses already has that status and confidence.");
  }
  return withMetas(state, new Map(changing.map((r) => [r.rowId, metas.get(r.rowId)!])), {
    type: "restoreStatuses",
    rows: changing.map(({ rowId }) => {
      const row = byId.get(rowId)!;
      return { rowId, status: row.status, confidence: row.confidence };
    }),
  });
}

function requireStatus(status: string): void {
  if (status !== "automatic" && status !== "confirmed") {
    throw new GridOperationError("invalid-status", `Unknown row status "${status}": use "automatic" or "confirmed".`);
  }
}

function withMetas(state: GridState, metas: Map<string, RowMeta>, inverse: GridOperation): OperationResult {
  const rows = state.grid.rows.map((row) => {
    const meta = metas.get(row.id);
    return meta === undefined ? row : { ...row, status: meta.status, confidence: meta.confidence };
  });
  return {
    state: { grid: { editionIds: state.grid.editionIds, rows }, segments: state.segments },
    inverse,
    touchedRowIds: state.grid.rows.filter((r) => metas.has(r.id)).map((r) => r.id),
  };
}
