import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mergePivotBeads, realignBetweenFixed, type CurrentRow, type EditionText, type NwayRow, type PairAligner, type PivotBeads } from "./nway";
import type { Bead } from "./aligner/types";

/** Random beads over n pivot and m edition segments (shapes 1-1, 1-0, 0-1, 2-1, 1-2, 2-2). */
function beadsArbitrary(editionId: string): fc.Arbitrary<{ pivot: number; other: PivotBeads }> {
  const shapes: Array<[number, number]> = [
    [1, 1],
    [1, 0],
    [0, 1],
    [2, 1],
    [1, 2],
    [2, 2],
  ];
  return fc
    .array(fc.tuple(fc.constantFrom(...shapes), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 15 })
    .map((list) => {
      let a = 0;
      let b = 0;
      const beads: Bead[] = list.map(([[k, l], score]) => {
        const bead = { a: Array.from({ length: k }, (_, t) => a + t), b: Array.from({ length: l }, (_, t) => b + t), score };
        a += k;
        b += l;
        return bead;
      });
      return { pivot: a, other: { editionId, count: b, beads } };
    });
}

/** Several editions' beads over one pivot: generate for the first, then re-cut the others to its pivot length. */
const nwayArbitrary = fc
  .tuple(beadsArbitrary("fr"), beadsArbitrary("es"), beadsArbitrary("it"))
  .map(([fr, es, it]) => {
    const pivot = fr.pivot;
    const fit = ({ other }: { other: PivotBeads }): PivotBeads => {
      const beads: Bead[] = [];
      let a = 0;
      let b = 0;
      for (const bead of other.beads) {
        const k = Math.min(bead.a.length, pivot - a);
        if (k === 0 && bead.a.length > 0) continue;
        beads.push({ a: Array.from({ length: k }, (_, t) => a + t), b: bead.b.map((_, t) => b + t), score: bead.score });
        a += k;
        b += bead.b.length;
      }
      for (; a < pivot; a++) beads.push({ a: [a], b: [], score: 0.5 });
      return { editionId: other.editionId, count: b, beads };
    };
    return { pivot, others: [fr.other, fit(es), fit(it)] };
  });

function columnViolations(rows: NwayRow[], counts: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const [id, count] of Object.entries(counts)) {
    const column = rows.flatMap((row) => row.cells[id] ?? []);
    if (column.join() !== Array.from({ length: count }, (_, k) => k).join()) problems.push(`${id} reads ${column.join()}`);
  }
  rows.forEach((row, r) => {
    if (Object.values(row.cells).every((cell) => cell.length === 0)) problems.push(`row ${r} is empty`);
    if (!(row.score >= 0 && row.score <= 1)) problems.push(`row ${r} score ${row.score}`);
  });
  return problems;
}

describe("mergePivotBeads", () => {
  it("puts every edition's segments once, in order, in non-empty rows", () => {
    fc.assert(
      fc.property(nwayArbitrary, ({ pivot, others }) => {
        const rows = mergePivotBeads(pivot, others, "ru");
        const counts = Object.fromEntries([["ru", pivot], ...others.map((o) => [o.editionId, o.count])]);
        expect(columnViolations(rows, counts)).toEqual([]);
      }),
    );
  });

  it("scores a row with the lowest score of the beads merged into it", () => {
    fc.assert(
      fc.property(nwayArbitrary, ({ pivot, others }) => {
        const rows = mergePivotBeads(pivot, others, "ru");
        const lowest = Math.min(1, ...others.flatMap((o) => o.beads.map((b) => b.score)));
        expect(Math.min(1, ...rows.map((r) => r.score))).toBeCloseTo(lowest);
      }),
    );
  });

  it("merges pivot rows under a 2-1 bead and gives a 0-1 bead its own row", () => {
    const fr: PivotBeads = {
      editionId: "fr",
      count: 4,
      beads: [
        { a: [0], b: [0], score: 0.9 },
        { a: [1, 2], b: [1], score: 0.7 },
        { a: [], b: [2], score: 0.3 },
        { a: [3], b: [3], score: 0.8 },
      ],
    };
    const es: PivotBeads = {
      editionId: "es",
      count: 5,
      beads: [
        { a: [0], b: [0, 1], score: 0.6 },
        { a: [1], b: [2], score: 0.95 },
        { a: [2], b: [3], score: 0.85 },
        { a: [3], b: [4], score: 0.9 },
      ],
    };
    expect(mergePivotBeads(4, [fr, es], "ru")).toEqual([
      { cells: { ru: [0], fr: [0], es: [0, 1] }, score: 0.6 },
      { cells: { ru: [1, 2], fr: [1], es: [2, 3] }, score: 0.7 },
      { cells: { ru: [], fr: [2], es: [] }, score: 0.3 },
      { cells: { ru: [3], fr: [3], es: [4] }, score: 0.8 },
    ]);
  });

  it("lets 0-k beads of several editions at the same place share a row, and joins one inside a merged row", () => {
    const fr: PivotBeads = {
      editionId: "fr",
      count: 4,
      beads: [
        { a: [], b: [0], score: 0.3 },
        { a: [0], b: [1], score: 1 },
        { a: [], b: [2], score: 0.2 },
        { a: [1], b: [3], score: 1 },
      ],
    };
    const es: PivotBeads = {
      editionId: "es",
      count: 2,
      beads: [
        { a: [], b: [0], score: 0.4 },
        { a: [0, 1], b: [1], score: 0.9 },
      ],
    };
    const it: PivotBeads = {
      editionId: "it",
      count: 1,
      beads: [
        { a: [0], b: [], score: 0.5 },
        { a: [], b: [0], score: 0.1 },
        { a: [1], b: [], score: 0.5 },
      ],
    };
    expect(mergePivotBeads(2, [fr, es, it], "ru")).toEqual([
      { cells: { ru: [], fr: [0], es: [0], it: [] }, score: 0.3 },
      { cells: { ru: [0, 1], fr: [1, 2, 3], es: [1], it: [0] }, score: 0.1 },
    ]);
  });

  it("rejects beads that do not cover the pivot", () => {
    expect(() => mergePivotBeads(3, [{ editionId: "fr", count: 1, beads: [{ a: [0], b: [0], score: 1 }] }], "ru")).toThrow(/cover/);
  });
});

describe("realignBetweenFixed", () => {
  const edition = (editionId: string, count: number): EditionText => ({
    editionId,
    lang: "en",
    segments: Array.from({ length: count }, (_, k) => ({ text: `${editionId} sentence ${k} ${"word ".repeat(k % 4)}.` })),
  });

  it("keeps confirmed rows exactly and realigns the stretches between them", () => {
    const pivot = edition("ru", 6);
    const fr = edition("fr", 7);
    const rows: CurrentRow[] = [
      { cells: { ru: [0], fr: [0, 1] }, fixed: false },
      { cells: { ru: [1, 2], fr: [2] }, fixed: true, score: 0.4 },
      { cells: { ru: [3], fr: [] }, fixed: false },
      { cells: { ru: [], fr: [3] }, fixed: false },
      { cells: { ru: [4], fr: [4, 5] }, fixed: true },
      { cells: { ru: [5], fr: [6] }, fixed: false },
    ];
    const calls: Array<[number, number]> = [];
    const oneToOne: PairAligner = (a, b) => {
      calls.push([a.length, b.length]);
      const n = Math.max(a.length, b.length);
      return Array.from({ length: n }, (_, k) => ({ a: k < a.length ? [k] : [], b: k < b.length ? [k] : [], score: 0.5 }));
    };
    const result = realignBetweenFixed(rows, pivot, [fr], oneToOne);
    expect(calls).toEqual([
      [1, 2],
      [1, 1],
      [1, 1],
    ]);
    expect(result).toEqual([
      { cells: { ru: [0], fr: [0] }, score: 0.5, fixed: false },
      { cells: { ru: [], fr: [1] }, score: 0.5, fixed: false },
      { cells: { ru: [1, 2], fr: [2] }, score: 0.4, fixed: true },
      { cells: { ru: [3], fr: [3] }, score: 0.5, fixed: false },
      { cells: { ru: [4], fr: [4, 5] }, score: 1, fixed: true },
      { cells: { ru: [5], fr: [6] }, score: 0.5, fixed: false },
    ]);
  });

  it("keeps fixed rows and column order for any choice of fixed rows, with the real aligner", () => {
    const pivot = edition("ru", 12);
    const fr = edition("fr", 12);
    const es = edition("es", 10);
    const initial: CurrentRow[] = Array.from({ length: 12 }, (_, k) => ({
      cells: { ru: [k], fr: [k], es: k < 10 ? [k] : [] },
      fixed: false,
    }));
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (fixedFlags) => {
        const rows = initial.map((row, k) => ({ ...row, fixed: fixedFlags[k] }));
        const result = realignBetweenFixed(rows, pivot, [fr, es]);
        expect(result.filter((r) => r.fixed).map((r) => r.cells)).toEqual(rows.filter((r) => r.fixed).map((r) => r.cells));
        expect(columnViolations(result, { ru: 12, fr: 12, es: 10 })).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
