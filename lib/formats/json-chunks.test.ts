import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonChunks } from "./json-chunks";

describe("jsonChunks", () => {
  it("joins to exactly JSON.stringify(value, null, 2), at every streaming depth", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, depth) => {
        expect([...jsonChunks(value, depth)].join("")).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it("calls toJSON and leaves out undefined like JSON.stringify, and streams item by item", () => {
    const value = { when: new Date(0), gone: undefined, list: [1, undefined, { a: "line\nbreak" }], nested: { empty: {}, none: [] } };
    expect([...jsonChunks(value)].join("")).toBe(JSON.stringify(value, null, 2));
    expect([...jsonChunks({ rows: Array.from({ length: 100 }, (_, i) => ({ i })) })].length).toBeGreaterThan(100);
  });
});
