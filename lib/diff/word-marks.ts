/**
 * What the word links of a row mean for a reader, against a base edition (the work's pivot by default): in every
 * other column, the content words with no counterpart in the base (what that edition adds) and the words whose link
 * the model finds weak (a likely change of meaning rather than a rendering); in the base column, the words that
 * some shown edition leaves out. Also each edition's word-level divergence from the base: the share of its content
 * words without a counterpart, weighted by how sure the model is: a word without any link counts fully, a word whose
 * only links are weak counts half.
 */
import type { CellToken } from "../alignment/words/cell-tokens";
import { isContentWord } from "../alignment/words/forms";
import type { WordLink } from "../alignment/words/symmetrise";
import type { TextMark } from "./text-marks";

/** Words seen (language and text → whether it carries content), kept between rows: folding a word costs more than the rest of a row's marks. */
const contentWords = new Map<string, boolean>();

function contentWord(text: string, language: string): boolean {
  const key = `${language}\u0000${text}`;
  let content = contentWords.get(key);
  if (content === undefined) {
    if (contentWords.size >= 100_000) contentWords.clear();
    content = isContentWord(text, language);
    contentWords.set(key, content);
  }
  return content;
}

/** Links under this probability are shown as weak. */
export const WEAK_LINK = 0.35;

export interface WordMarkEdition {
  id: string;
  slug: string;
  language: string;
  tokens: CellToken[];
  /** Where each segment of the cell starts in the joined cell text (`joinSegments`). */
  starts: number[];
}

export interface PairLinks {
  a: string;
  b: string;
  links: WordLink[];
}

export interface RowWordMarks {
  /** Edition id → marks in joined-cell offsets. */
  marks: Map<string, TextMark[]>;
  /** Edition id → divergence from the base in [0, 1]; absent for the base and for editions without content words or links data. */
  divergence: Map<string, number>;
}

/** For each word of `from`, the best link probability to `to` (0 without a link), read from the pair's links. */
export function bestLinks(pairs: readonly PairLinks[], from: string, to: string, count: number): Float32Array {
  const best = new Float32Array(count);
  const pair = pairs.find((p) => (p.a === from && p.b === to) || (p.a === to && p.b === from));
  if (!pair) return best;
  const side = pair.a === from ? "a" : "b";
  for (const link of pair.links) {
    const index = link[side];
    if (index < count && link.p > best[index]) best[index] = Math.max(link.p, 1e-3);
  }
  return best;
}

function mark(edition: WordMarkEdition, token: CellToken, kind: string, label: string): TextMark {
  const start = edition.starts[token.segment] + token.start;
  return { start, end: start + (token.end - token.start), kind, label };
}

export function hasPair(pairs: readonly PairLinks[], x: string, y: string): boolean {
  return pairs.some((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x));
}

export function rowWordMarks(editions: readonly WordMarkEdition[], pairs: readonly PairLinks[], baseId: string): RowWordMarks {
  const marks = new Map<string, TextMark[]>(editions.map((edition) => [edition.id, []]));
  const divergence = new Map<string, number>();
  const base = editions.find((edition) => edition.id === baseId);
  if (!base) return { marks, divergence };
  const omittedBy: string[][] = base.tokens.map(() => []);
  for (const edition of editions) {
    if (edition.id === baseId || edition.tokens.length === 0 || !hasPair(pairs, edition.id, baseId)) continue;
    const anyLinks = pairs.some((p) => ((p.a === edition.id && p.b === baseId) || (p.b === edition.id && p.a === baseId)) && p.links.length > 0);
    if (!anyLinks && base.tokens.length > 0) continue;
    const best = bestLinks(pairs, edition.id, baseId, edition.tokens.length);
    let weight = 0;
    let content = 0;
    edition.tokens.forEach((token, index) => {
      const p = best[index];
      if (contentWord(token.text, edition.language)) {
        content += 1;
        weight += p === 0 ? 1 : p < WEAK_LINK ? 0.5 : 0;
      }
      if (p === 0 && contentWord(token.text, edition.language)) marks.get(edition.id)!.push(mark(edition, token, "word-added", `not in ${base.slug}`));
      else if (p > 0 && p < WEAK_LINK && contentWord(token.text, edition.language)) marks.get(edition.id)!.push(mark(edition, token, "word-weak", `weak link to ${base.slug}`));
    });
    if (content > 0) divergence.set(edition.id, Math.round((weight / content) * 1000) / 1000);
    const reverse = bestLinks(pairs, baseId, edition.id, base.tokens.length);
    base.tokens.forEach((_, index) => {
      if (reverse[index] === 0) omittedBy[index].push(edition.slug);
    });
  }
  base.tokens.forEach((token, index) => {
    if (omittedBy[index].length > 0 && contentWord(token.text, base.language)) {
      marks.get(baseId)!.push(mark(base, token, "word-omitted", `left out in ${omittedBy[index].join(", ")}`));
    }
  });
  return { marks, divergence };
}
