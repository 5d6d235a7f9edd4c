/**
 * Divergence signals for the rows of an aligned work: length outliers, empty
 * cells and missing anchors, combined into one score per row.
 *
 * Length. For a pair of editions (a, b) and a row where both have text, the
 * log length ratio is r = ln((len_b + K) / (len_a + K)), with len counting
 * letters and digits only (`cellLength`: punctuation and spacing habits differ by
 * language) and K = 20 damping very short rows (headings, numbers). Over the
 * work, the pair's usual ratio is the median m of r, and its spread the
 * median absolute deviation scaled to a standard deviation,
 * σ = max(1.4826 · MAD, 0.05), raised to at least 0.25 when fewer than five
 * rows support it. A row's z-score is (r − m) / σ.
 *
 * Score. With M the number of (anchor, edition) pairs reported missing by
 * `compareRowAnchors`, Z the largest |z| of the row's pairs and E = 1 when
 * some edition's cell is empty while another's is not (else 0):
 *
 *   A = 1 − exp(−M / 3)                 (1 missing → 0.28, 3 → 0.63, 6 → 0.86)
 *   L = clamp((Z − 2) / 4, 0, 1)        (|z| ≤ 2 is ordinary, ≥ 6 is extreme)
 *   score = 1 − (1 − 0.6·E) · (1 − 0.7·L) · (1 − 0.8·A)
 *
 * Each signal alone is capped below 1 (empty 0.6, length 0.7, anchors 0.8);
 * together they raise the score towards 1. The score is 0 when no signal fires.
 */

/**
 * Edition id → length of its cell in one row (`cellLength`), null or missing
 * for an empty cell. Signals work on lengths rather than texts so that they
 * can be recomputed from stored lengths without reading the texts again.
 */
export type RowLengths = Readonly<Record<string, number | null | undefined>>;

export interface LengthPairStats {
  a: string;
  b: string;
  /** Rows where both editions have text. */
  rows: number;
  /** Usual length ratio b/a (exp of the median log ratio). */
  medianRatio: number;
  medianLogRatio: number;
  /** Robust standard deviation of the log ratio. */
  sigma: number;
}

export interface PairZ {
  a: string;
  b: string;
  z: number;
}

export interface EmptyCells {
  filled: string[];
  empty: string[];
}

export interface DivergenceInput {
  /** Number of (anchor, edition) pairs missing in the row. */
  missingAnchors: number;
  /** Largest absolute length z-score among the row's edition pairs. */
  maxAbsLengthZ: number;
  /** True when a cell is empty while another cell of the row has text. */
  hasEmptyCell: boolean;
}

const SMOOTHING = 20;
const MAD_TO_SIGMA = 1.4826;
const MIN_SIGMA = 0.05;
const FEW_ROWS = 5;
const FEW_ROWS_MIN_SIGMA = 0.25;

/** Letters and digits in the text. */
export function textLength(text: string | null | undefined): number {
  return text ? (text.match(/[\p{L}\p{N}]/gu) ?? []).length : 0;
}

/** Length of a cell for `RowLengths`: null when the cell has no text, else its letters and digits. */
export function cellLength(text: string | null | undefined): number | null {
  return text && text.trim() !== "" ? textLength(text) : null;
}

const isFilled = (length: number | null | undefined): length is number => length !== null && length !== undefined;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function logRatio(lengthA: number, lengthB: number): number {
  return Math.log((lengthB + SMOOTHING) / (lengthA + SMOOTHING));
}

/** Usual length ratio of edition b to edition a over the rows where both have text. */
export function lengthPairStats(rows: readonly RowLengths[], a: string, b: string): LengthPairStats {
  const ratios = rows.filter((row) => isFilled(row[a]) && isFilled(row[b])).map((row) => logRatio(row[a]!, row[b]!));
  const medianLogRatio = median(ratios);
  const mad = median(ratios.map((r) => Math.abs(r - medianLogRatio)));
  let sigma = Math.max(MAD_TO_SIGMA * mad, MIN_SIGMA);
  if (ratios.length < FEW_ROWS) sigma = Math.max(sigma, FEW_ROWS_MIN_SIGMA);
  return { a, b, rows: ratios.length, medianRatio: Math.exp(medianLogRatio), medianLogRatio, sigma };
}

/** `lengthPairStats` for every unordered pair of the editions, in the given order (a before b). */
export function workLengthStats(rows: readonly RowLengths[], editionIds: readonly string[]): LengthPairStats[] {
  return editionIds.flatMap((a, i) => editionIds.slice(i + 1).map((b) => lengthPairStats(rows, a, b)));
}

/** Length z-score of one row for a pair, or null when either cell is empty. */
export function lengthZ(stats: LengthPairStats, lengthA: number | null | undefined, lengthB: number | null | undefined): number | null {
  if (!isFilled(lengthA) || !isFilled(lengthB)) return null;
  return (logRatio(lengthA, lengthB) - stats.medianLogRatio) / stats.sigma;
}

/** z-scores of a row for every pair whose two cells have text. */
export function rowLengthZs(row: RowLengths, stats: readonly LengthPairStats[]): PairZ[] {
  return stats.flatMap((pair) => {
    const z = lengthZ(pair, row[pair.a], row[pair.b]);
    return z === null ? [] : [{ a: pair.a, b: pair.b, z }];
  });
}

/** Editions of the row with and without text. */
export function emptyCells(row: RowLengths, editionIds: readonly string[]): EmptyCells {
  return {
    filled: editionIds.filter((id) => isFilled(row[id])),
    empty: editionIds.filter((id) => !isFilled(row[id])),
  };
}

/** Number of (anchor, edition) pairs missing, from `compareRowAnchors` output. */
export function countMissingAnchors(differences: readonly { missingIn: readonly string[] }[]): number {
  return differences.reduce((sum, difference) => sum + difference.missingIn.length, 0);
}

/** Divergence of a row in [0, 1]; see the module comment for the formula. */
export function divergenceScore(input: DivergenceInput): number {
  const anchors = 1 - Math.exp(-Math.max(0, input.missingAnchors) / 3);
  const length = Math.min(1, Math.max(0, (Math.abs(input.maxAbsLengthZ) - 2) / 4));
  const empty = input.hasEmptyCell ? 1 : 0;
  return 1 - (1 - 0.6 * empty) * (1 - 0.7 * length) * (1 - 0.8 * anchors);
}

export interface RowDivergence extends DivergenceInput {
  score: number;
  empty: string[];
  lengthZs: PairZ[];
}

/** All signals of one row together; `anchorDifferences` is `compareRowAnchors` output for the row. */
export function rowDivergence(
  row: RowLengths,
  editionIds: readonly string[],
  stats: readonly LengthPairStats[],
  anchorDifferences: readonly { missingIn: readonly string[] }[] = [],
): RowDivergence {
  const cells = emptyCells(row, editionIds);
  const lengthZs = rowLengthZs(row, stats);
  const input: DivergenceInput = {
    missingAnchors: countMissingAnchors(anchorDifferences),
    maxAbsLengthZ: lengthZs.reduce((max, pair) => Math.max(max, Math.abs(pair.z)), 0),
    hasEmptyCell: cells.empty.length > 0 && cells.filled.length > 0,
  };
  return { ...input, score: divergenceScore(input), empty: cells.empty, lengthZs };
}
