import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_PARAMS, pageOfRow, parseViewParams, viewQuery, wordDiffOptions } from "./view-params";

describe("parseViewParams", () => {
  it("reads every setting from the query", () => {
    const { params, errors } = parseViewParams({
      diff: "en,en-2",
      view: "inline",
      ignoreCase: "1",
      ignorePunctuation: "true",
      ignoreWhitespace: "on",
      profile: "accents",
      anchors: "all",
      words: "off",
      base: "ru",
      page: "3",
    });
    expect(errors).toEqual([]);
    expect(params).toEqual({
      diff: ["en", "en-2"],
      view: "inline",
      ignoreCase: true,
      ignorePunctuation: true,
      ignoreWhitespace: true,
      profile: "accents",
      anchors: "all",
      words: false,
      base: "ru",
      page: 3,
    });
  });

  it("falls back to the default of each invalid setting and says which", () => {
    const { params, errors } = parseViewParams({ diff: "en", view: "sideways", page: "0", ignoreCase: "1" });
    expect(params).toEqual({ ...DEFAULT_VIEW_PARAMS, ignoreCase: true });
    expect(errors.map((error) => error.split(":")[0])).toEqual(["diff", "view", "page"]);
  });

  it("refuses a diff of an edition with itself", () => {
    expect(parseViewParams({ diff: "en,en" }).errors).toEqual(["diff: choose two different editions"]);
  });
});

describe("viewQuery", () => {
  it("writes only the settings that differ from the defaults, and the editions last with plain commas", () => {
    expect(viewQuery(DEFAULT_VIEW_PARAMS, ["ru", "fr", "en"])).toBe("?editions=ru,fr,en");
    expect(viewQuery({ ...DEFAULT_VIEW_PARAMS, diff: ["en", "en-2"], ignoreCase: true, page: 2 }, ["en", "en-2"])).toBe(
      "?diff=en,en-2&ignoreCase=1&page=2&editions=en,en-2",
    );
  });

  it("round-trips through parseViewParams", () => {
    const params = { ...DEFAULT_VIEW_PARAMS, diff: ["ru", "ru-1994"] as [string, string], view: "inline" as const, profile: "none" as const, anchors: "none" as const };
    const query = Object.fromEntries(new URLSearchParams(viewQuery(params, null)));
    expect(parseViewParams(query).params).toEqual(params);
  });
});

describe("wordDiffOptions", () => {
  it("maps the profile setting to the profile and accent folding", () => {
    expect(wordDiffOptions({ ...DEFAULT_VIEW_PARAMS, profile: "none" })).toMatchObject({ profile: false, foldAccents: false });
    expect(wordDiffOptions({ ...DEFAULT_VIEW_PARAMS, profile: "accents" })).toMatchObject({ profile: true, foldAccents: true });
  });
});

describe("pageOfRow", () => {
  it("finds the page of a row", () => {
    expect(pageOfRow(1, 200)).toBe(1);
    expect(pageOfRow(200, 200)).toBe(1);
    expect(pageOfRow(201, 200)).toBe(2);
  });
});
