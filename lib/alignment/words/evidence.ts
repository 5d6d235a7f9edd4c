/**
 * Prior evidence that word a (language A) and word b (language B) render each other, in [0, 1], before any
 * statistics: the same word or number, the same punctuation, a dictionary pair, a cognate or the same name in
 * another script. The word model multiplies its link scores by (1 + strength × evidence).
 */
import { editDistance, namesMatch } from "../../text/name-key";
import type { WordForm } from "./forms";
import type { Lexicon } from "./lexicon";

const QUOTES = /["«»„“”‟‹›'‘’‚]/g;

function punctKey(text: string): string {
  return text.replace(QUOTES, '"').replace(/[—–‒―-]/g, "-");
}

/** Similarity of two Latin skeletons in [0, 1] (1 − edit distance / longer length); 0 for short words. */
export function latinSimilarity(a: string, b: string): number {
  if (a.length < 4 || b.length < 4) return 0;
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > longer / 2) return 0;
  return 1 - editDistance(a, b) / longer;
}

const CAPITAL = /^\p{Lu}/u;

export function wordEvidence(a: WordForm, b: WordForm, lexicon: Lexicon | null, langA?: string, langB?: string): number {
  if (a.punct || b.punct) return a.punct && b.punct && punctKey(a.text) === punctKey(b.text) ? 0.6 : 0;
  if (a.number || b.number) return a.number && b.number && a.key.replace(/\D/g, "") === b.key.replace(/\D/g, "") ? 1 : 0;
  if (a.key === b.key) return a.key.length >= 3 || a.content ? 0.9 : 0.3;
  let evidence = lexicon ? lexicon.weight(a.stem, b.stem) : 0;
  if (evidence >= 1) return 1;
  if (a.content && b.content) {
    const similarity = latinSimilarity(a.latin, b.latin);
    if (similarity >= 0.7) evidence = Math.max(evidence, 0.3 + (similarity - 0.7) * 2);
    if (CAPITAL.test(a.text) && CAPITAL.test(b.text) && namesMatch(a.text, b.text, langA, langB)) evidence = Math.max(evidence, 0.9);
  }
  return Math.min(1, evidence);
}
