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

/** Numbers a packed mark takes: from, to, target, level (-1 while pending), score in hundredths (-1 while pending), missing anchors, variants. */
const PACKED_MARK = 7;

/** The marks as one flat array of numbers, for the page's payload (the strip is drawn in the browser from them). */
export function packOverviewMarks(marks: readonly OverviewMark[]): number[] {
  return marks.flatMap((mark) => [mark.from, mark.to, mark.target, mark.level ?? -1, mark.score === null ? -1 : Math.round(mark.score * 100), mark.missingAnchors, mark.variants]);
}

/** `packOverviewMarks` undone; scores come back in hundredths, as the strip shows them. */
export function unpackOverviewMarks(numbers: readonly number[]): OverviewMark[] {
  const marks: OverviewMark[] = [];
  for (let k = 0; k + PACKED_MARK <= numbers.length; k += PACKED_MARK) {
    const [from, to, target, level, score, missingAnchors, variants] = numbers.slice(k, k + PACKED_MARK);
    marks.push({ from, to, target, level: level < 0 ? null : (level as DivergenceLevel), score: score < 0 ? null : score / 100, missingAnchors, variants });
  }
  return marks;
}
