/**
 * A bilingual dictionary induced from a first alignment pass, as hunalign does: word stems that
 * co-occur in many confident one-to-one beads, measured with the Dice coefficient, become
 * translation pairs for the second pass. Stems identical on both sides are left to the cognate
 * evidence.
 */
import type { SegmentKeys } from "./lexical";

export interface DictionaryOptions {
  /** Minimum number of beads in which the two stems co-occur. */
  minCooccurrence: number;
  /** Minimum Dice coefficient 2·c(s,t) / (c(s) + c(t)). */
  minDice: number;
  /**
   * A pair is kept only if its Dice is at least this share of the best Dice of either stem with any
   * partner, so that a word does not also "translate" as the function word it often meets.
   */
  minShareOfBest: number;
  /** Translations kept per source stem, best first. */
  maxTranslations: number;
  /** Stems found in a larger share of the beads, and in more than `minFrequentCount` beads, are not considered. */
  maxShareOfBeads: number;
  minFrequentCount: number;
}

export const DEFAULT_DICTIONARY_OPTIONS: DictionaryOptions = {
  minCooccurrence: 3,
  minDice: 0.3,
  minShareOfBest: 0.8,
  maxTranslations: 3,
  maxShareOfBeads: 0.05,
  minFrequentCount: 30,
};

export interface DictionaryEntry {
  a: string;
  b: string;
  dice: number;
  cooccurrence: number;
}

export interface InducedDictionary {
  entries: DictionaryEntry[];
  /** Evidence keys of an A segment with these stems: one per dictionary translation. */
  keysForA(stems: readonly string[]): string[];
  /** Evidence keys of a B segment with these stems: one per stem that is a dictionary translation. */
  keysForB(stems: readonly string[]): string[];
  has(a: string, b: string): boolean;
}

function countStems(beads: ReadonlyArray<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stems of beads) for (const s of new Set(stems)) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** Induces a dictionary from beads given as (stems of the A side, stems of the B side). */
export function induceDictionary(
  beads: ReadonlyArray<readonly [readonly string[], readonly string[]]>,
  options: DictionaryOptions = DEFAULT_DICTIONARY_OPTIONS,
): InducedDictionary {
  const countA = countStems(beads.map((bead) => bead[0]));
  const countB = countStems(beads.map((bead) => bead[1]));
  const idsA = new Map<string, number>();
  const idsB = new Map<string, number>();
  const namesA: string[] = [];
  const namesB: string[] = [];
  /* Stems in a large share of the beads (function words) are left out: they pair with everything. */
  const maxCount = Math.max(options.minFrequentCount, Math.round(options.maxShareOfBeads * beads.length));
  const usable = (count: number) => count >= options.minCooccurrence && count <= maxCount;
  for (const [stem, count] of countA) if (usable(count)) idsA.set(stem, namesA.push(stem) - 1);
  for (const [stem, count] of countB) if (usable(count)) idsB.set(stem, namesB.push(stem) - 1);
  const width = namesB.length;
  const pairs = new Map<number, number>();
  for (const [stemsA, stemsB] of beads) {
    const a = [...new Set(stemsA)].map((s) => idsA.get(s)).filter((id): id is number => id !== undefined);
    const b = [...new Set(stemsB)].map((s) => idsB.get(s)).filter((id): id is number => id !== undefined);
    for (const x of a) for (const y of b) pairs.set(x * width + y, (pairs.get(x * width + y) ?? 0) + 1);
  }
  const candidates: DictionaryEntry[] = [];
  const bestOfA = new Map<string, number>();
  const bestOfB = new Map<string, number>();
  for (const [pair, cooccurrence] of pairs) {
    if (cooccurrence < options.minCooccurrence) continue;
    const a = namesA[Math.floor(pair / width)];
    const b = namesB[pair % width];
    const dice = (2 * cooccurrence) / ((countA.get(a) ?? 0) + (countB.get(b) ?? 0));
    bestOfA.set(a, Math.max(bestOfA.get(a) ?? 0, dice));
    bestOfB.set(b, Math.max(bestOfB.get(b) ?? 0, dice));
    if (a !== b && dice >= options.minDice) candidates.push({ a, b, dice, cooccurrence });
  }
  const byA = new Map<string, DictionaryEntry[]>();
  for (const entry of candidates) {
    const share = options.minShareOfBest;
    if (entry.dice < share * (bestOfA.get(entry.a) ?? 0) || entry.dice < share * (bestOfB.get(entry.b) ?? 0)) continue;
    const list = byA.get(entry.a) ?? [];
    list.push(entry);
    byA.set(entry.a, list);
  }
  const entries: DictionaryEntry[] = [];
  const translations = new Map<string, string[]>();
  const targets = new Set<string>();
  for (const [a, list] of byA) {
    list.sort((x, y) => y.dice - x.dice || y.cooccurrence - x.cooccurrence);
    const kept = list.slice(0, options.maxTranslations);
    entries.push(...kept);
    translations.set(a, kept.map((e) => e.b));
    for (const e of kept) targets.add(e.b);
  }
  return {
    entries,
    keysForA(stems) {
      const keys = new Set<string>();
      for (const s of stems) for (const t of translations.get(s) ?? []) keys.add("d" + t);
      return [...keys];
    },
    keysForB(stems) {
      return stems.filter((t) => targets.has(t)).map((t) => "d" + t);
    },
    has(a, b) {
      return translations.get(a)?.includes(b) ?? false;
    },
  };
}

/** The dictionary's translations as evidence keys of each segment, given the segments' stems. */
export function dictionaryKeys(dictionary: InducedDictionary, stemsA: readonly string[][], stemsB: readonly string[][]): SegmentKeys {
  return { keysForA: (i) => dictionary.keysForA(stemsA[i]), keysForB: (j) => dictionary.keysForB(stemsB[j]) };
}
