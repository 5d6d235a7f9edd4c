/**
 * Comparison keys for text and tokens. Nothing here changes stored text: each
 * function returns a key used only to decide whether two pieces of text count
 * as the same.
 *
 * The language profile (option `profile`) folds what varies in print without
 * changing meaning: typographic quotes, dashes and spaces in every language;
 * for Russian also ё/е, stress marks and the pre-1918 orthography
 * (ѣ, і, ѳ, ѵ, final ъ, and -аго/-яго endings when the text is pre-reform).
 * `foldAccents` additionally folds accent variants (perché/perchè) in the
 * Latin-script languages.
 */
import { primaryLanguage } from "./name-key";
import type { Token } from "./tokens";

export interface NormaliseOptions {
  ignoreCase: boolean;
  ignorePunctuation: boolean;
  ignoreWhitespace: boolean;
  /** Apply the language profile (typography; Russian ё and old orthography). */
  profile: boolean;
  /** With the profile, fold acute/grave/circumflex/diaeresis accents (not applied to Russian letters). */
  foldAccents?: boolean;
}

export const DEFAULT_NORMALISE_OPTIONS: NormaliseOptions = {
  ignoreCase: false,
  ignorePunctuation: false,
  ignoreWhitespace: false,
  profile: true,
  foldAccents: false,
};

export interface ProfileContext {
  /** The surrounding text is in pre-1918 Russian orthography (see `isPreReformRussian`). */
  preReform?: boolean;
}

const TYPOGRAPHY: [RegExp, string][] = [
  [/[«»„“”‟‹›〝〞＂]/g, '"'],
  [/[‘’‚‛′＇]/g, "'"],
  [/[—–‒―‐‑−]/g, "-"],
  [/…/g, "..."],
  [/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, " "],
  [/[\u00ad\u200b-\u200d\u2060\ufeff]/g, ""],
];

const RUSSIAN_LETTERS: [RegExp, string][] = [
  [/ё/g, "е"],
  [/Ё/g, "Е"],
  [/ѣ/g, "е"],
  [/Ѣ/g, "Е"],
  [/і/g, "и"],
  [/І/g, "И"],
  [/ѳ/g, "ф"],
  [/Ѳ/g, "Ф"],
  [/ѵ/g, "и"],
  [/Ѵ/g, "И"],
  [/ѐ/g, "е"],
  [/ѝ/g, "и"],
  [/[\u0300\u0301]/g, ""],
  [/(?<=\p{Script=Cyrillic})i|i(?=\p{Script=Cyrillic})/gu, "и"],
  [/(?<=\p{Script=Cyrillic})[ъЪ](?!\p{L})/gu, ""],
];

/** Pre-reform adjective endings; at least three letters of stem so that благо or драго stay. */
const PRE_REFORM_ENDINGS: [RegExp, string][] = [
  [/(?<=\p{L}{3})аго(?!\p{L})/gu, "ого"],
  [/(?<=\p{L}{3})яго(?!\p{L})/gu, "его"],
  [/(?<=\p{L}{3})АГО(?!\p{L})/gu, "ОГО"],
];

const PRE_REFORM_MARKERS = /[ѣѢѳѲѵѴ]|[іІ](?=\p{Script=Cyrillic})|(?<=\p{Script=Cyrillic})[ъЪ](?!\p{L})/u;

const LATIN_ACCENTS = /[\u0300-\u0302\u0308]/g;

const PUNCTUATION = /[^\p{L}\p{N}\p{M}\s]/gu;

/** Words the profile cannot change: plain ASCII, or basic Cyrillic without ё and ъ. */
const PROFILE_INVARIANT_WORD = /^(?:[A-Za-z0-9]+|[а-щыьэюяА-ЩЫЬЭЮЯ]+)$/;

/** True when the text shows pre-1918 Russian spelling (ѣ, ѳ, ѵ, і, or a word-final ъ). */
export function isPreReformRussian(text: string): boolean {
  return PRE_REFORM_MARKERS.test(text);
}

/** Typographic variants folded: quotes to " and ', dashes to -, special spaces to a space. */
export function foldTypography(text: string): string {
  let result = text;
  for (const [pattern, replacement] of TYPOGRAPHY) result = result.replace(pattern, replacement);
  return result;
}

function foldRussian(text: string, context: ProfileContext): string {
  let result = text.normalize("NFC");
  const preReform = context.preReform ?? isPreReformRussian(result);
  for (const [pattern, replacement] of RUSSIAN_LETTERS) result = result.replace(pattern, replacement);
  if (preReform) for (const [pattern, replacement] of PRE_REFORM_ENDINGS) result = result.replace(pattern, replacement);
  return result;
}

function foldLatinAccents(text: string): string {
  return text.normalize("NFD").replace(LATIN_ACCENTS, "").normalize("NFC");
}

/** The language profile applied to any string (a token or a whole text). */
export function applyProfile(text: string, lang: string, options: Pick<NormaliseOptions, "foldAccents">, context: ProfileContext = {}): string {
  let result = foldTypography(text);
  if (primaryLanguage(lang) === "ru" || /\p{Script=Cyrillic}/u.test(result)) result = foldRussian(result, context);
  if (options.foldAccents) {
    result = result.replace(/[^\p{Script=Cyrillic}]+/gu, foldLatinAccents);
  }
  return result.normalize("NFC");
}

function caseAndProfile(text: string, lang: string, options: NormaliseOptions, context: ProfileContext): string {
  let result = options.profile ? applyProfile(text, lang, options, context) : text.normalize("NFC");
  if (options.ignoreCase) result = result.toLowerCase();
  return result;
}

/** Comparison key of a whole text (a cell): equal keys mean "no difference under these options". */
export function normaliseText(text: string, lang: string, options: NormaliseOptions, context: ProfileContext = {}): string {
  let result = caseAndProfile(text, lang, options, context);
  if (options.ignorePunctuation) result = result.replace(PUNCTUATION, " ");
  if (options.ignoreWhitespace) {
    result = result
      .replace(/\s+/gu, " ")
      .replace(/\s*([^\p{L}\p{N}\p{M}\s])\s*/gu, "$1")
      .trim();
  }
  return result;
}

/** Comparison key of one token; "" when the options make the token irrelevant (ignored space or punctuation). */
export function tokenKey(token: Token, lang: string, options: NormaliseOptions, context: ProfileContext = {}): string {
  if (token.kind === "space") {
    if (options.ignoreWhitespace) return "";
    return options.profile ? foldTypography(token.text) : token.text;
  }
  if (token.kind === "punct" && options.ignorePunctuation) return "";
  if (!options.foldAccents && !context.preReform && PROFILE_INVARIANT_WORD.test(token.text)) {
    return options.ignoreCase ? token.text.toLowerCase() : token.text;
  }
  const key = caseAndProfile(token.text, lang, options, context);
  return options.ignorePunctuation ? key.replace(PUNCTUATION, "") : key;
}
