import { describe, expect, it } from "vitest";
import {
  DEFAULT_NORMALISE_OPTIONS,
  applyProfile,
  foldTypography,
  isPreReformRussian,
  normaliseText,
  tokenKey,
  type NormaliseOptions,
} from "./normalise";
import { diffTokens } from "./tokens";

const opts = (overrides: Partial<NormaliseOptions> = {}): NormaliseOptions => ({ ...DEFAULT_NORMALISE_OPTIONS, ...overrides });

describe("foldTypography", () => {
  it("folds guillemets, curly and low quotes to straight quotes", () => {
    expect(foldTypography("«a» „b“ “c” ‘d’ ‹e›")).toBe(`"a" "b" "c" 'd' "e"`);
  });

  it("folds em, en and figure dashes to a hyphen and special spaces to a space", () => {
    expect(foldTypography("a — b – c ‒ d\u00a0e\u202ff")).toBe("a - b - c - d e f");
  });
});

describe("Russian profile", () => {
  it("folds ё to е in both cases", () => {
    expect(applyProfile("Ёжов ещё", "ru", {})).toBe("Ежов еще");
  });

  it("folds pre-1918 letters and drops word-final hard signs", () => {
    expect(applyProfile("Вѣра въ Ѳеодора и Россію, мѵро, объявленъ", "ru", {})).toBe("Вера в Феодора и Россию, миро, объявлен");
  });

  it("rewrites -аго/-яго endings only in pre-reform text", () => {
    expect(applyProfile("добраго синяго человѣка", "ru", {})).toBe("доброго синего человека");
    expect(applyProfile("Чикаго и благо", "ru", {})).toBe("Чикаго и благо");
    expect(applyProfile("благо добраго", "ru", {}, { preReform: true })).toBe("благо доброго");
  });

  it("removes stress marks but keeps й", () => {
    expect(applyProfile("за́мок и́ линейный", "ru", { foldAccents: true })).toBe("замок и линейный");
  });

  it("recognises pre-reform text by its letters", () => {
    expect(isPreReformRussian("Сталинъ сказалъ")).toBe(true);
    expect(isPreReformRussian("человѣкъ")).toBe(true);
    expect(isPreReformRussian("Сталин сказал, объявление")).toBe(false);
  });

  it("treats a Latin i between Cyrillic letters as и", () => {
    expect(applyProfile("Россiя", "ru", {})).toBe("Россия");
  });
});

describe("accent folding", () => {
  it("folds Italian accent variants only when asked", () => {
    expect(applyProfile("perché perchè", "it", {})).toBe("perché perchè");
    expect(applyProfile("perché perchè", "it", { foldAccents: true })).toBe("perche perche");
  });

  it("folds French and Spanish accents but keeps ñ and ç", () => {
    expect(applyProfile("Kaménev naïf", "fr", { foldAccents: true })).toBe("Kamenev naif");
    expect(applyProfile("Zinóviev año", "es", { foldAccents: true })).toBe("Zinoviev año");
    expect(applyProfile("garçon", "fr", { foldAccents: true })).toBe("garçon");
  });
});

describe("normaliseText", () => {
  it("never changes the input string", () => {
    const original = "«Ёжъ» — perché";
    const copy = original.slice();
    normaliseText(original, "ru", opts({ ignoreCase: true, ignorePunctuation: true, ignoreWhitespace: true, foldAccents: true }));
    expect(original).toBe(copy);
  });

  it("folds case only with ignoreCase", () => {
    expect(normaliseText("Stalin", "en", opts())).not.toBe(normaliseText("STALIN", "en", opts()));
    expect(normaliseText("Stalin", "en", opts({ ignoreCase: true }))).toBe(normaliseText("STALIN", "en", opts({ ignoreCase: true })));
  });

  it("ignores French spacing before punctuation with ignoreWhitespace", () => {
    const a = "Pourquoi ? Parce que « Trotski » l’a dit !";
    const b = "Pourquoi? Parce que «Trotski» l’a dit!";
    expect(normaliseText(a, "fr", opts())).not.toBe(normaliseText(b, "fr", opts()));
    expect(normaliseText(a, "fr", opts({ ignoreWhitespace: true }))).toBe(normaliseText(b, "fr", opts({ ignoreWhitespace: true })));
  });

  it("ignores punctuation with ignorePunctuation", () => {
    const options = opts({ ignorePunctuation: true, ignoreWhitespace: true });
    expect(normaliseText("¡Vishinski acusa!", "es", options)).toBe(normaliseText("Vishinski, acusa", "es", options));
  });

  it("matches typographic and straight quotes in English only with the profile", () => {
    expect(normaliseText("“Kirov”", "en", opts())).toBe(normaliseText('"Kirov"', "en", opts()));
    expect(normaliseText("“Kirov”", "en", opts({ profile: false }))).not.toBe(normaliseText('"Kirov"', "en", opts({ profile: false })));
  });
});

describe("tokenKey", () => {
  const keys = (text: string, lang: string, options: NormaliseOptions) => diffTokens(text, lang).map((t) => tokenKey(t, lang, options));

  it("gives ignored whitespace and punctuation an empty key", () => {
    expect(keys("Kirov, ucciso", "it", opts({ ignorePunctuation: true, ignoreWhitespace: true }))).toEqual(["Kirov", "", "", "ucciso"]);
  });

  it("folds ё/е, typographic dashes and case per token", () => {
    expect(keys("Ещё — Зиновьев", "ru", opts({ ignoreCase: true }))).toEqual(["еще", " ", "-", " ", "зиновьев"]);
  });

  it("drops grouping punctuation inside numbers with ignorePunctuation", () => {
    const [comma] = keys("5,000", "en", opts({ ignorePunctuation: true }));
    const [dot] = keys("5.000", "es", opts({ ignorePunctuation: true }));
    expect(comma).toBe("5000");
    expect(dot).toBe("5000");
  });

  it("uses the text's pre-reform context for -аго endings", () => {
    const [token] = diffTokens("добраго", "ru");
    expect(tokenKey(token, "ru", opts(), { preReform: true })).toBe("доброго");
    expect(tokenKey(token, "ru", opts(), { preReform: false })).toBe("добраго");
  });
});

describe("the profile in each of the five languages", () => {
  /** Pairs that print differently but read the same, in each language's own typography. */
  const SAME: [lang: string, a: string, b: string][] = [
    ["ru", "«Ещё — власть»", '"Еще - власть"'],
    ["fr", "« Trotski » l’a dit\u00a0!", '" Trotski " l\'a dit !'],
    ["es", "«Zinóviev» —dijo—", '"Zinóviev" -dijo-'],
    ["it", "«Stalin» disse: “no”…", '"Stalin" disse: "no"...'],
    ["en", "“Kirov’s” death – 1934", "\"Kirov's\" death - 1934"],
  ];

  it.each(SAME)("reads %s typography as the same text", (lang, a, b) => {
    expect(normaliseText(a, lang, opts())).toBe(normaliseText(b, lang, opts()));
    expect(normaliseText(a, lang, opts({ profile: false }))).not.toBe(normaliseText(b, lang, opts({ profile: false })));
  });

  it.each([
    ["ru", "Сталин", "СТАЛИН"],
    ["fr", "Élection", "élection"],
    ["es", "Ñandú", "ñandú"],
    ["it", "Perché", "PERCHÉ"],
    ["en", "Trotsky", "trotsky"],
  ])("folds case in %s only when asked", (lang, a, b) => {
    expect(normaliseText(a, lang, opts({ ignoreCase: true }))).toBe(normaliseText(b, lang, opts({ ignoreCase: true })));
    expect(normaliseText(a, lang, opts())).not.toBe(normaliseText(b, lang, opts()));
  });
});
