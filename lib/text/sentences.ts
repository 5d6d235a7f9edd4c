/**
 * Sentence segmentation per language: Intl.Segmenter's sentence breaks, then re-joined where a break
 * falls after an initial ("G.E. Zinoviev", "Л.Б. Каменев") or a known abbreviation ("M.", "Sr.", "т.е."), after a
 * clause mark that Unicode counts as a sentence end (the Burmese comma ၊), or after a Japanese quotation that the
 * sentence goes on from (「…。」と言った。); and broken after the Tibetan ༎, which the segmenter does not know. The
 * segmenter already ends sentences at the full stops of the scripts of the UDHR (। ॥ ؟ ۔ ። ፧ ։ 。！？ ။ ។ ᠃ …) and never
 * at a space (Thai, Lao and Khmer separate phrases by spaces); the Tibetan ། separates clauses as often as
 * sentences and is left alone.
 * Linear in the paragraph's length: the segmenter runs in windows (segment.ts), and the checks at a break look
 * only at the end of the text before it (a paragraph of a million "A. A. A." joins its pieces without rescanning).
 */
import { segmentText } from "./segment";
import type { WorkMeter } from "./work-meter";

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
/** Characters of the word before a final full stop: letters, dots, degree signs, hyphens. */
const WORD_CHAR = /[\p{L}.°-]/u;
/** WORD_CHAR without a regular expression for ASCII, which most text is. */
function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x2e || code === 0x2d;
  return WORD_CHAR.test(char);
}
const NUMBER_CHAR = /\p{N}/u;
/** The second half of a character outside the BMP (a letter there would belong to the word). */
const LOW_SURROGATE = /[\udc00-\udfff]/;
/** Longer than any abbreviation in NEVER_FINAL: a longer word before a full stop is never one. */
const LONGEST_ABBREVIATION = Math.max(...Object.values(NEVER_FINAL).flat().map((word) => word.length));
/** Marks that Unicode gives Sentence_Break=STerm but that end a clause, not a sentence: the Burmese ၊ (little section). */
const CLAUSE_END = /\u104A[\s»”’)\]]*$/u;
/** A Japanese quotation closed after its full stop, followed by the particle or verb that goes on with the sentence. */
const QUOTATION_END = /[。！？!?][」』]\s*$/u;
const GOES_ON = /^\s*\p{Script=Hiragana}/u;
/** A lower-case letter or a digit at the start of a piece (after opening quotes): the sentence goes on. */
const LOWER_START = /^[\s«“"„'‘(]*([\p{Ll}\d])/u;
/** Scripts whose lower-case letters start sentences too (modern Georgian is written in one case, gc=Ll). */
const UNICAMERAL_LOWER = /\p{Script=Georgian}/u;
/** Sentence ends the segmenter does not know: the Tibetan nyis shad ༎ followed by a space. */
const EXTRA_BREAK = /(?<=\u0F0E\s+)(?=\S)/u;
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
  while (start > 0 && isWordChar(text[start - 1])) {
    start--;
    if (text.length - 1 - start > LONGEST_ABBREVIATION) return null;
  }
  if (start === text.length - 1 || (start > 0 && (NUMBER_CHAR.test(text[start - 1]) || LOW_SURROGATE.test(text[start - 1])))) return null;
  return text.slice(start, -1).toLowerCase();
}

/**
 * True when a break after `piece` and before `next` is not a sentence end. Looks at a bounded tail of `piece` (it may
 * be a long run of joined pieces) and the start of `next`; `meter` counts the characters the checks may read.
 */
export function isFalseBreak(piece: string, next: string, lang: string, meter?: WorkMeter): boolean {
  const end = piece.trimEnd();
  const tail = end.length > INITIAL_TAIL ? end.slice(-INITIAL_TAIL) : end;
  if (meter) meter.steps += tail.length + LONGEST_ABBREVIATION + 2 + next.length;
  if (INITIAL.test(tail)) return true;
  if (CLAUSE_END.test(tail)) return true;
  if (QUOTATION_END.test(tail) && GOES_ON.test(next)) return true;
  const lower = LOWER_START.exec(next);
  if (lower && !UNICAMERAL_LOWER.test(lower[1])) return true;
  const word = trailingWord(end);
  return word !== null && (NEVER_FINAL[baseLanguage(lang)] ?? []).includes(word);
}

/** How much of a sentence's end the checks at a break read (more than INITIAL_TAIL and any abbreviation). */
const SENTENCE_TAIL = 64;

/** The segmenter's sentences, each broken again at the ends it does not know (EXTRA_BREAK, rare: split only when present). */
function* sentencePieces(text: string, lang: string, meter?: WorkMeter): Generator<string> {
  for (const segment of segmentText(sentenceSegmenter(baseLanguage(lang)), text, meter)) {
    if (segment.segment.includes("\u0F0E")) yield* segment.segment.split(EXTRA_BREAK);
    else yield segment.segment;
  }
}

/**
 * Each sentence is kept as its pieces (joined once at the end) with a copy of its last SENTENCE_TAIL characters for
 * the checks: a string grown piece by piece and read at its end would be flattened, in full, at every break.
 */
function splitWithoutNoteRefs(paragraph: string, lang: string, max: number, meter?: WorkMeter): string[] {
  const text = paragraph.replace(/[ \t\r\n]+/g, " ").trim();
  if (!text) return [];
  const sentences: string[][] = [];
  let tail = "";
  const append = (piece: string) => {
    sentences[sentences.length - 1].push(piece);
    tail = (tail + piece).slice(-SENTENCE_TAIL);
  };
  for (const whole of sentencePieces(text, lang, meter)) {
    if (sentences.length > max) break;
    const started = sentences.length > 0;
    let piece = whole;
    const closing = CLOSING.exec(piece);
    if (started && closing) {
      append(closing[0]);
      piece = piece.slice(closing[0].length);
      if (!piece.trim()) continue;
    }
    if (started && isFalseBreak(tail, piece, lang, meter)) {
      append(piece);
    } else {
      sentences.push([piece]);
      tail = piece.slice(-SENTENCE_TAIL);
    }
  }
  return sentences.map((pieces) => pieces.join("").trim()).filter((s) => s.length > 0);
}

/** A note reference `[^6]`; its label is bounded, so a text full of `[^` without `]` is read in linear time. */
const NOTE_REF = /\[\^[^\]\s]{1,64}\]/g;
const HAS_NOTE_REF = new RegExp(NOTE_REF.source);

/**
 * Splits one paragraph into sentences; whitespace is normalised and no text is lost or reordered. `[^n]` note
 * references stay whole: Intl.Segmenter treats `[` after a full stop as closing punctuation and would break inside
 * one, so they are taken out before splitting and put back afterwards (one between two sentences goes with the
 * sentence before it). With `max`, splitting stops once more than `max` sentences are found (the caller refuses
 * the text), so an over-long paragraph costs no more than the limit. `meter` counts the segmenter's work and the
 * characters the checks at each break read.
 */
export function splitSentences(paragraph: string, lang: string, max = Infinity, meter?: WorkMeter): string[] {
  const text = paragraph.replace(/[ \t\r\n]+/g, " ").trim();
  if (!HAS_NOTE_REF.test(text)) return splitWithoutNoteRefs(text, lang, max, meter);
  // The text without its references, with the spaces around a removed reference collapsed as the splitter collapses
  // them (else the sentences would not be found in it at the offsets the references go back to). A reference that
  // stood before a space that was collapsed takes that space back with it.
  const refs: { at: number; ref: string; spaceAfter: boolean }[] = [];
  const parts: string[] = [];
  let length = 0;
  let endsInSpace = true;
  const add = (chunk: string) => {
    let rest = chunk;
    if (endsInSpace && rest.startsWith(" ")) {
      rest = rest.slice(1);
      const previous = refs.at(-1);
      if (previous && previous.at === length) previous.spaceAfter = true;
    }
    if (rest === "") return;
    parts.push(rest);
    length += rest.length;
    endsInSpace = rest.endsWith(" ");
  };
  let from = 0;
  for (const match of text.matchAll(NOTE_REF)) {
    add(text.slice(from, match.index));
    refs.push({ at: length, ref: match[0], spaceAfter: false });
    from = match.index + match[0].length;
  }
  add(text.slice(from));
  const clean = parts.join("");

  const sentences = splitWithoutNoteRefs(clean, lang, max, meter);
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
  // A reference between two sentences goes with the one before it.
  const inserts: { position: number; text: string }[][] = sentences.map(() => []);
  let index = 0;
  for (const { at, ref, spaceAfter } of refs) {
    while (index < sentences.length - 1 && at > ends[index]) index++;
    const owner = at <= starts[index] && index > 0 ? index - 1 : index;
    const position = Math.min(Math.max(at, starts[owner]), ends[owner]) - starts[owner];
    const spaced = (spaceAfter || (at < starts[owner] && /\s/.test(clean[at] ?? ""))) && position < sentences[owner].length;
    inserts[owner].push({ position, text: spaced ? `${ref} ` : ref });
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
