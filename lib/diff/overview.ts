/**
 * The overview strip of the compare view: one mark per row, or, for a long work, one mark per run of rows
 * (at most `maxMarks` marks), with the highest divergence and the recorded variants of its rows.
 */
import { divergenceLevel, type DivergenceLevel } from "./row-signals";

export interface OverviewRow {
  number: number;
  /** Null while the row's signals are not computed yet. */
  score: number | null;
  missingAnchors: number;
  variants: number;
}

export interface OverviewMark {
  /** First and last row number of the mark. */
  from: number;
  to: number;
  /** The row the mark jumps to: its most divergent row, else its first. */
  target: number;
  level: DivergenceLevel | null;
  score: number | null;
  missingAnchors: number;
  variants: number;
}

export function overviewMarks(rows: readonly OverviewRow[], maxMarks: number): OverviewMark[] {
  const perMark = Math.max(1, Math.ceil(rows.length / maxMarks));
  const marks: OverviewMark[] = [];
  for (let start = 0; start < rows.length; start += perMark) {
    const group = rows.slice(start, start + perMark);
    const scored = group.filter((row) => row.score !== null);
    const top = scored.reduce<OverviewRow | null>((best, row) => (best === null || row.score! > best.score! ? row : best), null);
    const score = top?.score ?? null;
    marks.push({
      from: group[0].number,
      to: group[group.length - 1].number,
      target: top && top.score! > 0 ? top.number : group[0].number,
      level: score === null ? null : divergenceLevel(score),
      score,
      missingAnchors: group.reduce((sum, row) => sum + row.missingAnchors, 0),
      variants: group.reduce((sum, row) => sum + row.variants, 0),
    });
  }
  return marks;
}
