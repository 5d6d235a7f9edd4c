import { describe, expect, it } from "vitest";
import type { EditionDocument } from "../text/edition-document";
import { parseMarkdownEdition } from "./markdown";
import { segmentationStats } from "./segmentation-stats";
import { readFixture } from "./test-helpers";
import { importWarnings, MAX_WARNINGS_PER_CODE } from "./warnings";

const defaults = { work: "thirst-for-power", language: "en", title: "Thirst for Power" };

describe("importWarnings on text damaged by PDF extraction and bad decoding", () => {
  const raw = readFixture("pdf-damage.md");
  const warnings = importWarnings(parseMarkdownEdition(raw, "pdf-damage.md", defaults), raw);
  const found = warnings.map(({ code, line, excerpt }) => [code, line, excerpt]);

  it("flags words run together, lost hyphens and line-break hyphenation on their line", () => {
    expect(found).toContainEqual(["joined-words", 3, "StalinBukharin"]);
    expect(found).toContainEqual(["lost-hyphen", 3, "face-toface"]);
    expect(found).toContainEqual(["broken-hyphenation", 3, "revolu- tionary"]);
    expect(found).toContainEqual(["long-token", 7, "thenakedthirstforpowerasitsonlyprogramme"]);
  });

  it("flags a block that is only a number and short blocks repeated like running heads", () => {
    expect(found).toContainEqual(["page-number", 5, "143"]);
    expect(found.filter(([code]) => code === "repeated-block").map(([, line]) => line)).toEqual([9, 13, 17]);
  });

  it("flags a word mixing Latin and Cyrillic look-alike letters, naming the foreign letters", () => {
    const warning = warnings.find((w) => w.code === "mixed-script")!;
    expect([warning.line, warning.excerpt]).toEqual([7, "C\u0442a\u043b\u0438\u043d"]);
    expect(warning.message).toContain("Latin C U+0043, a U+0061");
  });

  it("flags control, private-use and replacement characters with line and column", () => {
    expect(warnings.filter((w) => w.line === 11).map((w) => [w.code, w.message.split(":")[0]])).toEqual([
      ["control-character", "column 19"],
      ["replacement-character", "column 65"],
      ["private-use-character", "column 46"],
    ]);
  });

  it("flags mojibake of both kinds", () => {
    expect(found.filter(([code]) => code === "mojibake")).toEqual([
      ["mojibake", 15, "\u0420\u045f\u0420\u0455\u0421\u0402"],
      ["mojibake", 15, "\u00d0\u009f\u00d0\u00be"],
      ["mojibake", 15, "\u00c3\u00a9"],
    ]);
  });

  it("does not flag names with inner capitals or suspended compounds", () => {
    expect(found.map(([, , excerpt]) => excerpt)).not.toContain("McDonald");
    expect(found.map(([, , excerpt]) => excerpt)).not.toContain("MacArthur");
    expect(found.some(([, , excerpt]) => String(excerpt).startsWith("Pre-"))).toBe(false);
  });

  it("lists warnings in line order", () => {
    const lines = warnings.map((w) => w.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe("importWarnings on clean text", () => {
  it("finds nothing in a clean edition", () => {
    const raw = readFixture("thirst-en.md");
    expect(importWarnings(parseMarkdownEdition(raw, "en.md"), raw)).toEqual([]);
  });

  it("caps each kind of warning and summarises the rest", () => {
    const raw = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}\u0007 text.`).join("\n\n");
    const warnings = importWarnings(parseMarkdownEdition(raw, "x.md", defaults), raw);
    expect(warnings).toHaveLength(MAX_WARNINGS_PER_CODE + 1);
    expect(warnings.at(-1)!.message).toBe("10 more warnings of this kind, the first on line 101");
  });
});

describe("segmentationStats", () => {
  it("counts blocks and sentences per kind, the apparatus, and the longest sentence", () => {
    const doc = parseMarkdownEdition(readFixture("thirst-en.md"), "en.md");
    const stats = segmentationStats(doc);
    expect(stats).toMatchObject({
      blocks: 7,
      sentences: 9,
      byKind: {
        heading: { blocks: 2, sentences: 2 },
        paragraph: { blocks: 2, sentences: 4 },
        blockquote: { blocks: 2, sentences: 2 },
        dateline: { blocks: 1, sentences: 1 },
        note: { blocks: 0, sentences: 0 },
      },
      apparatus: { blocks: 1, sentences: 1 },
    });
    expect(stats.longestSentence).toEqual({
      length: 93,
      line: 21,
      text: "“The bloc can be realized, it goes without saying, only if you intend to struggle for power.”",
    });
  });

  it("reports zeros for an empty document", () => {
    const empty: EditionDocument = { meta: parseMarkdownEdition("x", "x.md", defaults).meta, blocks: [], apparatus: null, corrections: [] };
    expect(segmentationStats(empty)).toMatchObject({ blocks: 0, sentences: 0, averageSentenceLength: 0, longestSentence: null });
  });
});

describe("importWarnings on scripts written without spaces", () => {
  it("does not read a Chinese, Japanese or Thai sentence as words run together", () => {
    const raw = [
      "# 世界人权宣言",
      "",
      "人人生而自由在尊严和权利上一律平等他们赋有理性和良心并应以兄弟关系的精神相对待。",
      "",
      "すべての人間は生れながらにして自由であり、かつ、尊厳と権利とについて平等である。",
      "",
      "มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอกันในเกียรติศักดิ์และสิทธิต่างมีเหตุผลและมโนธรรม",
      "",
      "Latin still counts: thenakedthirstforpowerasitsonlyprogramme.",
    ].join("\n");
    const warnings = importWarnings(parseMarkdownEdition(raw, "udhr.md", { ...defaults, language: "zh" }), raw);
    expect(warnings.filter((warning) => warning.code === "long-token").map((warning) => warning.excerpt)).toEqual(["thenakedthirstforpowerasitsonlyprogramme"]);
  });
});
