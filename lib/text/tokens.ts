/**
 * Tokenisation with Intl.Segmenter (word granularity).
 *
 * `diffTokens` keeps every segment, whitespace and punctuation included, so
 * the tokens of a text concatenate back to exactly that text. French and
 * Italian elisions (l’opposition, dell’Italia), which ICU keeps in one
 * segment, are split after the apostrophe.
 *
 * V8's segment iterator copies the whole string into every segment, so the
 * text is segmented in short windows (segment.ts): linear in its length.
 */
import { primaryLanguage } from "./name-key";
import { segmentText } from "./segment";

export type TokenKind = "word" | "space" | "punct";

export interface Token {
  text: string;
  /** Offset of the token in the source text (UTF-16 code units). */
  index: number;
  isWordLike: boolean;
  kind: TokenKind;
}

const ELIDED_PREFIXES: Record<string, ReadonlySet<string>> = {
  fr: new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"]),
  it: new Set(["l", "d", "c", "m", "n", "s", "t", "v", "un", "dell", "dall", "nell", "sull", "all", "coll", "pell", "quell", "bell", "sant", "tutt"]),
};

const ELISION = /^(\p{L}{1,7})(['’])(?=\p{L})/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = wordSegmenterOrRoot(lang);
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** The language's word segmenter; the root locale's for a tag Intl refuses (stored before tags were checked). */
function wordSegmenterOrRoot(lang: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(lang || undefined, { granularity: "word" });
  } catch {
    return new Intl.Segmenter(undefined, { granularity: "word" });
  }
}

function kindOf(text: string, isWordLike: boolean): TokenKind {
  if (isWordLike) return "word";
  return /^\s+$/u.test(text) ? "space" : "punct";
}

function splitElision(token: Token, lang: string): Token[] {
  const prefixes = ELIDED_PREFIXES[lang];
  if (!prefixes || token.kind !== "word") return [token];
  const match = ELISION.exec(token.text);
  if (!match || !prefixes.has(match[1].toLowerCase())) return [token];
  const cut = match[0].length;
  return [
    { text: token.text.slice(0, cut), index: token.index, isWordLike: true, kind: "word" },
    { text: token.text.slice(cut), index: token.index + cut, isWordLike: true, kind: "word" },
  ];
}

/** All tokens of `text` (words, whitespace runs, punctuation); their texts concatenate to `text`. */
export function diffTokens(text: string, lang: string): Token[] {
  const language = primaryLanguage(lang);
  const segmenter = segmenterFor(language);
  const tokens: Token[] = [];
  for (const segment of segmentText(segmenter, text)) {
    const isWordLike = segment.isWordLike ?? false;
    const token: Token = { text: segment.segment, index: segment.index, isWordLike, kind: kindOf(segment.segment, isWordLike) };
    tokens.push(...splitElision(token, language));
  }
  return tokens;
}

/** Word-like tokens only (words and numbers). */
export function wordTokens(text: string, lang: string): Token[] {
  return diffTokens(text, lang).filter((token) => token.isWordLike);
}
