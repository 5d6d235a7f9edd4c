/**
 * A bilingual lexicon for one language pair, keyed by stems (forms.ts): which words of language A may render which
 * words of B, with a weight in (0, 1]. Filled from dictionaries (FreeDict files, an editor's glossary), possibly
 * composed through a third language, and read by the word aligner as one piece of evidence among several.
 */
import { stemOf } from "./forms";

export interface LexiconEntry {
  /** Words or phrase in language A. */
  a: string;
  /** Words or phrase in language B. */
  b: string;
}

export class Lexicon {
  private readonly pairs = new Map<string, Map<string, number>>();
  constructor(
    readonly langA: string,
    readonly langB: string,
  ) {}

  get size(): number {
    let size = 0;
    for (const targets of this.pairs.values()) size += targets.size;
    return size;
  }

  /** Adds a phrase pair: single words at full weight, the content words of phrases at a lower one. */
  addEntry(entry: LexiconEntry, weight = 1): void {
    const a = contentStems(entry.a, this.langA);
    const b = contentStems(entry.b, this.langB);
    if (a.length === 0 || b.length === 0) return;
    const w = a.length === 1 && b.length === 1 ? weight : weight * 0.5;
    for (const stemA of a) for (const stemB of b) this.addStems(stemA, stemB, w);
  }

  addStems(stemA: string, stemB: string, weight: number): void {
    let targets = this.pairs.get(stemA);
    if (!targets) this.pairs.set(stemA, (targets = new Map()));
    if ((targets.get(stemB) ?? 0) < weight) targets.set(stemB, weight);
  }

  /** The weight of stemA ↔ stemB, 0 when the lexicon does not pair them. */
  weight(stemA: string, stemB: string): number {
    return this.pairs.get(stemA)?.get(stemB) ?? 0;
  }

  targetsOf(stemA: string): ReadonlyMap<string, number> | undefined {
    return this.pairs.get(stemA);
  }

  stemsA(): IterableIterator<string> {
    return this.pairs.keys();
  }

  /** The same pairs seen from B. */
  reversed(): Lexicon {
    const reversed = new Lexicon(this.langB, this.langA);
    for (const [a, targets] of this.pairs) for (const [b, weight] of targets) reversed.addStems(b, a, weight);
    return reversed;
  }

  /** Keeps only pairs whose stems both occur in the given vocabularies (what a corpus can use). */
  restrictedTo(vocabularyA: ReadonlySet<string>, vocabularyB: ReadonlySet<string>): Lexicon {
    const restricted = new Lexicon(this.langA, this.langB);
    for (const [a, targets] of this.pairs) {
      if (!vocabularyA.has(a)) continue;
      for (const [b, weight] of targets) if (vocabularyB.has(b)) restricted.addStems(a, b, weight);
    }
    return restricted;
  }

  /** Adds every pair of another lexicon of the same languages (the higher weight wins). */
  merge(other: Lexicon, factor = 1): void {
    for (const [a, targets] of other.pairs) for (const [b, weight] of targets) this.addStems(a, b, weight * factor);
  }

  /** A→C composed with C→B, for the A and B stems given: what a third language's dictionaries say, at `factor`. */
  static compose(ac: Lexicon, cb: Lexicon, vocabularyA: ReadonlySet<string>, vocabularyB: ReadonlySet<string>, factor: number): Lexicon {
    const composed = new Lexicon(ac.langA, cb.langB);
    for (const a of vocabularyA) {
      const bridges = ac.targetsOf(a);
      if (!bridges) continue;
      for (const [c, weightAC] of bridges) {
        const targets = cb.targetsOf(c);
        if (!targets) continue;
        for (const [b, weightCB] of targets) if (vocabularyB.has(b)) composed.addStems(a, b, weightAC * weightCB * factor);
      }
    }
    return composed;
  }
}

const PHRASE_NOISE = /\([^)]*\)|\[[^\]]*\]|<[^>]*>|\{[^}]*\}/g;

/** Stems of the content words of a dictionary phrase (parenthesised glosses and grammar tags removed); `stem` stems a word (default: stemOf, cached). */
export function contentStems(phrase: string, lang: string, stem: typeof stemOf = stemOf): string[] {
  const words = phrase.replace(PHRASE_NOISE, " ").split(/[^\p{L}\p{N}\p{M}'’-]+/u).filter(Boolean);
  const forms = words.map((word) => stem(word, lang));
  const content = forms.filter((form) => !form.stopword);
  return [...new Set((content.length > 0 ? content : forms.length === 1 ? forms : []).map((form) => form.stem))];
}
