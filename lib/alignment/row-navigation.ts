/** Finding the next row worth a reviewer's attention: unconfirmed, low-confidence or not one-to-one. */
import { cellOf, type Grid, type GridRow } from "./grid";

export type RowPredicate = (row: GridRow, index: number, grid: Grid) => boolean;

export interface NavigationOptions {
  /** "forward" (default) looks below `fromIndex`, "backward" above it. */
  direction?: "forward" | "backward";
  /** Continue from the other end of the grid when the end is reached (default false). */
  wrap?: boolean;
}

/**
 * Index of the nearest row after `fromIndex` (before it, going backward) that satisfies the
 * predicate, or null. `fromIndex` itself is never returned unless wrapping brings the search all the
 * way round to it. Use -1 (forward) or grid.rows.length (backward) to search from an end.
 */
export function nextRow(grid: Grid, fromIndex: number, predicate: RowPredicate, options: NavigationOptions = {}): number | null {
  const n = grid.rows.length;
  if (n === 0) return null;
  const step = options.direction === "backward" ? -1 : 1;
  const limit = options.wrap ? n : Number.POSITIVE_INFINITY;
  let index = fromIndex;
  for (let taken = 0; taken < limit; taken += 1) {
    index += step;
    if (index < 0 || index >= n) {
      if (!options.wrap) return null;
      index = step === 1 ? 0 : n - 1;
    }
    if (predicate(grid.rows[index], index, grid)) return index;
  }
  return null;
}

export const isUnconfirmed: RowPredicate = (row) => row.status !== "confirmed";

/** Rows whose aligner confidence is below the threshold; hand-made rows (confidence null) never match. */
export function isBelowConfidence(threshold: number): RowPredicate {
  return (row) => row.confidence !== null && row.confidence < threshold;
}

/** Rows where some edition's cell does not hold exactly one segment. */
export const isNotOneToOne: RowPredicate = (row, _index, grid) => grid.editionIds.some((e) => cellOf(row, e).length !== 1);

/** Rows matching every predicate, e.g. allOf(isUnconfirmed, isNotOneToOne). */
export function allOf(...predicates: RowPredicate[]): RowPredicate {
  return (row, index, grid) => predicates.every((p) => p(row, index, grid));
}
