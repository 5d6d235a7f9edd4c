import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { induceDictionary } from "./induced-dictionary";

describe("induceDictionary", () => {
  it("learns a word pair that co-occurs in many one-to-one beads", () => {
    const beads: Array<[string[], string[]]> = [];
    for (let k = 0; k < 12; k++) beads.push([["hund", `x${k}`, "der"], ["kutya", `y${k}`, "a"]]);
    for (let k = 0; k < 12; k++) beads.push([["katze", `p${k}`, "der"], ["macsk", `q${k}`, "a"]]);
    const dictionary = induceDictionary(beads);
    expect(dictionary.has("hund", "kutya")).toBe(true);
    expect(dictionary.has("katze", "macsk")).toBe(true);
    expect(dictionary.has("hund", "macsk")).toBe(false);
    expect(dictionary.keysForA(["hund"])).toEqual(["dkutya"]);
    expect(dictionary.keysForB(["kutya", "y3"])).toEqual(["dkutya"]);
  });

  it("does not learn pairs seen together fewer times than the threshold", () => {
    const beads: Array<[string[], string[]]> = [
      [["rare"], ["ritka"]],
      [["rare"], ["ritka"]],
      [["other"], ["mas"]],
    ];
    expect(induceDictionary(beads).entries).toEqual([]);
  });

  it("learns nothing from beads whose words are unrelated", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(10_000), fc.nat(10_000)), { maxLength: 60 }), (pairs) => {
        const beads = pairs.map(([x, y], k): [string[], string[]] => [[`a${x}-${k}`], [`b${y}-${k}`]]);
        return induceDictionary(beads).entries.length === 0;
      }),
    );
  });
});
