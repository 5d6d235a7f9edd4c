/**
 * "Back to sentences" (issue 9): the word aligner's statistical model, trained on the confident one-to-one beads of
 * an earlier pass, as lexical evidence for the sentence aligner's next pass. The expected link counts of the model
 * (the numerators of its translation table t(b|a), read from both directions' agreement) give a translation table
 * of content-word stems that is sharper than the induced dictionary's co-occurrence counts: a word is credited only
 * with the words it is linked to inside the bead, not with every word that shares the bead. A segment of side A then
 * carries the key "w<stem b>" for every translation of its stems, a segment of B the key "w<stem>" of each of its
 * stems that some A stem translates to, so a pair of segments shares a key per translated word.
 */
import { segmentWordTokens } from "../words/cell-tokens";
import { wordForm, type WordForm } from "../words/forms";
import type { Lexicon } from "../words/lexicon";
import { trainPair } from "../words/model";
import { agreement } from "../words/symmetrise";
import type { SegmentKeys } from "./lexical";
import type { AlignSegment } from "./types";

export interface WordModelOptions {
  /** At most this many beads train the model (evenly spaced over the text), so the cost stays bounded on novels. */
  maxTrainingBeads: number;
  /** EM iterations of each direction. */
  iterations: number;
  /** A stem pair is a translation when the model links it at least this often in expectation … */
  minLinkMass: number;
  /** … and in at least this share of the beads in which either stem occurs. */
  minShare: number;
  /** Translations kept per A stem, strongest first. */
  maxTranslations: number;
}

export const DEFAULT_WORD_MODEL_OPTIONS: WordModelOptions = {
  maxTrainingBeads: 4000,
  iterations: 4,
  minLinkMass: 1.5,
  minShare: 0.5,
  maxTranslations: 1,
};

function contentForms(text: string, lang: string): WordForm[] {
  return segmentWordTokens(text, lang).map((token) => wordForm(token.text, lang));
}

function evenlySpaced<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, k) => items[Math.floor((k * items.length) / count)]);
}

export interface WordModelKeys extends SegmentKeys {
  /** Number of stem translations the model contributed. */
  entries: number;
}

/** Keys from the word model trained on `beads` (pairs of segment indices that a pass aligned one to one, confidently). */
export function wordModelKeys(
  a: readonly AlignSegment[],
  b: readonly AlignSegment[],
  beads: ReadonlyArray<readonly [number, number]>,
  langA: string,
  langB: string,
  lexicon: Lexicon | null,
  options: WordModelOptions = DEFAULT_WORD_MODEL_OPTIONS,
): WordModelKeys {
  const formsA = a.map((segment) => contentForms(segment.text, langA));
  const formsB = b.map((segment) => contentForms(segment.text, langB));
  const training = evenlySpaced(beads, options.maxTrainingBeads);
  const rows = training.map(([i, j]) => ({ a: formsA[i], b: formsB[j] }));
  const posteriors = trainPair({ langA, langB, rows, lexicon, options: { iterations: options.iterations } });

  const mass = new Map<string, number>();
  const occurrencesA = new Map<string, number>();
  const occurrencesB = new Map<string, number>();
  const count = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);
  rows.forEach((row, r) => {
    for (const stem of new Set(row.a.filter((f) => f.content).map((f) => f.stem))) count(occurrencesA, stem, 1);
    for (const stem of new Set(row.b.filter((f) => f.content).map((f) => f.stem))) count(occurrencesB, stem, 1);
    const agree = agreement(posteriors[r]);
    const n = row.b.length;
    for (let i = 0; i < row.a.length; i++) {
      if (!row.a[i].content) continue;
      for (let j = 0; j < n; j++) {
        const p = agree[i * n + j];
        if (p > 0.05 && row.b[j].content) count(mass, `${row.a[i].stem}\u0000${row.b[j].stem}`, p);
      }
    }
  });

  const translations = new Map<string, Array<{ stem: string; mass: number }>>();
  const targets = new Set<string>();
  for (const [pair, linked] of mass) {
    if (linked < options.minLinkMass) continue;
    const [stemA, stemB] = pair.split("\u0000");
    const share = linked / Math.max(occurrencesA.get(stemA) ?? 0, occurrencesB.get(stemB) ?? 0);
    if (share < options.minShare) continue;
    const list = translations.get(stemA) ?? [];
    list.push({ stem: stemB, mass: linked });
    translations.set(stemA, list);
  }
  let entries = 0;
  for (const [stemA, list] of translations) {
    list.sort((x, y) => y.mass - x.mass);
    const kept = list.slice(0, options.maxTranslations);
    translations.set(stemA, kept);
    entries += kept.length;
    for (const t of kept) targets.add(t.stem);
  }
  return {
    entries,
    keysForA(i) {
      const keys = new Set<string>();
      for (const form of formsA[i]) if (form.content) for (const t of translations.get(form.stem) ?? []) keys.add("w" + t.stem);
      return [...keys];
    },
    keysForB(j) {
      return [...new Set(formsB[j].filter((form) => form.content && targets.has(form.stem)).map((form) => "w" + form.stem))];
    },
  };
}
