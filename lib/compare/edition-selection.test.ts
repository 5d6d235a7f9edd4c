import { describe, expect, it } from "vitest";
import { DEFAULT_EDITIONS, MAX_EDITIONS, MIN_EDITIONS, parseEditionSelection } from "./edition-selection";

const AVAILABLE = ["ru", "fr", "es", "it", "en", "de"];
const FALLBACK = ["ru", "fr", "es", "it", "en"];
const MANY = Array.from({ length: 15 }, (_, i) => `e${i + 1}`);

describe("parseEditionSelection", () => {
  it("shows the first five editions without an error when the parameter is absent", () => {
    expect(DEFAULT_EDITIONS).toBe(5);
    expect(parseEditionSelection(undefined, AVAILABLE)).toEqual({ slugs: FALLBACK, error: null });
  });

  it("keeps a valid choice in the order given, which is the column order", () => {
    expect(parseEditionSelection("en,ru", AVAILABLE)).toEqual({ slugs: ["en", "ru"], error: null });
  });

  it("accepts from two to twelve editions", () => {
    expect(MIN_EDITIONS).toBe(2);
    expect(MAX_EDITIONS).toBe(12);
    expect(parseEditionSelection("ru,fr", AVAILABLE).error).toBeNull();
    expect(parseEditionSelection("ru,fr,es,it,en,de", AVAILABLE)).toEqual({ slugs: ["ru", "fr", "es", "it", "en", "de"], error: null });
    expect(parseEditionSelection(MANY.slice(0, 12).join(","), MANY)).toEqual({ slugs: MANY.slice(0, 12), error: null });
  });

  it("keeps the first twelve of too many editions and names the ones it left out", () => {
    expect(parseEditionSelection(MANY.join(","), MANY)).toEqual({
      slugs: MANY.slice(0, 12),
      error: "choose at most 12 editions: left out “e13”, “e14”, “e15”",
    });
  });

  it("adds an edition to a single one and says which", () => {
    expect(parseEditionSelection("ru", AVAILABLE)).toEqual({ slugs: ["ru", "fr"], error: "choose at least 2 editions: added “fr”" });
    expect(parseEditionSelection("fr", AVAILABLE)).toEqual({ slugs: ["fr", "ru"], error: "choose at least 2 editions: added “ru”" });
  });

  it("shows an edition chosen twice once, and says so", () => {
    expect(parseEditionSelection("ru,en,ru", AVAILABLE)).toEqual({ slugs: ["ru", "en"], error: "“ru” chosen twice: shown once" });
  });

  it("keeps the editions the work has and names every one it does not have", () => {
    expect(parseEditionSelection("ru,xx,en,yy", AVAILABLE)).toEqual({ slugs: ["ru", "en"], error: "no edition “xx”, “yy” in this work" });
    expect(parseEditionSelection("ru,xx,yy", AVAILABLE)).toEqual({ slugs: ["ru", "fr"], error: "no edition “xx”, “yy” in this work; choose at least 2 editions: added “fr”" });
  });

  it("falls back to the first five, saying so, when nothing asked for can be shown", () => {
    expect(parseEditionSelection("xx,yy", AVAILABLE)).toEqual({
      slugs: FALLBACK,
      error: "no edition “xx”, “yy” in this work; choose at least 2 editions: showing the first 5 instead",
    });
  });

  it.each([
    ["RU,en", "en"],
    ["ru;en", null],
    ["ru,en<script>", "ru"],
    ["ru,é", "ru"],
  ])("leaves out the malformed names of %j and keeps the rest", (param, kept) => {
    const selection = parseEditionSelection(param, AVAILABLE);
    expect(selection.error).toContain("edition names use a–z, 0–9 and hyphens: left out");
    if (kept) expect(selection.slugs[0]).toBe(kept);
    else expect(selection.slugs).toEqual(FALLBACK);
  });

  it("treats an empty value as too few editions", () => {
    expect(parseEditionSelection("", AVAILABLE)).toEqual({ slugs: FALLBACK, error: "choose at least 2 editions: showing the first 5 instead" });
    expect(parseEditionSelection(",", AVAILABLE).slugs).toEqual(FALLBACK);
  });

  it("ignores spaces and empty items between commas", () => {
    expect(parseEditionSelection(" ru , en ", AVAILABLE).slugs).toEqual(["ru", "en"]);
    expect(parseEditionSelection("ru,,en", AVAILABLE).slugs).toEqual(["ru", "en"]);
  });

  it("reads a repeated parameter (?editions=ru&editions=en) as one list", () => {
    expect(parseEditionSelection(["ru", "en,fr"], AVAILABLE)).toEqual({ slugs: ["ru", "en", "fr"], error: null });
    expect(parseEditionSelection(["ru", "ru"], AVAILABLE).error).toContain("chosen twice");
  });

  it("says a work with a single edition cannot be compared, without inventing a second", () => {
    expect(parseEditionSelection("ru", ["ru"])).toEqual({ slugs: ["ru"], error: "choose at least 2 editions" });
  });

  it("lets an earlier witness be chosen but never shows one by default or adds one", () => {
    const witnesses = ["fr-superseded"];
    expect(parseEditionSelection("fr,fr-superseded", AVAILABLE, witnesses)).toEqual({ slugs: ["fr", "fr-superseded"], error: null });
    expect(parseEditionSelection(undefined, ["fr", "en"], witnesses)).toEqual({ slugs: ["fr", "en"], error: null });
    expect(parseEditionSelection("fr,fr-superseded", ["fr", "en"], [])).toEqual({
      slugs: ["fr", "en"],
      error: "no edition “fr-superseded” in this work; choose at least 2 editions: added “en”",
    });
  });
});
