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
const cache = new Map<string, readonly SegmentWord[]>();

/** `segmentWordTokens(text, lang)`, shared: callers must not change what it returns. */
export function cachedSegmentWords(text: string, lang: string): readonly SegmentWord[] {
  const key = `${lang}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const words = segmentWordTokens(text, lang);
  cache.set(key, words);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return words;
}

/** `cellWordTokens(texts, lang)`: the cell's words numbered across its segments. */
export function cachedCellWords(texts: readonly string[], lang: string): CellToken[] {
  return texts.flatMap((text, segment) => cachedSegmentWords(text, lang).map((word, index) => ({ ...word, segment, index })));
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
