/**
 * The same-language pairs the compare view can diff word by word: pairs among the chosen columns, and pairs
 * elsewhere in the work to suggest when no two columns share a language. An earlier witness and the text that
 * replaced it come first, oriented from the older text to the newer one (deletions in the witness, insertions
 * in the new text); then witnesses of other texts; then the other pairs in display order.
 */
import { primaryLanguage } from "../text/name-key";

export interface PairEdition {
  slug: string;
  title: string;
  language: string;
  /** The slug of the edition whose text replaced this one, for an earlier witness; null for a current edition. */
  replacedBy: string | null;
}

export interface DiffPairSuggestion {
  pair: [string, string];
  /** The editions to show with the pair: up to three of the chosen columns, then the pair. */
  editions: string[];
  label: string;
}

const sameLanguage = (a: PairEdition, b: PairEdition) => primaryLanguage(a.language) === primaryLanguage(b.language);

function rank(a: PairEdition, b: PairEdition): number {
  if (a.replacedBy === b.slug || b.replacedBy === a.slug) return 0;
  return a.replacedBy || b.replacedBy ? 1 : 2;
}

/** The same-language pairs of `editions`, best first, each oriented older text first when one replaced the other. */
function sameLanguagePairs(editions: readonly PairEdition[]): [PairEdition, PairEdition][] {
  const pairs = editions.flatMap((a, i) =>
    editions
      .slice(i + 1)
      .filter((b) => sameLanguage(a, b))
      .map((b): [PairEdition, PairEdition] => (b.replacedBy === a.slug || (b.replacedBy && !a.replacedBy) ? [b, a] : [a, b])),
  );
  return pairs.map((pair, index) => ({ pair, index })).sort((x, y) => rank(...x.pair) - rank(...y.pair) || x.index - y.index).map(({ pair }) => pair);
}

const labelOf = (edition: PairEdition) => `${edition.title} (${edition.slug}${edition.replacedBy ? ", earlier witness" : ""})`;

export function diffPairs(columns: readonly PairEdition[], all: readonly PairEdition[]): { pairs: [string, string][]; suggestions: DiffPairSuggestion[] } {
  const pairs = sameLanguagePairs(columns).map(([a, b]): [string, string] => [a.slug, b.slug]);
  const suggestions = sameLanguagePairs(all).map(([a, b]) => {
    const others = columns.map((column) => column.slug).filter((slug) => slug !== a.slug && slug !== b.slug).slice(0, 3);
    return { pair: [a.slug, b.slug] as [string, string], editions: [...others, a.slug, b.slug], label: `${labelOf(a)} with ${labelOf(b)}` };
  });
  return { pairs, suggestions };
}
