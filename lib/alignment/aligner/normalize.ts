/**
 * Text normalisation for comparing words across languages: word tokenisation (Intl.Segmenter's word
 * granularity), case and diacritic folding, Unicode digits to ASCII, and a Latin transliteration for
 * cognates.
 * Unknown or malformed language codes fall back to the language-neutral "und" behaviour.
 */
import { transliterate } from "transliteration";
import { segmentText } from "../../text/segment";

/** Lower-cased primary subtag ("pt-BR" → "pt"); "und" for anything unusable. */
export function baseLanguage(lang: string | undefined): string {
  const base = (lang ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return /^[a-z]{2,3}$/.test(base) ? base : "und";
}

const segmenters = new Map<string, Intl.Segmenter>();

/** A word segmenter for the language, or the root-locale one when the language is unknown. */
export function wordSegmenter(lang: string): Intl.Segmenter {
  const base = baseLanguage(lang);
  let segmenter = segmenters.get(base);
  if (!segmenter) {
    let locale = "und";
    try {
      if (base !== "und" && Intl.Segmenter.supportedLocalesOf([base]).length > 0) locale = base;
    } catch {
      locale = "und";
    }
    segmenter = new Intl.Segmenter(locale, { granularity: "word" });
    segmenters.set(base, segmenter);
  }
  return segmenter;
}

/** Scripts written without spaces between words, which need ICU's dictionary-based word breaks. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Javanese}\p{Script=Balinese}]/u;

/**
 * What Intl.Segmenter's word granularity yields as word-like for text in space-separated scripts:
 * digit groups ("1,000", "3.14") and runs of letters, marks and digits with inner apostrophes
 * ("don't", "l’homme"), as ICU keeps them together.
 */
const SPACED_WORD = /\p{Nd}+(?:[.,]\p{Nd}+)+(?![\p{L}\p{M}])|[\p{L}\p{M}\p{Nd}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * The words of a text. Text in scripts written without spaces goes through Intl.Segmenter; other
 * text takes an equivalent fast path (Intl.Segmenter costs about 2 µs a word, which dominated the
 * running time on long texts).
 */
export function words(text: string, lang: string): string[] {
  if (UNSPACED_SCRIPT.test(text)) {
    const out: string[] = [];
    for (const part of segmentText(wordSegmenter(lang), text)) if (part.isWordLike) out.push(part.segment);
    return out;
  }
  return text.match(SPACED_WORD) ?? [];
}

const MARKS = /\p{M}+/gu;

/** Lower case without diacritics: "Kámenev" → "kamenev", "Ёлка" → "елка". */
export function foldCase(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(MARKS, "").normalize("NFC");
}

const DIGIT = /\p{Nd}/u;

/** Replaces every decimal digit of any script by its ASCII digit ("١٩٣٧" → "1937"). */
export function asciiDigits(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKC")) {
    if (ch >= "0" && ch <= "9") out += ch;
    else if (DIGIT.test(ch)) out += String(digitValue(ch.codePointAt(0) ?? 0));
    else out += ch;
  }
  return out;
}

/** Decimal digits come in contiguous runs of ten starting at zero; find the run's start. */
function digitValue(codePoint: number): number {
  let zero = codePoint;
  while (zero > 0 && DIGIT.test(String.fromCodePoint(zero - 1)) && codePoint - zero < 9) zero--;
  return (codePoint - zero) % 10;
}

const latinCache = new Map<string, string>();

/** ASCII letters and digits of the word's Latin transliteration, folded: "Революция" → "revoliutsiia". */
export function latinize(word: string): string {
  let latin = latinCache.get(word);
  if (latin === undefined) {
    latin = foldCase(transliterate(foldCase(word))).replace(/[^a-z0-9]/g, "");
    if (latinCache.size > 200_000) latinCache.clear();
    latinCache.set(word, latin);
  }
  return latin;
}
