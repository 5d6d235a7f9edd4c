/**
 * Parameters of the second pass estimated from the first pass's alignment: bead-shape priors, the
 * transfer rate of each class of lexical evidence, and the paragraph terms.
 */
import type { SideFeatures } from "./features";
import { lengthDelta, type LengthModel } from "./lengths";
import { DEFAULT_CLASS_RATES, keyClass, type ClassRates } from "./lexical";
import { BEAD_SHAPES, type ParagraphCosts, type Step } from "./dp";

/** Prior probabilities of the bead shapes (Gale & Church's, with room for 3-1 and 1-3). */
export const DEFAULT_SHAPE_PRIORS = [0.89, 0.005, 0.005, 0.04, 0.04, 0.011, 0.004, 0.004];
/** Weight of the default priors against the first pass's counts. */
const SHAPE_PSEUDO_COUNT = 40;
/** Weight of the default transfer rates against the first pass's counts. */
const RATE_PSEUDO_COUNT = 10;

/** −log of normalised priors. */
export function shapeCosts(priors: readonly number[]): Float64Array {
  const total = priors.reduce((x, y) => x + y, 0);
  return Float64Array.from(priors.map((p) => -Math.log(p / total)));
}

/** Confident one-to-one beads of a path: both neighbours are one-to-one too and the lengths agree. */
export function confidentOneToOne(steps: readonly Step[], lengths: LengthModel, A: SideFeatures, B: SideFeatures): Step[] {
  return steps.filter((step, index) => {
    if (step.shape !== 0) return false;
    const before = index === 0 || steps[index - 1].shape === 0;
    const after = index === steps.length - 1 || steps[index + 1].shape === 0;
    return before && after && Math.abs(lengthDelta(lengths, A.lengths[step.i0], B.lengths[step.j0])) < 2;
  });
}

/**
 * Transfer rate of each key class, measured on confident beads (over keys that occur on both sides
 * somewhere) and smoothed toward the defaults.
 */
export function estimateClassRates(beads: readonly Step[], A: SideFeatures, B: SideFeatures): ClassRates {
  const matched = new Map<string, number>();
  const total = new Map<string, number>();
  const keysOfA = new Set(A.keys.flatMap((keys) => [...keys.keys()]));
  const keysOfB = new Set(B.keys.flatMap((keys) => [...keys.keys()]));
  for (const { i0, j0 } of beads) {
    const keysA = A.keys[i0];
    const keysB = B.keys[j0];
    for (const [key, count] of keysA) {
      if (!keysOfB.has(key)) continue;
      const cls = keyClass(key);
      total.set(cls, (total.get(cls) ?? 0) + count / 2);
      const other = keysB.get(key);
      if (other !== undefined) matched.set(cls, (matched.get(cls) ?? 0) + Math.min(count, other));
    }
    for (const [key, count] of keysB) {
      if (!keysOfA.has(key)) continue;
      const cls = keyClass(key);
      total.set(cls, (total.get(cls) ?? 0) + count / 2);
    }
  }
  const rates: ClassRates = { ...DEFAULT_CLASS_RATES };
  for (const [cls, prior] of Object.entries(DEFAULT_CLASS_RATES)) {
    const t = total.get(cls) ?? 0;
    const m = matched.get(cls) ?? 0;
    rates[cls] = Math.min(0.95, Math.max(0.02, (m + RATE_PSEUDO_COUNT * prior) / (t + RATE_PSEUDO_COUNT)));
  }
  return rates;
}

/** Shape costs from the first pass's bead counts, smoothed toward the defaults. */
export function estimateShapeCosts(steps: readonly Step[]): Float64Array {
  const counts = DEFAULT_SHAPE_PRIORS.map((p) => p * SHAPE_PSEUDO_COUNT);
  for (const step of steps) counts[step.shape]++;
  return shapeCosts(counts);
}

/** Paragraph terms for the first pass, or null unless both sides have paragraphs. */
export function initialParagraphCosts(A: SideFeatures, B: SideFeatures): ParagraphCosts | null {
  if (A.paragraphStart === null || B.paragraphStart === null) return null;
  return {
    startA: A.paragraphStart,
    startB: B.paragraphStart,
    countA: startCounts(A.paragraphStart),
    countB: startCounts(B.paragraphStart),
    bothStart: 2.5,
    oneStart: 1,
    inside: 2,
  };
}

/**
 * Paragraph costs as log-likelihood ratios of the paragraph-start pattern at the first pass's rungs
 * against independent paragraphing, so that texts whose paragraphs do not correspond get weak terms.
 */
export function estimateParagraphCosts(initial: ParagraphCosts, steps: readonly Step[], n: number, m: number): ParagraphCosts {
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  let neither = 0;
  let inside = 0;
  for (const step of steps) {
    const [k, l] = BEAD_SHAPES[step.shape];
    const sA = step.i0 < n && initial.startA[step.i0] === 1;
    const sB = step.j0 < m && initial.startB[step.j0] === 1;
    if (sA && sB) both++;
    else if (sA) onlyA++;
    else if (sB) onlyB++;
    else neither++;
    inside += (k > 1 ? initial.countA[step.i0 + k] - initial.countA[step.i0 + 1] : 0) + (l > 1 ? initial.countB[step.j0 + l] - initial.countB[step.j0 + 1] : 0);
  }
  const rungs = both + onlyA + onlyB + neither;
  const fA = initial.countA[n] / Math.max(1, n);
  const fB = initial.countB[m] / Math.max(1, m);
  const p11 = (both + 1) / (rungs + 4);
  const pOne = (onlyA + onlyB + 1) / (rungs + 4);
  const bothStart = Math.max(0, Math.min(6, Math.log(p11 / Math.max(1e-6, fA * fB))));
  const oneStart = Math.max(0, Math.min(4, -Math.log(pOne / Math.max(1e-6, fA * (1 - fB) + fB * (1 - fA)))));
  const insideRate = (inside + 1) / (rungs + 2);
  const insideCost = Math.max(0, Math.min(6, -Math.log(insideRate / Math.max(1e-6, (fA + fB) / 2))));
  return { ...initial, bothStart, oneStart, inside: insideCost };
}

function startCounts(starts: Uint8Array): Int32Array {
  const counts = new Int32Array(starts.length + 1);
  for (let i = 0; i < starts.length; i++) counts[i + 1] = counts[i] + starts[i];
  return counts;
}
