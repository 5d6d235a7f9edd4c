import { describe, expect, it } from "vitest";
import { overviewMarks, type OverviewRow } from "./overview";

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
