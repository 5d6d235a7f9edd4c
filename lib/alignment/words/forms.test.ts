import { describe, expect, it } from "vitest";
import { isContentWord, stemOf, wordForm } from "./forms";

describe("content words", () => {
  it("take elided function words for what they are, whichever apostrophe they are typed with", () => {
    for (const [word, language] of [
      ["d’", "fr"],
      ["l'", "fr"],
      ["qu’", "fr"],
      ["jusqu’", "fr"],
      ["n’", "fr-CA"],
      ["dell’", "it"],
      ["un’", "it"],
      ["quest’", "it"],
    ]) {
      expect(isContentWord(word, language), `${word} (${language})`).toBe(false);
      expect(wordForm(word, language).content, `${word} (${language})`).toBe(false);
      expect(stemOf(word, language).stopword, `${word} (${language})`).toBe(true);
    }
  });

  it("take every case of a Russian pronoun for a function word, as the stopword list does for some", () => {
    for (const word of ["мой", "моей", "нашей", "Нашему", "всей", "которую", "какими", "этому", "тобой", "чьём"]) {
      expect(isContentWord(word, "ru"), word).toBe(false);
    }
    for (const word of ["переговоры", "глазу", "власти", "мнениями"]) expect(isContentWord(word, "ru"), word).toBe(true);
  });

  it("keep words that only end in an apostrophe, and words of content", () => {
    expect(isContentWord("Kremlin’", "en")).toBe(true);
    expect(isContentWord("pourparlers", "fr")).toBe(true);
    expect(isContentWord("entrevue", "fr")).toBe(true);
    expect(isContentWord("de", "fr")).toBe(false);
    expect(isContentWord("’", "fr")).toBe(false);
  });
});
