import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { planPositions } from "./positions";

const existing = (entries: Array<[string, number]>) => new Map(entries);

describe("planPositions", () => {
  it("puts a new item halfway between its neighbours", () => {
    const plan = planPositions(existing([["a", 1024], ["b", 2048]]), ["a", "n", "b"], 1024);
    expect(plan).toEqual({ kind: "insert", positions: new Map([["n", 1536]]) });
  });

  it("puts new items at the end a gap apart, and at the start below the first", () => {
    expect(planPositions(existing([["a", 1024]]), ["a", "n", "m"], 1024).positions).toEqual(new Map([["n", 2048], ["m", 3072]]));
    expect(planPositions(existing([["a", 1024]]), ["n", "a"], 1024).positions).toEqual(new Map([["n", 512]]));
  });

  it("avoids the positions of items that are about to go", () => {
    const plan = planPositions(existing([["a", 0], ["gone", 2], ["b", 4]]), ["a", "n", "b"], 1024);
    expect(plan.kind).toBe("insert");
    expect(plan.positions.get("n")).toBe(3);
  });

  it("renumbers everything with the full gap when there is no room", () => {
    const plan = planPositions(existing([["a", 5], ["b", 6]]), ["a", "n", "b"], 1024);
    expect(plan).toEqual({ kind: "renumber", positions: new Map([["a", 1024], ["n", 2048], ["b", 3072]]) });
  });

  it("refuses orders that move existing items", () => {
    expect(() => planPositions(existing([["a", 1], ["b", 2]]), ["b", "a"], 1024)).toThrow(/relative order/);
  });

  it("always gives increasing, distinct, non-negative positions that collide with no existing one", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat({ max: 12 }), { maxLength: 8 }),
        (positions, inserts) => {
          const sorted = [...positions].sort((x, y) => x - y);
          const items = new Map(sorted.map((p, i) => [`e${i}`, p]));
          const order = [...items.keys()];
          inserts.forEach((at, k) => order.splice(at % (order.length + 1), 0, `n${k}`));
          const plan = planPositions(items, order, 1024);
          const final = order.map((id) => plan.positions.get(id) ?? (plan.kind === "insert" ? items.get(id)! : NaN));
          final.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0);
            if (i > 0) expect(p).toBeGreaterThan(final[i - 1]);
          });
          if (plan.kind === "insert") {
            for (const [id, p] of plan.positions) {
              expect(items.has(id)).toBe(false);
              expect([...items.values()]).not.toContain(p);
            }
          }
        },
      ),
    );
  });
});
