import { describe, expect, it } from "vitest";
import { chooseEditions, DEFAULT_SHOWN, editionsParam } from "./edition-choice";

const editions = Array.from({ length: 40 }, (_, i) => ({ id: `id${i}`, slug: `e${i}` }));

describe("choosing the editor's editions", () => {
  it("shows the pivot and the next editions up to the default when the URL names none", () => {
    const choice = chooseEditions(editions, null);
    expect(choice.shown.map((e) => e.slug)).toEqual(["e0", "e1", "e2", "e3", "e4"]);
    expect(choice.shown).toHaveLength(DEFAULT_SHOWN);
    expect(choice).toMatchObject({ leftOut: [], requested: false });
  });

  it("shows the requested editions in the requested order, naming the unknown and repeated ones", () => {
    const choice = chooseEditions(editions, "e7, e2,zz,e7,e39");
    expect(editionsParam(choice.shown)).toBe("e7,e2,e39");
    expect(choice).toMatchObject({ leftOut: ["zz", "e7"], requested: true });
  });

  it("falls back to the default when nothing requested is known, saying what it left out", () => {
    const choice = chooseEditions(editions.slice(0, 3), "xx,yy");
    expect(choice.shown.map((e) => e.slug)).toEqual(["e0", "e1", "e2"]);
    expect(choice).toMatchObject({ leftOut: ["xx", "yy"], requested: false });
  });
});
