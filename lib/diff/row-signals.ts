/**
 * Row signals as the compare view uses them. `computeRowSignal` does the
 * costly part once per row, over every edition of the work (letter counts and
 * `compareRowAnchors`); the result can be stored and reused until the row's
 * texts change. `signalsForEditions` then derives, cheaply and for any choice
 * of editions, what the view shows: the anchors that differ between the
 * chosen editions, their empty cells, length outliers and the divergence
 * score (signals.ts).
 */
import { compareRowAnchors, type AnchorDifference, type RowCell } from "./anchors";
import { cellLength, rowDivergence, workLengthStats, type PairZ, type RowDivergence, type RowLengths } from "./signals";

/** Changes whenever the computation below changes, so that stored signals of an older one are recomputed. */
export const ROW_SIGNAL_VERSION = "row-signal-1";

/** A |z| from which a pair's length ratio is shown as an outlier (signals.ts scores from 2 upwards). */
export const LENGTH_OUTLIER_Z = 2.5;

export interface StoredRowSignal {
  /** Edition id → letters and digits of its cell; editions without text in the row are absent. */
  lengths: Record<string, number>;
  /** Anchors present in some editions and missing in others, over all the row's editions. */
  differences: AnchorDifference[];
}

/** Signals of one row over all its cells (empty cells included). */
export function computeRowSignal(cells: RowCell[]): StoredRowSignal {
  const lengths: Record<string, number> = {};
  for (const cell of cells) {
    const length = cellLength(cell.text);
    if (length !== null) lengths[cell.editionId] = length;
  }
  return { lengths, differences: compareRowAnchors(cells) };
}

/**
 * The differences between the chosen editions: an anchor counts when at
 * least one chosen edition has it and another chosen edition, with text in
 * the row, lacks it. `presentIn` and `missingIn` keep only chosen editions.
 */
export function differencesBetween(differences: readonly AnchorDifference[], editionIds: readonly string[]): AnchorDifference[] {
  const chosen = new Set(editionIds);
  return differences.flatMap((difference) => {
    const presentIn = difference.presentIn.filter((id) => chosen.has(id));
    const missingIn = difference.missingIn.filter((id) => chosen.has(id));
    return presentIn.length > 0 && missingIn.length > 0 ? [{ ...difference, presentIn, missingIn }] : [];
  });
}

export interface ShownRowSignal extends RowDivergence {
  differences: AnchorDifference[];
  /** Pairs of chosen editions whose length ratio in this row is unusual (|z| ≥ LENGTH_OUTLIER_Z). */
  lengthOutliers: PairZ[];
}

/**
 * Signals of every row for the chosen editions, in the order given. Rows
 * without stored signals (not computed yet) come back as null; length ratios
 * are learnt from the rows that have them.
 */
export function signalsForEditions(rows: readonly (StoredRowSignal | null)[], editionIds: readonly string[]): (ShownRowSignal | null)[] {
  const lengths: RowLengths[] = rows.flatMap((row) => (row ? [row.lengths] : []));
  const stats = workLengthStats(lengths, editionIds);
  return rows.map((row) => {
    if (!row) return null;
    const differences = differencesBetween(row.differences, editionIds);
    const divergence = rowDivergence(row.lengths, editionIds, stats, differences);
    const lengthOutliers = divergence.lengthZs.filter((pair) => Math.abs(pair.z) >= LENGTH_OUTLIER_Z);
    return { ...divergence, differences, lengthOutliers };
  });
}

export type DivergenceLevel = 0 | 1 | 2 | 3;

/** Four bands of the divergence score for colouring: none (< 0.05), low (< 0.3), medium (< 0.6), high. */
export function divergenceLevel(score: number): DivergenceLevel {
  if (score < 0.05) return 0;
  if (score < 0.3) return 1;
  if (score < 0.6) return 2;
  return 3;
}
