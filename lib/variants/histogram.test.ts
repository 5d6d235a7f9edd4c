import { describe, expect, it } from "vitest";
import { variantHistogram } from "./histogram";

describe("variantHistogram", () => {
  it("counts each edition's variants per stretch of rows", () => {
    const variants = [
      { rowNumber: 1, editions: [{ id: "ru" }, { id: "en" }] },
      { rowNumber: 2, editions: [{ id: "en" }] },
      { rowNumber: 19, editions: [{ id: "en" }] },
    ];
    const histogram = variantHistogram(variants, ["ru", "en", "fr"], 19, 10);
    expect(histogram.rowsPerBin).toBe(2);
    expect(histogram.counts.get("en")).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(histogram.counts.get("ru")).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(histogram.counts.get("fr")!.every((count) => count === 0)).toBe(true);
    expect(histogram.max).toBe(2);
  });

  it("gives one bin per row when the work is short", () => {
    expect(variantHistogram([], ["en"], 3, 20).counts.get("en")).toEqual([0, 0, 0]);
  });
});
