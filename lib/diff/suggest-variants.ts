/**
 * Candidate variants found by the word links of a row against a base edition: a run of two or more content words
 * of an edition without counterpart in the base (an addition), a run of two or more content words of the base
 * without counterpart in that edition (an omission), and an anchor (number, date, name, quotation) the base has and
 * the edition lacks. Each comes with the words, so a scholar can record it in one step after reading it.
 */
import type { AnchorDifference } from "./anchors";
import { bestLinks, hasPair, type PairLinks, type WordMarkEdition } from "./word-marks";
import { isContentWord } from "../alignment/words/forms";

export interface SuggestedVariant {
  category: "omission" | "addition" | "number_date" | "name_form";
  /** The edition that adds or leaves out. */
  editionId: string;
  words: string;
  note: string;
}

/** Runs of at least `min` content words (other words inside a run are kept) whose flag is set. */
function runs(edition: WordMarkEdition, unlinked: (index: number) => boolean, min: number): string[] {
  const found: string[] = [];
  let run: number[] = [];
  const flush = () => {
    const content = run.filter((index) => isContentWord(edition.tokens[index].text, edition.language));
    if (content.length >= min) found.push(run.map((index) => edition.tokens[index].text).join(" "));
    run = [];
  };
  edition.tokens.forEach((_, index) => {
    if (unlinked(index)) run.push(index);
    else flush();
  });
  flush();
  return found;
}

export function suggestVariants(editions: readonly WordMarkEdition[], pairs: readonly PairLinks[], baseId: string, differences: readonly AnchorDifference[] = [], min = 2): SuggestedVariant[] {
  const base = editions.find((edition) => edition.id === baseId);
  if (!base || base.tokens.length === 0) return [];
  const suggestions: SuggestedVariant[] = [];
  for (const edition of editions) {
    if (edition.id === baseId || edition.tokens.length === 0 || !hasPair(pairs, edition.id, baseId)) continue;
    const forward = bestLinks(pairs, edition.id, baseId, edition.tokens.length);
    const backward = bestLinks(pairs, baseId, edition.id, base.tokens.length);
    if (forward.every((p) => p === 0)) continue;
    for (const words of runs(edition, (index) => forward[index] === 0, min)) {
      suggestions.push({ category: "addition", editionId: edition.id, words, note: `${edition.slug} adds “${words}”, which ${base.slug} does not have.` });
    }
    for (const words of runs(base, (index) => backward[index] === 0, min)) {
      suggestions.push({ category: "omission", editionId: edition.id, words, note: `${edition.slug} leaves out “${words}” (${base.slug}).` });
    }
  }
  for (const difference of differences) {
    if (!difference.presentIn.includes(baseId)) continue;
    for (const editionId of difference.missingIn) {
      const edition = editions.find((e) => e.id === editionId);
      if (!edition || edition.tokens.length === 0) continue;
      suggestions.push({
        category: difference.kind === "name" ? "name_form" : difference.kind === "number" || difference.kind === "date" || difference.kind === "month" ? "number_date" : "omission",
        editionId,
        words: difference.text,
        note: `${edition.slug} lacks “${difference.text}”, which ${base.slug} has.`,
      });
    }
  }
  return suggestions;
}
