import { describe, expect, it } from "vitest";
import { findRuns, splitSearchQuery } from "./search-query";

describe("splitSearchQuery", () => {
  it("takes the runs of unspaced scripts out of a query and leaves its other words (and websearch syntax) alone", () => {
    expect(splitSearchQuery("教育")).toEqual({ words: "", runs: ["教育"] });
    expect(splitSearchQuery("\"right to\" education -free")).toEqual({ words: "\"right to\" education -free", runs: [] });
    expect(splitSearchQuery("UNESCO 教育的权利 and การศึกษา")).toEqual({ words: "UNESCO and", runs: ["教育的权利", "การศึกษา"] });
  });

  it("separates runs at their punctuation, keeps marks and repeats a run once", () => {
    expect(splitSearchQuery("教育，权利。教育")).toEqual({ words: "， 。", runs: ["教育", "权利"] });
    expect(splitSearchQuery("ต้อง")).toEqual({ words: "", runs: ["ต้อง"] });
    expect(splitSearchQuery("すべて・人")).toEqual({ words: "・", runs: ["すべて", "人"] });
  });

  it("knows Lao, Khmer, Burmese and Chinese beyond the basic plane, and drops invisible characters", () => {
    expect(splitSearchQuery("ການສຶກສາ ការអប់រំ ပညာရေး 𠀋").runs).toEqual(["ການສຶກສາ", "ការអប់រំ", "ပညာရေး", "𠀋"]);
    expect(splitSearchQuery("教\u200b育").runs).toEqual(["教育"]);
  });

  it("leaves Korean, Latin, Cyrillic and Devanagari words to the language's search", () => {
    expect(splitSearchQuery("교육 Bildung образование शिक्षा")).toEqual({ words: "교육 Bildung образование शिक्षा", runs: [] });
  });
});

describe("findRuns", () => {
  it("finds every occurrence of each run, merged where they overlap", () => {
    const text = "人人都有受教育的权利。教育应当免费。";
    expect(findRuns(text, ["教育"]).map(({ start, end }) => text.slice(start, end))).toEqual(["教育", "教育"]);
    expect(findRuns(text, ["教育", "育的权"]).map(({ start, end }) => text.slice(start, end))).toEqual(["教育的权", "教育"]);
    expect(findRuns(text, [])).toEqual([]);
  });

  it("reads past the invisible characters the index ignores, with offsets in the original text", () => {
    const text = "ทุกคน\u200bมีสิทธิในการ\u200bศึกษา";
    const [range] = findRuns(text, ["การศึกษา"]);
    expect(text.slice(range.start, range.end)).toBe("การ\u200bศึกษา");
  });
});
