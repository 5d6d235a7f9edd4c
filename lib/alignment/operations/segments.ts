/**
 * Splitting a segment in two and merging a segment with the next one of its edition. Only ids move
 * here (the text is handled elsewhere); the row keeps its status, as its alignment is unchanged.
 */
import { cellOf, describeRow, type GridRow } from "../grid";
import { requireEdition, withCells } from "./helpers";
import { GridOperationError, type GridOperation, type GridState, type OperationResult } from "./types";

type SplitSegment = Extract<GridOperation, { type: "splitSegment" }>;
type MergeSegments = Extract<GridOperation, { type: "mergeSegments" }>;

export function splitSegment(state: GridState, op: SplitSegment): OperationResult {
  const { grid, segments } = state;
  const e = op.editionId;
  const position = requireSegment(state, e, op.segmentId);
  for (const [editionId, ids] of Object.entries(segments)) {
    if (ids.includes(op.newSegmentId)) {
      throw new GridOperationError("segment-id-taken", `The new segment id "${op.newSegmentId}" is already used in edition "${editionId}".`);
    }
  }
  const rowIndex = rowHolding(state, e, op.segmentId);
  const row = grid.rows[rowIndex];
  const cell = cellOf(row, e);
  const at = cell.indexOf(op.segmentId) + 1;
  const newRow = withCells(row, grid.editionIds, { [e]: [...cell.slice(0, at), op.newSegmentId, ...cell.slice(at)] });
  const ids = segments[e];
  return {
    state: {
      grid: replaceRow(state, rowIndex, newRow),
      segments: { ...segments, [e]: [...ids.slice(0, position + 1), op.newSegmentId, ...ids.slice(position + 1)] },
    },
    inverse: { type: "mergeSegments", editionId: e, segmentId: op.segmentId },
    touchedRowIds: [row.id],
  };
}

export function mergeSegments(state: GridState, op: MergeSegments): OperationResult {
  const { grid, segments } = state;
  const e = op.editionId;
  const position = requireSegment(state, e, op.segmentId);
  const ids = segments[e];
  if (position === ids.length - 1) {
    throw new GridOperationError("no-next-segment", `Segment "${op.segmentId}" is the last of edition "${e}": there is no next segment to merge it with.`);
  }
  const nextId = ids[position + 1];
  const rowIndex = rowHolding(state, e, op.segmentId);
  const nextRowIndex = rowHolding(state, e, nextId);
  if (nextRowIndex !== rowIndex) {
    throw new GridOperationError(
      "segments-in-different-rows",
      `Segment "${op.segmentId}" (${describeRow(rowIndex, grid.rows[rowIndex].id)}) and the next segment of edition "${e}", ` +
        `"${nextId}" (${describeRow(nextRowIndex, grid.rows[nextRowIndex].id)}), are in different rows. ` +
        `Move them into one row first (shift "${nextId}" up or pop "${op.segmentId}" down), then merge.`,
    );
  }
  const row = grid.rows[rowIndex];
  const newRow = withCells(row, grid.editionIds, { [e]: cellOf(row, e).filter((s) => s !== nextId) });
  return {
    state: {
      grid: replaceRow(state, rowIndex, newRow),
      segments: { ...segments, [e]: ids.filter((s) => s !== nextId) },
    },
    inverse: { type: "splitSegment", editionId: e, segmentId: op.segmentId, newSegmentId: nextId },
    touchedRowIds: [row.id],
  };
}

function requireSegment(state: GridState, editionId: string, segmentId: string): number {
  requireEdition(state.grid, editionId);
  const position = (state.segments[editionId] ?? []).indexOf(segmentId);
  if (position < 0) {
    throw new GridOperationError("unknown-segment", `Edition "${editionId}" has no segment "${segmentId}".`);
  }
  return position;
}

function rowHolding(state: GridState, editionId: string, segmentId: string): number {
  const index = state.grid.rows.findIndex((r) => cellOf(r, editionId).includes(segmentId));
  if (index < 0) {
    throw new GridOperationError("invariant-violated", `Segment "${segmentId}" of edition "${editionId}" is in no row: the grid is inconsistent.`);
  }
  return index;
}

function replaceRow(state: GridState, index: number, row: GridRow): GridState["grid"] {
  const rows = [...state.grid.rows];
  rows[index] = row;
  return { editionIds: state.grid.editionIds, rows };
}
