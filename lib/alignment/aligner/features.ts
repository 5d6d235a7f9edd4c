/**
 * Per-segment features used by the aligner: a length, the lexical evidence keys that can be matched
 * across languages without a dictionary (numbers, names, cognate prefixes, salient punctuation) and
 * the word stems from which the second pass induces a dictionary.
 *
 * Key classes are the first character of a key: n number, m name, c cognate, p punctuation.
 */
import type { AlignSegment } from "./types";
import { asciiDigits, baseLanguage, foldCase, latinize, words } from "./normalize";
import { nameKeysOf } from "./name-keys";

export interface SideFeatures {
  count: number;
  /** Characters per segment, whitespace runs counted as one. */
  lengths: Float64Array;
  /** Evidence keys per segment, with their counts in the segment. */
  keys: Map<string, number>[];
  /** Distinct word stems per segment (for dictionary induction). */
  stems: string[][];
  /** 1 where a segment starts a paragraph; null when the side has no paragraph information. */
  paragraphStart: Uint8Array | null;
}

const STEM_LENGTH = 5;
const COGNATE_PREFIX = 5;
const UPPER_START = /^[\p{Lu}\p{Lt}]/u;
const HAS_DIGIT = /\p{Nd}/u;
const HAS_LETTER = /\p{L}/u;

interface Token {
  text: string;
  folded: string;
  number: string | null;
  capitalised: boolean;
}

/** The longest apostrophe-separated piece: "l’économie" → "économie", "Trotsky's" → "Trotsky". */
function withoutElision(word: string): string {
  if (!/['’]/.test(word)) return word;
  return word.split(/['’]/).reduce((longest, piece) => (piece.length > longest.length ? piece : longest), "");
}

function tokenize(text: string, lang: string): Token[] {
  const tokens: Token[] = [];
  for (const word of words(text, lang)) {
    const raw = withoutElision(word);
    if (HAS_DIGIT.test(raw)) {
      const digits = asciiDigits(raw).replace(/\D/g, "").replace(/^0+(?=\d)/, "");
      if (digits) tokens.push({ text: raw, folded: digits, number: digits, capitalised: false });
      if (!HAS_LETTER.test(raw)) continue;
    }
    if (!HAS_LETTER.test(raw)) continue;
    tokens.push({
      text: raw,
      folded: foldCase(raw),
      number: null,
      capitalised: UPPER_START.test(raw),
    });
  }
  return tokens;
}

const QUOTES = /[«»“”„"‹›]/u;
const DIALOGUE_DASH = /^\s*[—–―-]\s/u;

function countOf(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Salient punctuation of a segment, normalised across writing systems. */
function punctuationKeys(text: string, lang: string, into: Map<string, number>): void {
  const t = text.normalize("NFKC").replace(/؟/g, "?");
  const greek = lang === "el";
  const add = (key: string, n: number) => {
    if (n > 0) into.set(key, (into.get(key) ?? 0) + n);
  };
  add("p?", countOf(t, /\?/g) + (greek ? countOf(t, /;/g) : 0));
  add("p!", countOf(t, /!/g));
  add("p(", countOf(t, /[([]/g));
  add("p:", countOf(t, /:/g));
  if (!greek) add("p;", countOf(t, /;/g));
  add("p…", countOf(t, /…|\.\.\./g));
  if (QUOTES.test(t) || DIALOGUE_DASH.test(t)) add("p\"", 1);
}

function collapsedLength(text: string): number {
  let length = 0;
  let space = true;
  for (const ch of text) {
    const isSpace = ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\u00a0";
    if (isSpace) {
      if (!space) length++;
      space = true;
    } else {
      length++;
      space = false;
    }
  }
  return space && length > 0 ? length - 1 : length;
}

function stemOf(folded: string): string {
  const chars = Array.from(folded);
  return chars.length <= STEM_LENGTH ? folded : chars.slice(0, STEM_LENGTH).join("");
}

/** Words that are names in this text: capitalised wherever they occur (never in lower case). */
function namesOf(tokens: Token[][]): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const segment of tokens) {
    for (const token of segment) {
      if (token.number !== null) continue;
      if (!token.capitalised) lower.add(token.folded);
      else capitalised.add(token.folded);
    }
  }
  for (const word of lower) capitalised.delete(word);
  return capitalised;
}

export function extractFeatures(segments: readonly AlignSegment[], lang: string): SideFeatures {
  const language = baseLanguage(lang);
  const tokens = segments.map((s) => tokenize(s.text, language));
  const names = namesOf(tokens);
  const keys: Map<string, number>[] = [];
  const stems: string[][] = [];
  const lengths = new Float64Array(segments.length);
  segments.forEach((segment, i) => {
    lengths[i] = collapsedLength(segment.text);
    const segmentKeys = new Map<string, number>();
    const segmentStems = new Set<string>();
    const add = (key: string) => segmentKeys.set(key, (segmentKeys.get(key) ?? 0) + 1);
    for (const token of tokens[i]) {
      if (token.number !== null) {
        add("n" + token.number);
        continue;
      }
      segmentStems.add(stemOf(token.folded));
      if (names.has(token.folded)) for (const key of nameKeysOf(token.text, language)) add("m" + key);
      const latin = latinize(token.folded);
      if (latin.length >= COGNATE_PREFIX) add("c" + latin.slice(0, COGNATE_PREFIX));
    }
    punctuationKeys(segment.text, language, segmentKeys);
    keys.push(segmentKeys);
    stems.push([...segmentStems]);
  });
  return { count: segments.length, lengths, keys, stems, paragraphStart: paragraphStarts(segments) };
}

function paragraphStarts(segments: readonly AlignSegment[]): Uint8Array | null {
  if (segments.length === 0 || segments.some((s) => typeof s.paragraph !== "number")) return null;
  const starts = new Uint8Array(segments.length);
  starts[0] = 1;
  let distinct = 1;
  for (let i = 1; i < segments.length; i++) {
    if (segments[i].paragraph !== segments[i - 1].paragraph) {
      starts[i] = 1;
      distinct++;
    }
  }
  return distinct > 1 ? starts : null;
}
