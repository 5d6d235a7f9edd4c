/**
 * Word links as the data layer keeps them (per segment pair, positions within each segment) and as rows use them
 * (per row and edition pair, positions within the cell: the cell's words numbered across its segments).
 */
import { cellWordTokens } from "../../alignment/words/cell-tokens";
import type { WordLink } from "../../alignment/words/symmetrise";

/** Stored with every automatic link set: words-2 estimates the translation table by variational Bayes (model.ts). */
export const WORD_MODEL_VERSION = "words-2";

export type LinkStatus = "automatic" | "edited" | "confirmed";

export interface LinkSet {
  segmentAId: string;
  segmentBId: string;
  editionAId: string;
  editionBId: string;
  status: LinkStatus;
  aTokens: number[];
  bTokens: number[];
  probabilities: number[];
  dropped: number;
}

export interface CellSegment {
  id: string;
  text: string;
}

/** Where each segment's words start in the cell's numbering. */
export function cellOffsets(segments: readonly CellSegment[], lang: string): { offsets: Map<string, number>; count: number; tokens: ReturnType<typeof cellWordTokens> } {
  const tokens = cellWordTokens(segments.map((segment) => segment.text), lang);
  const offsets = new Map<string, number>();
  segments.forEach((segment, index) => {
    const first = tokens.findIndex((token) => token.segment === index);
    offsets.set(segment.id, first < 0 ? tokens.filter((token) => token.segment < index).length : first);
  });
  return { offsets, count: tokens.length, tokens };
}

/** The edition pair in stored order (A's id sorts first) and whether the caller's order is reversed. */
export function storedOrder(editionX: string, editionY: string): { a: string; b: string; swapped: boolean } {
  return editionX < editionY ? { a: editionX, b: editionY, swapped: false } : { a: editionY, b: editionX, swapped: true };
}

/** A row's links between cells A and B (stored order) from the sets of its segment pairs. */
export function rowLinksFromSets(sets: readonly LinkSet[], offsetsA: Map<string, number>, offsetsB: Map<string, number>): WordLink[] {
  const links: WordLink[] = [];
  for (const set of sets) {
    const baseA = offsetsA.get(set.segmentAId);
    const baseB = offsetsB.get(set.segmentBId);
    if (baseA === undefined || baseB === undefined) continue;
    set.aTokens.forEach((a, k) => links.push({ a: baseA + a, b: baseB + set.bTokens[k], p: set.probabilities[k] }));
  }
  return links.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** Splits a row's links (cell positions, stored order) into per-segment-pair sets. */
export function setsFromRowLinks(
  links: readonly WordLink[],
  tokensA: ReturnType<typeof cellWordTokens>,
  tokensB: ReturnType<typeof cellWordTokens>,
  segmentsA: readonly CellSegment[],
  segmentsB: readonly CellSegment[],
): Map<string, { segmentAId: string; segmentBId: string; aTokens: number[]; bTokens: number[]; probabilities: number[] }> {
  const sets = new Map<string, { segmentAId: string; segmentBId: string; aTokens: number[]; bTokens: number[]; probabilities: number[] }>();
  for (const link of links) {
    const tokenA = tokensA[link.a];
    const tokenB = tokensB[link.b];
    if (!tokenA || !tokenB) continue;
    const segmentAId = segmentsA[tokenA.segment].id;
    const segmentBId = segmentsB[tokenB.segment].id;
    const key = `${segmentAId}|${segmentBId}`;
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { segmentAId, segmentBId, aTokens: [], bTokens: [], probabilities: [] }));
    set.aTokens.push(tokenA.index);
    set.bTokens.push(tokenB.index);
    set.probabilities.push(link.p);
  }
  return sets;
}
