/**
 * The alignment grid: rows of cells, one cell per edition, each cell a contiguous run of that
 * edition's segments. Reading one column top to bottom must give the edition's segments in order,
 * each exactly once (the "alignment grid" design note). This module holds the types, the invariant check
 * and small read helpers; edits live in ./operations.ts.
 */

export type RowStatus = "automatic" | "confirmed";

export interface GridRow {
  /** Stable row id. */
  id: string;
  /** editionId -> ordered segment ids of that edition in this row ([] or missing = empty cell). */
  cells: Record<string, string[]>;
  status: RowStatus;
  /** Aligner confidence in [0,1]; null for hand-made rows. */
  confidence: number | null;
}

export interface Grid {
  /** Editions in the grid (column order is a view concern). */
  editionIds: string[];
  /** Rows in reading order. */
  rows: GridRow[];
}

/** Each edition's segment ids in edition order: what the columns must read as. */
export type EditionSegments = Record<string, string[]>;

export type InvariantViolationCode =
  | "duplicate-edition"
  | "missing-edition-segments"
  | "edition-not-in-grid"
  | "duplicate-segment-in-edition"
  | "duplicate-row-id"
  | "invalid-status"
  | "invalid-confidence"
  | "unknown-edition-cell"
  | "empty-row"
  | "unknown-segment"
  | "repeated-segment"
  | "missing-segment"
  | "segment-out-of-order";

export interface InvariantViolation {
  code: InvariantViolationCode | (string & {});
  message: string;
  rowId?: string;
  editionId?: string;
  segmentId?: string;
}

export class GridInvariantError extends Error {
  readonly violations: InvariantViolation[];

  constructor(violations: InvariantViolation[]) {
    const shown = violations.slice(0, 20).map((v) => `- ${v.message}`);
    if (violations.length > shown.length) shown.push(`- … and ${violations.length - shown.length} more`);
    super(`The alignment grid is inconsistent (${violations.length} problem${violations.length === 1 ? "" : "s"}):\n${shown.join("\n")}`);
    this.name = "GridInvariantError";
    this.violations = violations;
  }
}

/** The cell of `editionId` in `row`; a missing cell reads as empty. */
export function cellOf(row: GridRow, editionId: string): readonly string[] {
  return row.cells[editionId] ?? [];
}

/** True when every edition's cell in the row is empty. */
export function isRowEmpty(row: GridRow, editionIds: readonly string[]): boolean {
  return editionIds.every((e) => cellOf(row, e).length === 0);
}

/** Index of the row with this id, or -1. */
export function rowIndexById(grid: Grid, rowId: string): number {
  return grid.rows.findIndex((r) => r.id === rowId);
}

/**
 * Normal form: every row has a cell entry (possibly []) for every edition of the grid and no other.
 * Operations write the rows they touch in normal form, so undo restores a normalised grid exactly
 * (deep-equal); normalise a grid once when loading it.
 */
export function normalizeGrid(grid: Grid): Grid {
  return {
    editionIds: [...grid.editionIds],
    rows: grid.rows.map((row) => ({
      ...row,
      cells: Object.fromEntries(grid.editionIds.map((e) => [e, [...cellOf(row, e)]])),
    })),
  };
}

/** Human label of a row for messages: 1-based position plus id. */
export function describeRow(index: number, rowId: string): string {
  return `row ${index + 1} (id "${rowId}")`;
}

/**
 * Every way the grid breaks the invariant, in a stable order; [] when it holds. Row numbers in
 * messages are 1-based.
 */
export function checkGridInvariant(grid: Grid, segments: EditionSegments): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const editionSet = new Set<string>();

  for (const editionId of grid.editionIds) {
    if (editionSet.has(editionId)) {
      violations.push({ code: "duplicate-edition", editionId, message: `Edition "${editionId}" is listed twice in the grid.` });
    }
    editionSet.add(editionId);
    if (!Object.hasOwn(segments, editionId)) {
      violations.push({
        code: "missing-edition-segments",
        editionId,
        message: `Edition "${editionId}" is in the grid but its list of segments was not given.`,
      });
    }
  }
  for (const editionId of Object.keys(segments)) {
    if (!editionSet.has(editionId)) {
      violations.push({
        code: "edition-not-in-grid",
        editionId,
        message: `Edition "${editionId}" has segments but is not one of the grid's editions, so none of its segments is aligned.`,
      });
    }
  }

  const rowIndexOfId = new Map<string, number>();
  grid.rows.forEach((row, index) => {
    const label = () => capitalize(describeRow(index, row.id));
    const firstIndex = rowIndexOfId.get(row.id);
    if (firstIndex !== undefined) {
      violations.push({
        code: "duplicate-row-id",
        rowId: row.id,
        message: `Row id "${row.id}" is used by row ${firstIndex + 1} and again by row ${index + 1}.`,
      });
    } else {
      rowIndexOfId.set(row.id, index);
    }
    if (row.status !== "automatic" && row.status !== "confirmed") {
      violations.push({ code: "invalid-status", rowId: row.id, message: `${label()} has an unknown status "${String(row.status)}".` });
    }
    const c = row.confidence;
    if (c !== null && !(typeof c === "number" && c >= 0 && c <= 1)) {
      violations.push({
        code: "invalid-confidence",
        rowId: row.id,
        message: `${label()} has confidence ${String(c)}; it must be null or a number between 0 and 1.`,
      });
    }
    for (const editionId of Object.keys(row.cells)) {
      if (!editionSet.has(editionId)) {
        violations.push({
          code: "unknown-edition-cell",
          rowId: row.id,
          editionId,
          message: `${label()} has a cell for edition "${editionId}", which is not one of the grid's editions.`,
        });
      }
    }
    if (isRowEmpty(row, grid.editionIds)) {
      violations.push({ code: "empty-row", rowId: row.id, message: `${label()} is empty in every edition.` });
    }
  });

  for (const editionId of editionSet) {
    if (Object.hasOwn(segments, editionId)) violations.push(...checkColumn(grid, editionId, segments[editionId]));
  }
  return violations;
}

/** Throws a GridInvariantError listing every violation when the invariant does not hold. */
export function assertGridInvariant(grid: Grid, segments: EditionSegments): void {
  const violations = checkGridInvariant(grid, segments);
  if (violations.length > 0) throw new GridInvariantError(violations);
}

/** Checks that reading the edition's column top to bottom gives `expected`, each segment once. */
function checkColumn(grid: Grid, editionId: string, expected: readonly string[]): InvariantViolation[] {
  if (columnReadsAs(grid, editionId, expected) && !hasRepeats(expected)) return [];
  const violations: InvariantViolation[] = [];
  const position = new Map<string, number>();
  expected.forEach((segmentId, i) => {
    if (position.has(segmentId)) {
      violations.push({
        code: "duplicate-segment-in-edition",
        editionId,
        segmentId,
        message: `Segment "${segmentId}" appears twice in the segment list of edition "${editionId}" (positions ${position.get(segmentId)! + 1} and ${i + 1}).`,
      });
    } else {
      position.set(segmentId, i);
    }
  });

  const seenInRow = new Map<string, number>();
  let latest: { segmentId: string; position: number; rowIndex: number } | null = null;
  grid.rows.forEach((row, rowIndex) => {
    const label = () => capitalize(describeRow(rowIndex, row.id));
    for (const segmentId of cellOf(row, editionId)) {
      const base = { rowId: row.id, editionId, segmentId };
      const pos = position.get(segmentId);
      if (pos === undefined) {
        violations.push({
          ...base,
          code: "unknown-segment",
          message: `${label()}, edition "${editionId}": segment "${segmentId}" is not a segment of this edition.`,
        });
        continue;
      }
      const firstRow = seenInRow.get(segmentId);
      if (firstRow !== undefined) {
        violations.push({
          ...base,
          code: "repeated-segment",
          message: `${label()}, edition "${editionId}": segment "${segmentId}" was already placed in ${describeRow(firstRow, grid.rows[firstRow].id)}.`,
        });
        continue;
      }
      seenInRow.set(segmentId, rowIndex);
      if (latest !== null && pos < latest.position) {
        violations.push({
          ...base,
          code: "segment-out-of-order",
          message:
            `${label()}, edition "${editionId}": segment "${segmentId}" (number ${pos + 1} in the edition) ` +
            `comes after segment "${latest.segmentId}" (number ${latest.position + 1}) placed in ${describeRow(latest.rowIndex, grid.rows[latest.rowIndex].id)}; ` +
            `the column must follow the edition's order.`,
        });
      }
      if (latest === null || pos > latest.position) latest = { segmentId, position: pos, rowIndex };
    }
  });

  expected.forEach((segmentId, i) => {
    if (position.get(segmentId) === i && !seenInRow.has(segmentId)) {
      violations.push({
        code: "missing-segment",
        editionId,
        segmentId,
        message: `Edition "${editionId}": segment "${segmentId}" (number ${i + 1} in the edition) is in no row.`,
      });
    }
  });
  return violations;
}

/** Fast path for the usual, valid case: the column is exactly `expected`. */
function columnReadsAs(grid: Grid, editionId: string, expected: readonly string[]): boolean {
  let k = 0;
  for (const row of grid.rows) {
    for (const segmentId of cellOf(row, editionId)) {
      if (k >= expected.length || expected[k] !== segmentId) return false;
      k += 1;
    }
  }
  return k === expected.length;
}

function hasRepeats(ids: readonly string[]): boolean {
  return new Set(ids).size !== ids.length;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
