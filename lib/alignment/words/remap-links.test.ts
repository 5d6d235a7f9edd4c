import { describe, expect, it } from "vitest";
import { remapSide, wordIndexMap } from "./remap-links";

describe("links through a text correction", () => {
  it("keep the links of unchanged words at their new positions and drop those of changed words", () => {
    const map = wordIndexMap("The bloc can be realised only if you struggle", "The bloc can, of course, be realized only if you struggle", "en");
    expect(map.get(0)).toBe(0);
    expect(map.get(3)).toBe(5);
    expect(map.has(4)).toBe(false);
    const set = { aTokens: [0, 3, 4, 8], bTokens: [1, 2, 3, 7], probabilities: [0.9, 0.8, 0.7, 0.6], dropped: 0 };
    expect(remapSide(set, "a", map)).toEqual({ aTokens: [0, 5, 10], bTokens: [1, 2, 7], probabilities: [0.9, 0.8, 0.6], dropped: 1 });
  });

  it("renumber the second side when the corrected segment is the second", () => {
    const map = wordIndexMap("Каменев сказал мне", "Тогда Каменев сказал мне", "ru");
    expect(remapSide({ aTokens: [4], bTokens: [0], probabilities: [1], dropped: 2 }, "b", map)).toEqual({ aTokens: [4], bTokens: [1], probabilities: [1], dropped: 2 });
  });

  it("keep every word's links when an import only brought the text to Unicode NFC, and renumber words split otherwise", () => {
    const nfc = (word: string) => word.normalize("NFC");
    const vietnamese = "Mọi người đều có quyền";
    expect([...wordIndexMap(vietnamese.normalize("NFD"), vietnamese, "vi", nfc)]).toEqual([0, 1, 2, 3, 4].map((k) => [k, k]));
    /* Decomposed, すべて is read as three words. */
    const japanese = "すべての人は、ガラスの家に住む。";
    expect([...wordIndexMap(japanese.normalize("NFD"), japanese, "ja", nfc)]).toEqual([3, 4, 5, 6, 7, 8, 9, 10].map((k) => [k, k - 2]));
  });
});
