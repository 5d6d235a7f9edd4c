import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellLength,
  countMissingAnchors,
  divergenceScore,
  emptyCells,
  lengthPairStats,
  lengthZ,
  rowDivergence,
  textLength,
  workLengthStats,
  type RowLengths,
} from "./signals";

/** 40 rows where French is about 1.2 × English (±5 %), Russian about 0.9 ×. */
function work(): RowLengths[] {
  return Array.from({ length: 40 }, (_, i) => {
    const en = 100 + ((i * 37) % 200);
    const wobble = 1 + (((i * 13) % 11) - 5) / 100;
    return { en, fr: Math.round(en * 1.2 * wobble), ru: Math.round(en * 0.9 * wobble) };
  });
}

describe("textLength", () => {
  it("counts letters and digits, not spaces or punctuation", () => {
    expect(textLength("« Trotski », 1936 !")).toBe(11);
    expect(textLength(null)).toBe(0);
  });
});

describe("cellLength", () => {
  it("is null for a cell without text and counts letters and digits otherwise", () => {
    expect(cellLength(null)).toBeNull();
    expect(cellLength(" \n ")).toBeNull();
    expect(cellLength("— …")).toBe(0);
    expect(cellLength("Киров, 1934.")).toBe(9);
  });
});

describe("lengthPairStats", () => {
  it("finds the usual ratio of a pair of editions", () => {
    const stats = lengthPairStats(work(), "en", "fr");
    expect(stats.rows).toBe(40);
    expect(stats.medianRatio).toBeGreaterThan(1.12);
    expect(stats.medianRatio).toBeLessThan(1.2);
    expect(stats.sigma).toBeLessThan(0.1);
  });

  it("is not thrown off by a few wild rows", () => {
    const rows = work();
    rows[3] = { en: 100, fr: 900, ru: 90 };
    rows[7] = { en: 100, fr: 5, ru: 90 };
    const clean = lengthPairStats(work(), "en", "fr");
    const noisy = lengthPairStats(rows, "en", "fr");
    expect(Math.abs(noisy.medianLogRatio - clean.medianLogRatio)).toBeLessThan(0.02);
  });

  it("skips rows where either cell is empty and widens sigma when few rows remain", () => {
    const rows: RowLengths[] = [{ en: 3, fr: null }, { en: 6, fr: 6 }, { fr: 1 }];
    const stats = lengthPairStats(rows, "en", "fr");
    expect(stats.rows).toBe(1);
    expect(stats.sigma).toBe(0.25);
  });

  it("covers every unordered pair of editions", () => {
    expect(workLengthStats(work(), ["ru", "en", "fr"]).map((s) => `${s.a}-${s.b}`)).toEqual(["ru-en", "ru-fr", "en-fr"]);
  });
});

describe("lengthZ", () => {
  const stats = lengthPairStats(work(), "en", "fr");

  it("is small for an ordinary row and large for a row three times too long", () => {
    expect(Math.abs(lengthZ(stats, 150, 180)!)).toBeLessThan(1);
    expect(lengthZ(stats, 150, 540)!).toBeGreaterThan(6);
    expect(lengthZ(stats, 150, 40)!).toBeLessThan(-6);
  });

  it("is null when a cell is empty", () => {
    expect(lengthZ(stats, null, 10)).toBeNull();
  });
});

describe("emptyCells", () => {
  it("separates editions with and without text", () => {
    expect(emptyCells({ ru: 5, en: 0, fr: null }, ["ru", "en", "fr", "it"])).toEqual({ filled: ["ru", "en"], empty: ["fr", "it"] });
  });
});

describe("divergenceScore", () => {
  it("is 0 without signals and follows the documented formula", () => {
    expect(divergenceScore({ missingAnchors: 0, maxAbsLengthZ: 1.5, hasEmptyCell: false })).toBe(0);
    expect(divergenceScore({ missingAnchors: 0, maxAbsLengthZ: 0, hasEmptyCell: true })).toBeCloseTo(0.6);
    expect(divergenceScore({ missingAnchors: 0, maxAbsLengthZ: 6, hasEmptyCell: false })).toBeCloseTo(0.7);
    expect(divergenceScore({ missingAnchors: 3, maxAbsLengthZ: 0, hasEmptyCell: false })).toBeCloseTo(0.8 * (1 - Math.exp(-1)));
    expect(divergenceScore({ missingAnchors: 3, maxAbsLengthZ: 4, hasEmptyCell: true })).toBeCloseTo(
      1 - 0.4 * (1 - 0.7 * 0.5) * (1 - 0.8 * (1 - Math.exp(-1))),
    );
  });

  it("stays in [0, 1] and never falls when a signal grows", () => {
    const input = fc.record({ missingAnchors: fc.nat(50), maxAbsLengthZ: fc.double({ min: 0, max: 50, noNaN: true }), hasEmptyCell: fc.boolean() });
    fc.assert(
      fc.property(input, fc.nat(5), fc.double({ min: 0, max: 5, noNaN: true }), (base, moreAnchors, moreZ) => {
        const score = divergenceScore(base);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(divergenceScore({ ...base, missingAnchors: base.missingAnchors + moreAnchors })).toBeGreaterThanOrEqual(score);
        expect(divergenceScore({ ...base, maxAbsLengthZ: base.maxAbsLengthZ + moreZ })).toBeGreaterThanOrEqual(score);
        expect(divergenceScore({ ...base, hasEmptyCell: true })).toBeGreaterThanOrEqual(score);
      }),
    );
  });
});

describe("rowDivergence", () => {
  const ids = ["ru", "en", "fr"];
  const stats = workLengthStats(work(), ids);

  it("scores an ordinary row near 0 and an outlier row high", () => {
    const ordinary = rowDivergence({ ru: 135, en: 150, fr: 180 }, ids, stats);
    const outlier = rowDivergence({ ru: 135, en: 150, fr: 600 }, ids, stats);
    expect(ordinary.score).toBeLessThan(0.05);
    expect(outlier.score).toBeGreaterThan(0.6);
    expect(outlier.maxAbsLengthZ).toBeGreaterThan(6);
  });

  it("reports empty cells and counts missing anchors", () => {
    const result = rowDivergence({ ru: 135, en: null, fr: 180 }, ids, stats, [
      { missingIn: ["fr"] },
      { missingIn: ["ru", "fr"] },
    ]);
    expect(result.empty).toEqual(["en"]);
    expect(result.hasEmptyCell).toBe(true);
    expect(result.missingAnchors).toBe(3);
    expect(result.lengthZs.map((p) => `${p.a}-${p.b}`)).toEqual(["ru-fr"]);
  });

  it("does not call a row with all cells empty divergent", () => {
    expect(rowDivergence({}, ids, stats).score).toBe(0);
  });
});

describe("countMissingAnchors", () => {
  it("adds up the editions each anchor is missing in", () => {
    expect(countMissingAnchors([{ missingIn: ["a"] }, { missingIn: ["a", "b"] }, { missingIn: [] }])).toBe(3);
  });
});
