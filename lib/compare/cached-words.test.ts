import { describe, expect, it } from "vitest";
import { cellWordTokens } from "../alignment/words/cell-tokens";
import { cellOffsets } from "../db/words/link-sets";
import { cachedCellWords, cachedSegmentWords, cellWordOffsets } from "./cached-words";

const cells: [string[], string][] = [
  [["In the words of Vyshinsky (August 1936), the “United Center”.", "It was motivated[^6] only by power."], "en"],
  [["C’est dans le désir impatient de s’emparer de l’État.", "Central\u202f!"], "fr"],
  [["Ключ к моей неожиданной деятельности.", "", "Ещё 1937 г."], "ru"],
];

describe("cached cell words", () => {
  it("are the words cellWordTokens finds, asked once or twice", () => {
    for (const [texts, lang] of cells) {
      expect(cachedCellWords(texts, lang)).toEqual(cellWordTokens(texts, lang));
      expect(cachedCellWords(texts, lang)).toEqual(cellWordTokens(texts, lang));
    }
  });

  it("keep one answer per text and language", () => {
    expect(cachedSegmentWords("Central !", "fr")).toBe(cachedSegmentWords("Central !", "fr"));
    expect(cachedSegmentWords("Central !", "en")).not.toBe(cachedSegmentWords("Central !", "fr"));
  });

  it("give each segment's first word number as cellOffsets does", () => {
    for (const [texts, lang] of cells) {
      const segments = texts.map((text, index) => ({ id: `s${index}`, text }));
      const { offsets } = cellOffsets(segments, lang);
      expect(cellWordOffsets(texts, lang)).toEqual(segments.map((segment) => offsets.get(segment.id)));
    }
  });
});
