import { describe, expect, it } from "vitest";
import { MAX_EDITIONS, MIN_EDITIONS, parseEditionSelection } from "./edition-selection";

const AVAILABLE = ["ru", "fr", "es", "it", "en", "de"];
const FALLBACK = ["ru", "fr", "es", "it", "en"];

describe("parseEditionSelection", () => {
  it("shows the first five editions without an error when the parameter is absent", () => {
    expect(parseEditionSelection(undefined, AVAILABLE)).toEqual({ slugs: FALLBACK, error: null });
  });

  it("keeps a valid choice in the order given, which is the column order", () => {
    expect(parseEditionSelection("en,ru", AVAILABLE)).toEqual({ slugs: ["en", "ru"], error: null });
  });

  it("accepts from two to five editions", () => {
    expect(MIN_EDITIONS).toBe(2);
    expect(MAX_EDITIONS).toBe(5);
    expect(parseEditionSelection("ru,fr", AVAILABLE).error).toBeNull();
    expect(parseEditionSelection("ru,fr,es,it,de", AVAILABLE)).toEqual({ slugs: ["ru", "fr", "es", "it", "de"], error: null });
  });

  it("falls back with an error for a single edition", () => {
    expect(parseEditionSelection("ru", AVAILABLE)).toEqual({ slugs: FALLBACK, error: "choose at least 2 editions" });
  });

  it("falls back with an error for six editions", () => {
    expect(parseEditionSelection("ru,fr,es,it,en,de", AVAILABLE)).toEqual({ slugs: FALLBACK, error: "choose at most 5 editions" });
  });

  it("falls back with an error when an edition is chosen twice", () => {
    expect(parseEditionSelection("ru,en,ru", AVAILABLE)).toEqual({ slugs: FALLBACK, error: "an edition is chosen twice" });
  });

  it("falls back with an error naming every edition the work does not have", () => {
    expect(parseEditionSelection("ru,xx,yy", AVAILABLE)).toEqual({ slugs: FALLBACK, error: "no edition “xx”, “yy” in this work" });
  });

  it.each([["RU,en"], ["ru;en"], ["ru,en<script>"], ["ru,é"]])("falls back with an error for the malformed value %j", (param) => {
    expect(parseEditionSelection(param, AVAILABLE)).toEqual({ slugs: FALLBACK, error: "edition names use a–z, 0–9 and hyphens" });
  });

  it("treats an empty value as too few editions", () => {
    expect(parseEditionSelection("", AVAILABLE)).toEqual({ slugs: FALLBACK, error: "choose at least 2 editions" });
    expect(parseEditionSelection(",", AVAILABLE)).toEqual({ slugs: FALLBACK, error: "choose at least 2 editions" });
  });

  it("ignores spaces and empty items between commas", () => {
    expect(parseEditionSelection(" ru , en ", AVAILABLE).slugs).toEqual(["ru", "en"]);
    expect(parseEditionSelection("ru,,en", AVAILABLE).slugs).toEqual(["ru", "en"]);
  });

  it("reads a repeated parameter (?editions=ru&editions=en) as one list", () => {
    expect(parseEditionSelection(["ru", "en,fr"], AVAILABLE)).toEqual({ slugs: ["ru", "en", "fr"], error: null });
    expect(parseEditionSelection(["ru", "ru"], AVAILABLE).error).toBe("an edition is chosen twice");
  });

  it("falls back to all editions of a work that has fewer than five", () => {
    expect(parseEditionSelection("ru", ["ru", "en"])).toEqual({ slugs: ["ru", "en"], error: "choose at least 2 editions" });
  });

  it("reads a comma-separated choice back in the order given", () => {
    const slugs = ["it", "ru", "en"];
    expect(parseEditionSelection(slugs.join(","), AVAILABLE)).toEqual({ slugs, error: null });
  });

  it("lets an earlier witness be chosen but never shows one by default or in the fallback", () => {
    const witnesses = ["fr-superseded"];
    expect(parseEditionSelection("fr,fr-superseded", AVAILABLE, witnesses)).toEqual({ slugs: ["fr", "fr-superseded"], error: null });
    expect(parseEditionSelection(undefined, ["fr", "en"], witnesses)).toEqual({ slugs: ["fr", "en"], error: null });
    expect(parseEditionSelection("fr,fr-superseded", ["fr", "en"], [])).toEqual({ slugs: ["fr", "en"], error: "no edition “fr-superseded” in this work" });
  });
});
