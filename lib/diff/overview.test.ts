import { describe, expect, it } from "vitest";
import { overviewMarks, packOverviewMarks, unpackOverviewMarks, type OverviewRow } from "./overview";

const row = (number: number, score: number | null, variants = 0, missingAnchors = 0): OverviewRow => ({ number, score, variants, missingAnchors });

describe("overviewMarks", () => {
  it("gives one mark per row when the work is short", () => {
    const marks = overviewMarks([row(1, 0), row(2, 0.7, 1, 2), row(3, null)], 400);
    expect(marks.map((mark) => [mark.from, mark.to, mark.target, mark.level, mark.variants, mark.missingAnchors])).toEqual([
      [1, 1, 1, 0, 0, 0],
      [2, 2, 2, 3, 1, 2],
      [3, 3, 3, null, 0, 0],
    ]);
  });

  it("groups rows of a long work, each mark jumping to its most divergent row", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(i + 1, i === 456 ? 0.9 : 0.01, i % 100 === 0 ? 1 : 0));
    const marks = overviewMarks(rows, 400);
    expect(marks).toHaveLength(334);
    const hot = marks.find((mark) => mark.from <= 457 && mark.to >= 457)!;
    expect([hot.from, hot.to, hot.target, hot.level]).toEqual([457, 459, 457, 3]);
    expect(marks.reduce((sum, mark) => sum + mark.variants, 0)).toBe(10);
  });
});

describe("packed overview marks", () => {
  it("come back as the marks, scores in hundredths", () => {
    const rows: OverviewRow[] = [
      { number: 1, score: 0.4567, missingAnchors: 2, variants: 1 },
      { number: 2, score: null, missingAnchors: 0, variants: 0 },
      { number: 3, score: 0, missingAnchors: 0, variants: 3 },
    ];
    const marks = overviewMarks(rows, 10);
    const back = unpackOverviewMarks(JSON.parse(JSON.stringify(packOverviewMarks(marks))));
    expect(back).toEqual(marks.map((mark) => ({ ...mark, score: mark.score === null ? null : Math.round(mark.score * 100) / 100 })));
    expect(back[1]).toMatchObject({ level: null, score: null });
  });
});
