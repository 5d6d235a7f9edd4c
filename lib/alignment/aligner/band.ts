/**
 * A band of a (rows × columns) matrix: for each row an inclusive column range, stored row after row
 * in one flat typed array. Memory is proportional to rows × band width, not rows × columns.
 */

export interface Band {
  rows: number;
  /** Largest column index allowed. */
  maxCol: number;
  lo: Int32Array;
  hi: Int32Array;
  /** Start of each row in the flat storage. */
  offset: Int32Array;
  size: number;
}

function finish(rows: number, maxCol: number, lo: Int32Array, hi: Int32Array): Band {
  const offset = new Int32Array(rows + 1);
  for (let r = 0; r < rows; r++) offset[r + 1] = offset[r] + Math.max(0, hi[r] - lo[r] + 1);
  return { rows, maxCol, lo, hi, offset, size: offset[rows] };
}

/**
 * The band reaching `halfWidth` columns beyond [low[r], high[r]] in each row r, clipped to
 * [0, maxCol]. Rows are widened where needed so that consecutive rows overlap.
 */
export function bandAround(low: ArrayLike<number>, high: ArrayLike<number>, maxCol: number, halfWidth: number): Band {
  const rows = low.length;
  const lo = new Int32Array(rows);
  const hi = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    lo[r] = Math.max(0, Math.min(maxCol, Math.floor(low[r] - halfWidth)));
    hi[r] = Math.max(0, Math.min(maxCol, Math.ceil(high[r] + halfWidth)));
  }
  for (let r = 1; r < rows; r++) {
    if (lo[r] > hi[r - 1]) lo[r] = hi[r - 1];
    if (hi[r - 1] < lo[r]) hi[r - 1] = lo[r];
  }
  for (let r = rows - 2; r >= 0; r--) if (hi[r] < lo[r + 1]) hi[r] = lo[r + 1];
  return finish(rows, maxCol, lo, hi);
}

/**
 * The band of segment pairs (A segment, B segment) that beads ending in the cells of a DP band can
 * cover, for beads of at most `reach` segments per side.
 */
export function pairBandFor(dp: Band, reach: number): Band {
  const rows = Math.max(0, dp.rows - 1);
  const maxCol = Math.max(0, dp.maxCol - 1);
  const lo = new Int32Array(rows);
  const hi = new Int32Array(rows);
  for (let a = 0; a < rows; a++) {
    let min = dp.maxCol;
    let max = 0;
    for (let i = a + 1; i <= Math.min(a + reach, dp.rows - 1); i++) {
      min = Math.min(min, dp.lo[i] - reach);
      max = Math.max(max, dp.hi[i] - 1);
    }
    lo[a] = Math.max(0, min);
    hi[a] = Math.min(maxCol, max);
  }
  return finish(rows, maxCol, lo, hi);
}
