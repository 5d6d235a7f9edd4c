/**
 * When a segment's text is corrected, its words are renumbered: a word the correction left unchanged keeps its
 * links at its new position; a word it changed or removed loses them. Unchanged words are found by a word diff of
 * the old and new texts (jsdiff over the words), so a correction far from a link never disturbs it.
 */
import { diffArrays } from "diff";
import { segmentWordTokens } from "./cell-tokens";

/**
 * Old word index → new index for every word the correction left as it was; `same` says what counts as the same word
 * (as written, or e.g. equal in Unicode NFC when an import normalised the text: only words split or joined differently
 * lose their links).
 */
export function wordIndexMap(before: string, after: string, lang: string, same: (word: string) => string = (word) => word): Map<number, number> {
  const old = segmentWordTokens(before, lang).map((word) => same(word.text));
  const now = segmentWordTokens(after, lang).map((word) => same(word.text));
  const map = new Map<number, number>();
  let i = 0;
  let j = 0;
  for (const part of diffArrays(old, now)) {
    const count = part.count ?? part.value.length;
    if (part.added) j += count;
    else if (part.removed) i += count;
    else for (let k = 0; k < count; k++) map.set(i++, j++);
  }
  return map;
}

export interface LinkSide {
  aTokens: number[];
  bTokens: number[];
  probabilities: number[];
  dropped: number;
}

/** The links of a set after one side's words were renumbered; links of words that changed are dropped and counted. */
export function remapSide<T extends LinkSide>(set: T, side: "a" | "b", map: ReadonlyMap<number, number>): T {
  const aTokens: number[] = [];
  const bTokens: number[] = [];
  const probabilities: number[] = [];
  set.aTokens.forEach((a, k) => {
    const b = set.bTokens[k];
    const moved = side === "a" ? map.get(a) : map.get(b);
    if (moved === undefined) return;
    aTokens.push(side === "a" ? moved : a);
    bTokens.push(side === "b" ? moved : b);
    probabilities.push(set.probabilities[k]);
  });
  return { ...set, aTokens, bTokens, probabilities, dropped: set.dropped + (set.aTokens.length - aTokens.length) };
}
