/** Where variants concentrate: for each edition, how many of its variants fall in each stretch of the work's rows. */

export interface HistogramVariant {
  rowNumber: number;
  editions: { id: string }[];
}

export interface Histogram {
  /** Rows per bin (the last bin may hold fewer). */
  rowsPerBin: number;
  /** Edition id → count per bin. */
  counts: Map<string, number[]>;
  /** The largest count, for scaling. */
  max: number;
}

export function variantHistogram(variants: readonly HistogramVariant[], editionIds: readonly string[], rowCount: number, maxBins: number): Histogram {
  const bins = Math.max(1, Math.min(maxBins, rowCount));
  const rowsPerBin = Math.max(1, Math.ceil(rowCount / bins));
  const binCount = Math.max(1, Math.ceil(rowCount / rowsPerBin));
  const counts = new Map(editionIds.map((id) => [id, new Array<number>(binCount).fill(0)]));
  for (const variant of variants) {
    const bin = Math.min(binCount - 1, Math.floor((variant.rowNumber - 1) / rowsPerBin));
    for (const edition of variant.editions) {
      const row = counts.get(edition.id);
      if (row && bin >= 0) row[bin]++;
    }
  }
  const max = Math.max(0, ...[...counts.values()].flat());
  return { rowsPerBin, counts, max };
}
