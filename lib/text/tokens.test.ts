import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffTokens, wordTokens } from "./tokens";

const words = (text: string, lang: string) => wordTokens(text, lang).map((t) => t.text);

describe("wordTokens", () => {
  it("splits Russian words and keeps hyphen, digits and case suffixes apart", () => {
    expect(words("Зиновьев и Каменев прибыли в Алма-Ату 26-го мая.", "ru")).toEqual([
      "Зиновьев", "и", "Каменев", "прибыли", "в", "Алма", "Ату", "26", "го", "мая",
    ]);
  });

  it("splits French elisions after the apostrophe", () => {
    expect(words("L’opposition qu’il dirigeait, c'est l'histoire.", "fr")).toEqual([
      "L’", "opposition", "qu’", "il", "dirigeait", "c'", "est", "l'", "histoire",
    ]);
  });

  it("splits Italian elisions but not other apostrophes", () => {
    expect(words("Dell’Italia e dell’opposizione, po’ di più.", "it")).toEqual([
      "Dell’", "Italia", "e", "dell’", "opposizione", "po", "di", "più",
    ]);
  });

  it("keeps English contractions and grouped numbers whole", () => {
    expect(words("Stalin didn't sign 5,000 orders in 1936.", "en")).toEqual([
      "Stalin", "didn't", "sign", "5,000", "orders", "in", "1936",
    ]);
  });

  it("tokenises Spanish accented words and inverted punctuation", () => {
    expect(words("¿Quién acusó a Zinóviev? ¡Vishinski!", "es")).toEqual(["Quién", "acusó", "a", "Zinóviev", "Vishinski"]);
  });

  it("reports offsets that point at the token in the text", () => {
    const text = "«Троцкий»  и Сталин";
    for (const token of wordTokens(text, "ru")) expect(text.slice(token.index, token.index + token.text.length)).toBe(token.text);
  });
});

describe("diffTokens", () => {
  it("classifies words, whitespace and punctuation", () => {
    const tokens = diffTokens("Trotski, «  Staline »", "fr");
    expect(tokens.map((t) => [t.text, t.kind])).toEqual([
      ["Trotski", "word"], [",", "punct"], [" ", "space"], ["«", "punct"], ["  ", "space"], ["Staline", "word"], [" ", "space"], ["»", "punct"],
    ]);
  });

  it("concatenates back to the original text in every language", () => {
    const samples: [string, string][] = [
      ["ru", "Вышинскій сказалъ: «Зиновьевъ — врагъ»…\n\nКонецъ."],
      ["fr", "Vychinski l’a dit : « Zinoviev est coupable ! »"],
      ["es", "Vishinski dijo: —¡Zinóviev es culpable!"],
      ["it", "Višinskij disse: «Zinoviev è colpevole», nell’aula."],
      ["en", "Vyshinsky said: “Zinoviev is guilty” (1936)."],
    ];
    for (const [lang, text] of samples) expect(diffTokens(text, lang).map((t) => t.text).join("")).toBe(text);
  });

  it("concatenates back to any input string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.constantFrom("ru", "fr", "es", "it", "en"), (text, lang) => {
        expect(diffTokens(text, lang).map((t) => t.text).join("")).toBe(text);
      }),
    );
  });
});

describe("diffTokens on long texts", () => {
  it("segments a long text into the same tokens as short pieces would", () => {
    const sentence = "Zinoviev  and Kamenev, «les accusés», were shot in 1936…\n";
    const text = sentence.repeat(40);
    const tokens = diffTokens(text, "fr");
    const expected = diffTokens(sentence, "fr");
    expect(tokens.length).toBe(expected.length * 40);
    tokens.forEach((token, i) => {
      const model = expected[i % expected.length];
      expect([token.text, token.kind, token.index]).toEqual([model.text, model.kind, model.index + Math.floor(i / expected.length) * sentence.length]);
    });
  });

  it("keeps a whitespace run whole across a chunk boundary", () => {
    const text = `${"word ".repeat(100)}          tail`;
    expect(diffTokens(text, "en").filter((t) => t.kind === "space").map((t) => t.text).at(-1)).toBe(" ".repeat(11));
  });
});
