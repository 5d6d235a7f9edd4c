/**
 * Banded dynamic programming over bead sequences: Viterbi for the best alignment and forward–backward
 * for each chosen bead's posterior probability. Cell (i, j) stands for "the first i segments of A and
 * the first j of B are aligned"; a bead of shape (k, l) moves from (i−k, j−l) to (i, j).
 *
 * A bead's cost is its shape's prior cost, plus the length cost, plus paragraph terms, minus the
 * weighted lexical score (matched keys, less the cost of anchors left unmatched). The exact lexical score of a multi-segment bead needs a merge of key lists,
 * so it is only computed when the bead could still win with the sum of its pair scores (an upper
 * bound of the exact score, read from a banded table).
 */
import type { Band } from "./band";
import { lengthDelta, tailCost, type LengthModel } from "./lengths";
import { beadLexicalScore, type PairEvidence, type PairScores } from "./lexical";

/** Bead shapes (segments of A, segments of B), in the order used by the cost tables. */
export const BEAD_SHAPES: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
  [3, 1],
  [1, 3],
];

const SHAPE_A = Int8Array.from(BEAD_SHAPES.map((s) => s[0]));
const SHAPE_B = Int8Array.from(BEAD_SHAPES.map((s) => s[1]));
const SHAPES = BEAD_SHAPES.length;
export const MAX_REACH = 3;

export interface ParagraphCosts {
  /** 1 where a segment starts a paragraph. */
  startA: Uint8Array;
  startB: Uint8Array;
  /** Prefix counts of paragraph starts (length count + 1). */
  countA: Int32Array;
  countB: Int32Array;
  /** Bonus for a bead starting a paragraph on both sides. */
  bothStart: number;
  /** Cost of a bead starting a paragraph on one side only. */
  oneStart: number;
  /** Cost per paragraph start inside a bead (a bead spanning a paragraph boundary). */
  inside: number;
}

export interface BeadCosts {
  n: number;
  m: number;
  prefixA: Float64Array;
  prefixB: Float64Array;
  lengths: LengthModel;
  /** −log prior probability of each bead shape. */
  shapeCost: Float64Array;
  /** Cost of leaving an empty segment unmatched. */
  emptySkipCost: number;
  evidence: PairEvidence;
  /** Pair scores over (at least) the segment pairs that beads in the DP band cover. */
  pairs: PairScores;
  lexicalWeight: number;
  paragraphs: ParagraphCosts | null;
}

/**
 * The cheap part of a bead's cost: its shape's prior cost (or the cost of skipping an empty
 * segment), the cost of its anchors were none matched, and the paragraph terms.
 */
function priorCost(c: BeadCosts, shape: number, i0: number, j0: number): number {
  const k = SHAPE_A[shape];
  const l = SHAPE_B[shape];
  let cost: number;
  if (k === 0) cost = c.prefixB[j0 + 1] === c.prefixB[j0] ? c.emptySkipCost : c.shapeCost[shape];
  else if (l === 0) cost = c.prefixA[i0 + 1] === c.prefixA[i0] ? c.emptySkipCost : c.shapeCost[shape];
  else cost = c.shapeCost[shape] + c.lexicalWeight * absenceCost(c, shape, i0, j0);
  const p = c.paragraphs;
  if (p !== null) {
    const startA = i0 >= c.n || p.startA[i0] === 1;
    const startB = j0 >= c.m || p.startB[j0] === 1;
    if (startA && startB) cost -= p.bothStart;
    else if (startA || startB) cost += p.oneStart;
    const inside = (k > 1 ? p.countA[i0 + k] - p.countA[i0 + 1] : 0) + (l > 1 ? p.countB[j0 + l] - p.countB[j0 + 1] : 0);
    if (inside > 0) cost += p.inside * inside;
  }
  return cost;
}

/** Length cost of a bead pairing segments of both sides (never negative). */
function lengthCost(c: BeadCosts, shape: number, i0: number, j0: number): number {
  const lengthA = c.prefixA[i0 + SHAPE_A[shape]] - c.prefixA[i0];
  const lengthB = c.prefixB[j0 + SHAPE_B[shape]] - c.prefixB[j0];
  return tailCost(lengthDelta(c.lengths, lengthA, lengthB));
}

/** Sum of the pair scores of the bead's segment pairs. */
function pairSum(c: BeadCosts, shape: number, i0: number, j0: number): number {
  const { band, values } = c.pairs;
  let sum = 0;
  for (let a = i0; a < i0 + SHAPE_A[shape]; a++) {
    const lo = band.lo[a];
    const hi = band.hi[a];
    const base = band.offset[a] - lo;
    for (let b = j0; b < j0 + SHAPE_B[shape]; b++) if (b >= lo && b <= hi) sum += values[base + b];
  }
  return sum;
}

/** Cost of the anchors of the bead's segments, were none of them matched. */
function absenceCost(c: BeadCosts, shape: number, i0: number, j0: number): number {
  return c.evidence.absenceA[SHAPE_A[shape]][i0] + c.evidence.absenceB[SHAPE_B[shape]][j0];
}

/** Exact matching score of a bead whose pair-score sum is `bound`. */
function matchScore(c: BeadCosts, shape: number, i0: number, j0: number, bound: number): number {
  if (bound === 0 || shape === 0) return bound;
  return beadLexicalScore(c.evidence, i0, SHAPE_A[shape], j0, SHAPE_B[shape]);
}

/** Full cost of the bead of shape `shape` starting at cell (i0, j0). */
export function beadCost(c: BeadCosts, shape: number, i0: number, j0: number): number {
  const prior = priorCost(c, shape, i0, j0);
  if (SHAPE_A[shape] === 0 || SHAPE_B[shape] === 0) return prior;
  return prior + lengthCost(c, shape, i0, j0) - c.lexicalWeight * matchScore(c, shape, i0, j0, pairSum(c, shape, i0, j0));
}

export interface Step {
  shape: number;
  i0: number;
  j0: number;
}

export interface ViterbiResult {
  steps: Step[];
  cost: number;
  /** The path comes within a few cells of the band's edge: a wider band might find a better one. */
  touchesEdge: boolean;
}

const EDGE_MARGIN = 3;

export function viterbi(c: BeadCosts, band: Band): ViterbiResult | null {
  const { lo, hi, offset } = band;
  const best = new Float64Array(band.size).fill(Infinity);
  const choice = new Uint8Array(band.size);
  best[0] = 0;
  const weight = c.lexicalWeight;
  for (let i = 0; i <= c.n; i++) {
    for (let j = lo[i]; j <= hi[i]; j++) {
      const cell = offset[i] + j - lo[i];
      let min = best[cell];
      let arg = choice[cell];
      for (let s = 0; s < SHAPES; s++) {
        const pi = i - SHAPE_A[s];
        const pj = j - SHAPE_B[s];
        if (pi < 0 || pj < 0 || pj < lo[pi] || pj > hi[pi]) continue;
        const previous = best[offset[pi] + pj - lo[pi]];
        if (previous === Infinity) continue;
        let total = previous + priorCost(c, s, pi, pj);
        if (SHAPE_A[s] > 0 && SHAPE_B[s] > 0) {
          const bound = weight * pairSum(c, s, pi, pj);
          if (total - bound >= min) continue;
          total += lengthCost(c, s, pi, pj);
          if (total - bound >= min) continue;
          total -= bound === 0 ? 0 : weight * matchScore(c, s, pi, pj, bound / weight);
        }
        if (total < min) {
          min = total;
          arg = s;
        }
      }
      best[cell] = min;
      choice[cell] = arg;
    }
  }
  if (c.m < lo[c.n] || c.m > hi[c.n]) return null;
  const end = offset[c.n] + c.m - lo[c.n];
  if (best[end] === Infinity) return null;
  const steps: Step[] = [];
  let touchesEdge = false;
  let i = c.n;
  let j = c.m;
  while (i > 0 || j > 0) {
    if ((j - lo[i] < EDGE_MARGIN && lo[i] > 0) || (hi[i] - j < EDGE_MARGIN && hi[i] < c.m)) touchesEdge = true;
    const s = choice[offset[i] + j - lo[i]];
    i -= SHAPE_A[s];
    j -= SHAPE_B[s];
    steps.push({ shape: s, i0: i, j0: j });
  }
  steps.reverse();
  return { steps, cost: best[end], touchesEdge };
}

/** Terms this many nats worse than the running sum change it by less than e^-30. */
const NEGLIGIBLE = 30;

/** −log(e^−x + e^−y). */
function logAddCost(x: number, y: number): number {
  if (x === Infinity) return y;
  if (y === Infinity) return x;
  return x < y ? x - Math.log1p(Math.exp(x - y)) : y - Math.log1p(Math.exp(y - x));
}

/** Cost of a transition for forward–backward, or Infinity when it is negligible next to `acc`. */
function transition(c: BeadCosts, s: number, i0: number, j0: number, outer: number, acc: number, temperature: number): number {
  let total = priorCost(c, s, i0, j0);
  if (SHAPE_A[s] > 0 && SHAPE_B[s] > 0) {
    const bound = pairSum(c, s, i0, j0);
    if (outer + (total - c.lexicalWeight * bound) / temperature > acc + NEGLIGIBLE) return Infinity;
    total += lengthCost(c, s, i0, j0);
    if (outer + (total - c.lexicalWeight * bound) / temperature > acc + NEGLIGIBLE) return Infinity;
    total -= c.lexicalWeight * matchScore(c, s, i0, j0, bound);
  }
  return outer + total / temperature;
}

/**
 * Posterior probability of each step of a path under the model's distribution over all alignments in
 * the band (costs read as negative log-probabilities divided by `temperature`).
 */
export function stepPosteriors(c: BeadCosts, band: Band, steps: readonly Step[], temperature: number): Float64Array {
  const { lo, hi, offset } = band;
  const forward = new Float64Array(band.size).fill(Infinity);
  const backward = new Float64Array(band.size).fill(Infinity);
  forward[0] = 0;
  for (let i = 0; i <= c.n; i++) {
    for (let j = lo[i]; j <= hi[i]; j++) {
      const cell = offset[i] + j - lo[i];
      let acc = forward[cell];
      for (let s = 0; s < SHAPES; s++) {
        const pi = i - SHAPE_A[s];
        const pj = j - SHAPE_B[s];
        if (pi < 0 || pj < 0 || pj < lo[pi] || pj > hi[pi]) continue;
        const previous = forward[offset[pi] + pj - lo[pi]];
        if (previous === Infinity) continue;
        acc = logAddCost(acc, transition(c, s, pi, pj, previous, acc, temperature));
      }
      forward[cell] = acc;
    }
  }
  backward[offset[c.n] + c.m - lo[c.n]] = 0;
  for (let i = c.n; i >= 0; i--) {
    for (let j = hi[i]; j >= lo[i]; j--) {
      const cell = offset[i] + j - lo[i];
      let acc = backward[cell];
      for (let s = 0; s < SHAPES; s++) {
        const ni = i + SHAPE_A[s];
        const nj = j + SHAPE_B[s];
        if (ni > c.n || nj > c.m || nj < lo[ni] || nj > hi[ni]) continue;
        const next = backward[offset[ni] + nj - lo[ni]];
        if (next === Infinity) continue;
        acc = logAddCost(acc, transition(c, s, i, j, next, acc, temperature));
      }
      backward[cell] = acc;
    }
  }
  const total = forward[offset[c.n] + c.m - lo[c.n]];
  const result = new Float64Array(steps.length);
  steps.forEach((step, index) => {
    const i1 = step.i0 + SHAPE_A[step.shape];
    const j1 = step.j0 + SHAPE_B[step.shape];
    const before = forward[offset[step.i0] + step.j0 - lo[step.i0]];
    const after = backward[offset[i1] + j1 - lo[i1]];
    const cost = beadCost(c, step.shape, step.i0, step.j0) / temperature;
    result[index] = Math.min(1, Math.exp(total - before - cost - after));
  });
  return result;
}
