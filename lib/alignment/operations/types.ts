/** The vocabulary of grid edits: the operation union, its result and its error. */
import type { EditionSegments, Grid, RowStatus } from "../grid";

export interface GridState {
  grid: Grid;
  segments: EditionSegments;
}

/** Status and confidence of a row. */
export interface RowMeta {
  status: RowStatus;
  confidence: number | null;
}

/**
 * Operations that change which segments a row holds. A row whose cells change, or that is created,
 * becomes "automatic" with confidence null (it is now hand-made and unconfirmed), unless `rowMeta`
 * names it: then it gets that status and confidence. Inverses use `rowMeta` to restore the rows as
 * they were; editors normally leave it out.
 */
interface RowEdit {
  rowMeta?: Record<string, RowMeta>;
}

export type GridOperation =
  /** Merge the row with the next one. The merged row keeps this row's id (or the next row's with keep: "next"). */
  | ({ type: "mergeRows"; rowId: string; keep?: "this" | "next" } & RowEdit)
  /**
   * Split the row in two: edition e's first at[e] segments go to the first part, the rest to the
   * second (an edition missing from `at` goes wholly to the first part). Both parts must be
   * non-empty. The new row `newRowId` is the second part, or the first with newRowBefore: true.
   */
  | ({ type: "splitRow"; rowId: string; at: Record<string, number>; newRowId: string; newRowBefore?: boolean } & RowEdit)
  /**
   * The first `count` (default 1) segments of the edition's cell move to the end of its cell in the
   * previous row. The row is removed if that leaves it empty in every edition.
   */
  | ({ type: "shiftUp"; rowId: string; editionId: string; count?: number } & RowEdit)
  /**
   * The last `count` (default 1) segments of the edition's cell move to the start of its cell in the
   * next row; from the last row they move into a new row `newRowId` (required then, ignored
   * otherwise). The row is removed if that leaves it empty in every edition.
   */
  | ({ type: "popDown"; rowId: string; editionId: string; count?: number; newRowId?: string } & RowEdit)
  /** The edition's whole cell is appended to its cell in the previous row (row removed if left empty everywhere). */
  | ({ type: "moveCellUp"; rowId: string; editionId: string } & RowEdit)
  /** The edition's whole cell is prepended to its cell in the next row (row removed if left empty everywhere). */
  | ({ type: "moveCellDown"; rowId: string; editionId: string } & RowEdit)
  /**
   * The edition's cells from this row down shift one row down: this row's cell becomes empty and the
   * last row's cell goes into a new row `newRowId` appended at the end (required only when that cell
   * is non-empty).
   */
  | ({ type: "insertEmptyCell"; rowId: string; editionId: string; newRowId?: string } & RowEdit)
  /**
   * The edition's cell in this row must be empty; its cells below shift one row up. A last row left
   * empty in every edition is removed.
   */
  | ({ type: "deleteEmptyCell"; rowId: string; editionId: string } & RowEdit)
  /** Confirm or unconfirm one row; confidence is kept. */
  | { type: "setStatus"; rowId: string; status: RowStatus }
  /** Confirm every row from the first down to this one. */
  | { type: "confirmUpTo"; rowId: string }
  /** Give each named row this status and confidence (the inverse of the status operations). */
  | { type: "restoreStatuses"; rows: Array<{ rowId: string } & RowMeta> }
  /**
   * The segment is split in two (its text is handled elsewhere): `newSegmentId` follows it in the
   * same cell and in the edition's segment list. The row keeps its status.
   */
  | { type: "splitSegment"; editionId: string; segmentId: string; newSegmentId: string }
  /**
   * The segment and the next one of the same edition become one, keeping `segmentId`. Both must be
   * in the same row. The row keeps its status.
   */
  | { type: "mergeSegments"; editionId: string; segmentId: string };

export type GridOperationType = GridOperation["type"];

export interface OperationResult {
  state: GridState;
  /** Applying it to `state` gives back the input state exactly (for a grid in normal form). */
  inverse: GridOperation;
  /** Ids of the rows whose cells or status changed, that were created, or that were removed. */
  touchedRowIds: string[];
}

export type GridOperationErrorCode =
  | "unknown-operation"
  | "unknown-row"
  | "unknown-edition"
  | "unknown-segment"
  | "row-id-taken"
  | "segment-id-taken"
  | "missing-new-row-id"
  | "no-previous-row"
  | "no-next-row"
  | "no-next-segment"
  | "empty-cell"
  | "cell-not-empty"
  | "invalid-count"
  | "invalid-split-point"
  | "invalid-status"
  | "invalid-row-meta"
  | "duplicate-row-in-operation"
  | "would-empty-row"
  | "segments-in-different-rows"
  | "no-change"
  | "invariant-violated";

/** The operation cannot be applied; the input state is unchanged. */
export class GridOperationError extends Error {
  readonly code: GridOperationErrorCode;

  constructor(code: GridOperationErrorCode, message: string) {
    super(message);
    this.name = "GridOperationError";
    this.code = code;
  }
}
