import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Bead } from "../../alignment/aligner";
import { placeByBeads } from "./place-by-beads";

const bead = (a: number[], b: number[], score = 0.9): Bead => ({ a, b, score });

describe("placeByBeads", () => {
  const rows = ["r1", "r1", "r2", "r3", "r4"];

  it("puts each bead's new segments in the row of its first reference segment", () => {
    const placement = placeByBeads(rows, 4, [bead([0, 1], [0]), bead([2], [1, 2], 0.6), bead([3, 4], [3], 0.8)]);
    expect(placement.rowOf).toEqual(["r1", "r2", "r2", "r3"]);
    expect([...placement.scoreOfRow]).toEqual([
      ["r1", 0.9],
      ["r2", 0.6],
      ["r3", 0.8],
    ]);
  });

  it("adds text the reference lacks to the row before it, or to the first row when it comes first", () => {
    const placement = placeByBeads(rows, 4, [bead([], [0], 0.3), bead([0, 1], [1]), bead([2], []), bead([], [2], 0.4), bead([3], []), bead([4], [3])]);
    expect(placement.rowOf).toEqual(["r1", "r1", "r2", "r4"]);
    expect(placement.scoreOfRow.get("r1")).toBe(0.3);
    expect(placement.scoreOfRow.get("r2")).toBe(0.4);
  });

  it("refuses beads that skip or repeat segments", () => {
    expect(() => placeByBeads(rows, 2, [bead([0], [0]), bead([2, 3, 4], [1])])).toThrow("bead reference segment 2 is out of order (expected 1)");
    expect(() => placeByBeads(rows, 2, [bead([0, 1, 2, 3, 4], [1])])).toThrow("bead segment 1 of the new edition is out of order (expected 0)");
    expect(() => placeByBeads(rows, 3, [bead([0, 1, 2, 3, 4], [0, 1])])).toThrow("the beads place 2 of the new edition's 3 segments");
  });

  it("places every new segment once, in an order that never goes back up the grid", () => {
    const arbitrary = fc
      .record({ rowCount: fc.integer({ min: 1, max: 8 }), sizes: fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { minLength: 1, maxLength: 30 }) })
      .filter(({ sizes }) => sizes.some(([a]) => a > 0));
    fc.assert(
      fc.property(arbitrary, ({ rowCount, sizes }) => {
        const beads: Bead[] = [];
        let a = 0;
        let b = 0;
        for (const [na, nb] of sizes) {
          beads.push(bead(Array.from({ length: na }, (_, k) => a + k), Array.from({ length: nb }, (_, k) => b + k)));
          a += na;
          b += nb;
        }
        const referenceRows = Array.from({ length: a }, (_, i) => `r${Math.floor((i * rowCount) / a)}`);
        const order = (row: string) => Number(row.slice(1));
        const { rowOf } = placeByBeads(referenceRows, b, beads);
        expect(rowOf).toHaveLength(b);
        rowOf.forEach((row, i) => {
          expect(referenceRows).toContain(row);
          if (i > 0) expect(order(row)).toBeGreaterThanOrEqual(order(rowOf[i - 1]));
        });
      }),
    );
  });
});
