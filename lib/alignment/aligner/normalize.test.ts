import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asciiDigits, baseLanguage, foldCase, latinize, words } from "./normalize";

describe("normalisation", () => {
  it("folds case and diacritics", () => {
    expect(foldCase("Kámenev")).toBe("kamenev");
    expect(foldCase("ÉLAN")).toBe("elan");
  });

  it("turns digits of any script into ASCII digits", () => {
    expect(asciiDigits("١٩٣٧ ۱۹۳۷ १९३७ １９３７")).toBe("1937 1937 1937 1937");
  });

  it("transliterates to Latin letters for cognates", () => {
    expect(latinize("Революция")).toMatch(/^revol/);
  });

  it("falls back to the neutral language for unusable codes", () => {
    expect(baseLanguage("pt-BR")).toBe("pt");
    expect(baseLanguage("not a tag!")).toBe("und");
    expect(baseLanguage(undefined)).toBe("und");
  });

  it("splits words like Intl.Segmenter on space-separated scripts", () => {
    const segmenter = new Intl.Segmenter("en", { granularity: "word" });
    const text = fc.array(fc.constantFrom("Don't", "l’homme", "1937", "3.14", "Каменев", "naïve", "co-operation", ",", "«", "»", "?", " ", "Ἀθῆναι", "x"), { maxLength: 12 });
    fc.assert(
      fc.property(text, (parts) => {
        const sentence = parts.join(" ");
        const expected = [...segmenter.segment(sentence)].filter((s) => s.isWordLike).map((s) => s.segment);
        expect(words(sentence, "en")).toEqual(expected);
      }),
    );
  });

  it("segments Chinese and Thai text with Intl.Segmenter", () => {
    expect(words("我们是学生", "zh").length).toBeGreaterThan(1);
    expect(words("ภาษาไทยง่ายนิดเดียว", "th").length).toBeGreaterThan(1);
  });
});
