import { describe, expect, it } from "vitest";
import { parseWitness, witnessId } from "./witness";

const ID = "5f0c6a8e-7d1b-4c1e-9a51-1b7f0b6c2d3e";

describe("parseWitness", () => {
  it("reads the four kinds of witness and writes them back", () => {
    for (const value of ["edition:en-2", `segment:${ID}`, `before:${ID}`, `after:${ID}`]) {
      expect(witnessId(parseWitness(value)!)).toBe(value);
    }
  });

  it("refuses anything else", () => {
    for (const value of [undefined, "", "edition:", "edition:EN", "segment:12", `revision:${ID}`, "before:x"]) expect(parseWitness(value), value).toBeNull();
  });
});
