/**
 * The words of cells (`cellWordTokens`), memoised for the compare view's read path: tokenising a page of cells with
 * Intl.Segmenter costs more than everything else a request does, and a segment's words depend only on its text and
 * language. A bounded least-recently-used map keeps them between requests; being a pure function of its key, it
 * gives every app server the same answer, and an edited text is simply a new key.
 */
import { segmentWordTokens, type CellToken } from "../alignment/words/cell-tokens";

type SegmentWord = ReturnType<typeof segmentWordTokens>[number];

/** Segments kept: a few pages of five editions (about 40 bytes per word, 20 words per segment: some 16 MB). */
const LIMIT = 20_000;
/** Language → text → words (no key is built per lookup). */
const cache = new Map<string, Map<string, readonly SegmentWord[]>>();
let size = 0;

/** `segmentWordTokens(text, lang)`, shared: callers must not change what it returns. */
export function cachedSegmentWords(text: string, lang: string): readonly SegmentWord[] {
  let texts = cache.get(lang);
  if (!texts) cache.set(lang, (texts = new Map()));
  const hit = texts.get(text);
  if (hit) {
    texts.delete(text);
    texts.set(text, hit);
    return hit;
  }
  const words = segmentWordTokens(text, lang);
  texts.set(text, words);
  if (++size > LIMIT) forgetOldest();
  return words;
}

/** Drops the least recently used segment of the language that holds the most. */
function forgetOldest(): void {
  let largest: Map<string, readonly SegmentWord[]> | null = null;
  for (const texts of cache.values()) if (!largest || texts.size > largest.size) largest = texts;
  const oldest = largest?.keys().next();
  if (largest && oldest && !oldest.done) {
    largest.delete(oldest.value);
    size -= 1;
  }
}

/** `cellWordTokens(texts, lang)`: the cell's words numbered across its segments. */
export function cachedCellWords(texts: readonly string[], lang: string): CellToken[] {
  const tokens: CellToken[] = [];
  texts.forEach((text, segment) => {
    cachedSegmentWords(text, lang).forEach(({ text, start, end }, index) => tokens.push({ text, segment, index, start, end }));
  });
  return tokens;
}

/** Where each segment's words start in the cell's numbering (the count of words in the segments before it). */
export function cellWordOffsets(texts: readonly string[], lang: string): number[] {
  const offsets: number[] = [];
  let count = 0;
  for (const text of texts) {
    offsets.push(count);
    count += cachedSegmentWords(text, lang).length;
  }
  return offsets;
}
