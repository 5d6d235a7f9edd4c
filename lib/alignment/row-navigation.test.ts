import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gridStateArbitrary } from "./grid.arbitraries";
import { stateOf } from "./grid.fixtures";
import { allOf, isBelowConfidence, isNotOneToOne, isUnconfirmed, nextRow } from "./row-navigation";

const { grid } = stateOf(["ru", "fr"], ["r0: a0 | b0", "r1: a1 a2 | b1", "r2: a3 | b2", "r3: - | b3", "r4: a4 | b4"], {
  r0: { status: "automatic", confidence: 0.3 },
  r1: { status: "confirmed", confidence: 0.4 },
  r2: { status: "confirmed", confidence: 0.95 },
  r3: { status: "automatic", confidence: null },
  r4: { status: "confirmed", confidence: 0.9 },
});

describe("nextRow", () => {
  it("finds the next unconfirmed row below the current one", () => {
    expect(nextRow(grid, 0, isUnconfirmed)).toBe(3);
    expect(nextRow(grid, -1, isUnconfirmed)).toBe(0);
  });

  it("returns null at the end unless asked to wrap around", () => {
    expect(nextRow(grid, 3, isUnconfirmed)).toBeNull();
    expect(nextRow(grid, 3, isUnconfirmed, { wrap: true })).toBe(0);
  });

  it("comes back to the starting row when it is the only match and wrapping", () => {
    expect(nextRow(grid, 1, (row) => row.id === "r1", { wrap: true })).toBe(1);
    expect(nextRow(grid, 1, (row) => row.id === "r1")).toBeNull();
  });

  it("searches upward going backward", () => {
    expect(nextRow(grid, 3, isUnconfirmed, { direction: "backward" })).toBe(0);
    expect(nextRow(grid, 0, isUnconfirmed, { direction: "backward" })).toBeNull();
    expect(nextRow(grid, 0, isUnconfirmed, { direction: "backward", wrap: true })).toBe(3);
  });

  it("finds rows below a confidence threshold, skipping hand-made rows", () => {
    expect(nextRow(grid, 0, isBelowConfidence(0.5))).toBe(1);
    expect(nextRow(grid, 1, isBelowConfidence(0.5))).toBeNull();
  });

  it("finds rows that are not one-to-one", () => {
    expect(nextRow(grid, -1, isNotOneToOne)).toBe(1);
    expect(nextRow(grid, 1, isNotOneToOne)).toBe(3);
    expect(nextRow(grid, -1, allOf(isNotOneToOne, isUnconfirmed))).toBe(3);
  });

  it("returns null on an empty grid", () => {
    expect(nextRow({ editionIds: ["ru"], rows: [] }, -1, () => true, { wrap: true })).toBeNull();
  });

  it("agrees with a linear scan on random grids", () => {
    fc.assert(
      fc.property(gridStateArbitrary, fc.nat(), fc.boolean(), fc.boolean(), ({ grid: g }, from, wrap, backward) => {
        const n = g.rows.length;
        const start = from % n;
        const order = Array.from({ length: n }, (_, k) => (backward ? start - 1 - k : start + 1 + k));
        const candidates = order.filter((i) => wrap || (i >= 0 && i < n)).map((i) => ((i % n) + n) % n);
        const expected = candidates.find((i) => isNotOneToOne(g.rows[i], i, g)) ?? null;
        expect(nextRow(g, start, isNotOneToOne, { wrap, direction: backward ? "backward" : "forward" })).toBe(expected);
      }),
    );
  });
});
