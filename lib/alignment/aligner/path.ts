/** Paths through the DP matrix as column spans per row, around which the bands are laid. */
import { BEAD_SHAPES, type Step } from "./dp";

/** The columns a path visits in each row: from low[i] to high[i]. */
export interface PathSpan {
  low: Float64Array;
  high: Float64Array;
}

/** For each row i of the DP, the column where the length-proportional diagonal passes. */
export function diagonalSpan(prefixA: Float64Array, prefixB: Float64Array): PathSpan {
  const n = prefixA.length - 1;
  const m = prefixB.length - 1;
  const center = new Float64Array(n + 1);
  const totalA = prefixA[n];
  const totalB = prefixB[m];
  let j = 0;
  for (let i = 0; i <= n; i++) {
    if (totalA <= 0 || totalB <= 0) {
      center[i] = n === 0 ? 0 : (i * m) / n;
      continue;
    }
    const target = (prefixA[i] / totalA) * totalB;
    while (j < m && prefixB[j + 1] <= target) j++;
    const span = j < m ? prefixB[j + 1] - prefixB[j] : 0;
    center[i] = span > 0 ? j + (target - prefixB[j]) / span : j;
  }
  center[n] = m;
  return { low: center, high: center };
}

/**
 * The span of a path; a row that a bead jumps over (the middle row of a 2-1 bead) takes the column
 * where the path left the row before.
 */
export function pathSpan(steps: readonly Step[], n: number, m: number): PathSpan {
  const low = new Float64Array(n + 1).fill(-1);
  const high = new Float64Array(n + 1);
  const visit = (i: number, j: number) => {
    if (low[i] < 0) low[i] = j;
    high[i] = j;
  };
  visit(0, 0);
  for (const step of steps) {
    const [k, l] = BEAD_SHAPES[step.shape];
    visit(step.i0 + k, step.j0 + l);
  }
  visit(n, m);
  for (let i = 1; i <= n; i++) if (low[i] < 0) low[i] = high[i] = high[i - 1];
  return { low, high };
}
