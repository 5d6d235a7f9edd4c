/**
 * The length model in the tradition of Gale & Church (1993): the characters of a translation are
 * proportional to the original's, with a variance growing with the length. Ratio and variance are
 * estimated from the texts themselves (first from the totals, then from the first pass's confident
 * one-to-one beads). Costs are in nats.
 */

export interface LengthModel {
  /** Expected characters of B per character of A. */
  ratio: number;
  /** Variance of (lengthB − ratio·lengthA) per character. */
  variance: number;
  /** Variance floor added for every bead, so that very short segments are not over-trusted. */
  floor: number;
}

/** Gale & Church's variance per character (for a ratio of 1), before any estimate. */
const DEFAULT_VARIANCE = 6.8;
const DEFAULT_FLOOR = 4;

export function initialLengthModel(lengthsA: ArrayLike<number>, lengthsB: ArrayLike<number>): LengthModel {
  let totalA = 0;
  let totalB = 0;
  for (let i = 0; i < lengthsA.length; i++) totalA += lengthsA[i];
  for (let j = 0; j < lengthsB.length; j++) totalB += lengthsB[j];
  const ratio = totalA > 0 && totalB > 0 ? totalB / totalA : 1;
  return { ratio, variance: DEFAULT_VARIANCE * Math.sqrt(ratio), floor: DEFAULT_FLOOR };
}

/**
 * Re-estimates the model from pairs of lengths believed to be translations (robustly: ratio from the
 * sums, variance from the median squared residual, as the median of χ²₁ is 0.455).
 */
export function estimateLengthModel(pairs: Array<[number, number]>, previous: LengthModel): LengthModel {
  if (pairs.length < 20) return previous;
  let sumA = 0;
  let sumB = 0;
  for (const [a, b] of pairs) {
    sumA += a;
    sumB += b;
  }
  if (sumA <= 0 || sumB <= 0) return previous;
  const ratio = sumB / sumA;
  const scaled = pairs
    .filter(([a, b]) => a + b > 0)
    .map(([a, b]) => {
      const residual = b - ratio * a;
      return (residual * residual) / ((ratio * a + b) / 2);
    })
    .sort((x, y) => x - y);
  if (scaled.length === 0) return previous;
  const median = scaled[Math.floor(scaled.length / 2)];
  const variance = Math.min(50 * Math.sqrt(ratio), Math.max(0.5, median / 0.455));
  return { ratio, variance, floor: previous.floor };
}

/** erfc(x) for x ≥ 0 (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

/**
 * Share of translations whose length departs from the model (free renderings, notes): their
 * standardised difference follows a Cauchy law, so an outlier costs a bounded amount instead of δ²/2.
 */
const OUTLIER_SHARE = 0.05;

function mixtureTail(x: number): number {
  const normal = erfc(x / Math.SQRT2);
  const cauchy = 1 - (2 / Math.PI) * Math.atan(x);
  return -Math.log((1 - OUTLIER_SHARE) * normal + OUTLIER_SHARE * cauchy);
}

const TABLE_STEP = 0.01;
const TABLE_END = 50;
const TAIL_TABLE = (() => {
  const table = new Float64Array(Math.ceil(TABLE_END / TABLE_STEP) + 2);
  for (let k = 0; k < table.length; k++) table[k] = mixtureTail(k * TABLE_STEP);
  return table;
})();

/** −log P(|D| ≥ |delta|) for the standardised length difference D (normal with Cauchy outliers). */
export function tailCost(delta: number): number {
  const x = delta < 0 ? -delta : delta;
  if (x >= TABLE_END) return mixtureTail(x);
  return TAIL_TABLE[Math.round(x / TABLE_STEP)];
}

/** Standardised length difference of a bead holding `lengthA` and `lengthB` characters. */
export function lengthDelta(model: LengthModel, lengthA: number, lengthB: number): number {
  const variance = model.variance * ((model.ratio * lengthA + lengthB) / 2) + model.floor;
  return (lengthB - model.ratio * lengthA) / Math.sqrt(variance);
}
