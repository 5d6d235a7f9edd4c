/**
 * Sentence segmentation per language: Intl.Segmenter's sentence breaks, then re-joined where a break
 * falls after an initial ("G.E. Zinoviev", "Л.Б. Каменев") or a known abbreviation ("M.", "Sr.", "т.е.").
 * Linear in the paragraph's length: the segmenter runs in windows (segment.ts), and the checks at a break look
 * only at the end of the text before it (a paragraph of a million "A. A. A." joins its pieces without rescanning).
 */
import { segmentText } from "./segment";

/**
 * Titles, honorifics and reference abbreviations: always followed by more of the sentence, so a break after
 * them is never a sentence end. Abbreviations that can end a sentence ("etc.", "др.") are not listed: a break
 * after them stands unless the next piece starts in lower case. Neither are abbreviations that are also
 * ordinary words (English "no", French "vol", Russian "им"): a reference abbreviation before a number
 * ("No. 5", "vol. 2") is kept by the lower-case-or-digit rule anyway.
 */
const NEVER_FINAL: Record<string, string[]> = {
  en: ["mr", "mrs", "ms", "dr", "st", "gen", "col", "prof", "rev", "messrs", "cf", "e.g", "i.e", "p", "pp", "vol", "vs"],
  fr: ["m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "st", "ste", "mgr", "cf", "p", "pp", "t", "n°", "no"],
  es: ["sr", "sra", "srta", "sres", "d", "dña", "dr", "dra", "ud", "uds", "gral", "cf", "pág", "págs", "p", "pp", "vol", "núm"],
  it: ["sig", "sigg", "sig.ra", "sig.na", "dott", "dr", "prof", "on", "avv", "ing", "cfr", "pag", "pagg", "p", "pp", "vol", "n"],
  ru: ["г", "гг", "тов", "проф", "акад", "т", "с", "см", "ср", "стр", "т.е", "т.к", "гл"],
};

/** An initial or abbreviation starts after anything that is not part of a word: space, bracket, quote, dash, ¡, ¿. */
const INITIAL = /(?:^|[^\p{L}\p{N}.])(?:\p{Lu}\.){1,3}$/u;
/** Longer than any match of INITIAL (three initials of two code units each, their dots and the character before). */
const INITIAL_TAIL = 16;
/** Characters of the word before a final full stop (TRAILING_WORD: letters, dots, degree signs, hyphens). */
const WORD_CHAR = /[\p{L}.°-]/u;
const NUMBER_CHAR = /\p{N}/u;
/** The second half of a character outside the BMP (a letter there would belong to the word). */
const LOW_SURROGATE = /[\udc00-\udfff]/;
/** Longer than any abbreviation in NEVER_FINAL: a longer word before a full stop is never one. */
const LONGEST_ABBREVIATION = Math.max(...Object.values(NEVER_FINAL).flat().map((word) => word.length));
/** Closing quotes and brackets (and a full stop after them, as in `! ».`) that the segmenter put at the start of the next piece. */
const CLOSING = /^\s*[»”’)\]]+[.!?…]*/u;

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    let locale = "und";
    try {
      locale = Intl.Segmenter.supportedLocalesOf([lang]).length ? lang : "und";
    } catch {
      locale = "und";
    }
    segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

function baseLanguage(lang: string): string {
  return lang.toLowerCase().split("-")[0] ?? "";
}

/**
 * The word before the full stop that ends `text` (letters, dots, ° and hyphens, after a character that is none of
 * these nor a digit), lower-cased; null when there is none or it is longer than any known abbreviation. Reads
 * backwards from the end, so the cost does not grow with the text.
 */
function trailingWord(text: string): string | null {
  if (!text.endsWith(".")) return null;
  let start = text.length - 1;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) {
    start--;
    if (text.length - 1 - start > LONGEST_ABBREVIATION) return null;
  }
  if (start === text.length - 1 || (start > 0 && (NUMBER_CHAR.test(text[start - 1]) || LOW_SURROGATE.test(text[start - 1])))) return null;
  return text.slice(start, -1).toLowerCase();
}

/** True when a break after `piece` and before `next` is not a sentence end. */
export function isFalseBreak(piece: string, next: string, lang: string): boolean {
  const language = baseLanguage(lang);
  const end = piece.trimEnd();
  if (INITIAL.test(end.length > INITIAL_TAIL ? end.slice(-INITIAL_TAIL) : end)) return true;
  if (/^[\s«“"„'‘(]*[\p{Ll}\d]/u.test(next)) return true;
  const word = trailingWord(end);
  return word !== null && (NEVER_FINAL[language] ?? []).includes(word);
}

function splitWithoutNoteRefs(paragraph: string, lang: string, max: number): string[] {
  const text = paragraph.replace(/[ \t\r\n]+/g, " ").trim();
  if (!text) return [];
  const sentences: string[] = [];
  for (const segment of segmentText(sentenceSegmenter(baseLanguage(lang)), text)) {
    if (sentences.length > max) break;
    let piece = segment.segment;
    const last = sentences.length - 1;
    const closing = CLOSING.exec(piece);
    if (last >= 0 && closing) {
      sentences[last] += closing[0];
      piece = piece.slice(closing[0].length);
      if (!piece.trim()) continue;
    }
    if (last >= 0 && isFalseBreak(sentences[last], piece, lang)) sentences[last] += piece;
    else sentences.push(piece);
  }
  return sentences.map((s) => s.trim()).filter((s) => s.length > 0);
}

const NOTE_REF = /\[\^[^\]\s]+\]/g;

/**
 * Splits one paragraph into sentences; whitespace is normalised and no text is lost or reordered. `[^n]` note
 * references stay whole: Intl.Segmenter treats `[` after a full stop as closing punctuation and would break inside
 * one, so they are taken out before splitting and put back afterwards (one between two sentences goes with the
 * sentence before it). With `max`, splitting stops once more than `max` sentences are found (the caller refuses
 * the text), so an over-long paragraph costs no more than the limit.
 */
export function splitSentences(paragraph: string, lang: string, max = Infinity): string[] {
  const text = paragraph.replace(/[ \t\r\n]+/g, " ").trim();
  const refs: { at: number; ref: string }[] = [];
  let removed = 0;
  const clean = text.replace(NOTE_REF, (ref, offset: number) => {
    refs.push({ at: offset - removed, ref });
    removed += ref.length;
    return "";
  });
  if (refs.length === 0) return splitWithoutNoteRefs(text, lang, max);

  const sentences = splitWithoutNoteRefs(clean, lang, max);
  if (!sentences.length) return [text];
  if (sentences.length > max) return sentences;
  const ends: number[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const start = clean.indexOf(sentence, cursor);
    cursor = start + sentence.length;
    ends.push(cursor);
  }
  const starts = sentences.map((sentence, i) => ends[i] - sentence.length);
  // Each sentence's insertions, in order of position; refs come in order, so the sentence they fall in only moves on.
  const inserts: { position: number; text: string }[][] = sentences.map(() => []);
  let index = 0;
  for (const { at, ref } of refs) {
    while (index < sentences.length - 1 && at > ends[index]) index++;
    const owner = at < starts[index] && index > 0 ? index - 1 : index;
    const position = Math.min(Math.max(at, starts[owner]), ends[owner]) - starts[owner];
    inserts[owner].push({ position, text: at < starts[owner] && /\s/.test(clean[at] ?? "") ? `${ref} ` : ref });
  }
  return sentences.map((sentence, i) => {
    let out = "";
    let from = 0;
    for (const { position, text: inserted } of inserts[i]) {
      out += sentence.slice(from, position) + inserted;
      from = position;
    }
    return out + sentence.slice(from);
  });
}
