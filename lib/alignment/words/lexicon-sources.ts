/**
 * The lexicon the word aligner uses for a language pair: the installed FreeDict dictionaries between the two
 * languages (both directions), the pair composed through every third language that has dictionaries with both
 * (weaker), and any glossary entries given (an editor's, for a work). Only entries whose headword occurs in the
 * corpus are read further, so a large dictionary costs little beyond stemming its headwords once per process.
 */
import { findFreeDicts, freeDictNeighbours, readFreeDictFile, FREEDICT_DIR, type FreeDictFile } from "./freedict";
import { stemWord } from "./forms";
import { contentStems, Lexicon, type LexiconEntry } from "./lexicon";

const COMPOSED_FACTOR = 0.5;

/** Per dictionary file and side: stem → indices of the entries that have it (built once per process). */
const stemIndexes = new Map<string, Map<string, number[]>>();

function stemIndex(dict: FreeDictFile, entries: readonly LexiconEntry[], side: "a" | "b"): Map<string, number[]> {
  const cacheKey = `${dict.file}\u0000${side}`;
  let index = stemIndexes.get(cacheKey);
  if (!index) {
    index = new Map();
    const memo = new Map<string, string[]>();
    /* The dictionary's words stemmed once each, in a memo dropped with the build, not in stemOf's process-wide cache. */
    const words = new Map<string, { stem: string; stopword: boolean }>();
    const stem = (word: string, lang: string) => {
      let result = words.get(word);
      if (!result) words.set(word, (result = stemWord(word, lang)));
      return result;
    };
    const lang = side === "a" ? dict.from : dict.to;
    entries.forEach((entry, position) => {
      const phrase = entry[side];
      let stems = memo.get(phrase);
      if (!stems) memo.set(phrase, (stems = contentStems(phrase, lang, stem)));
      for (const stem of stems) {
        const list = index!.get(stem);
        if (list) list.push(position);
        else index!.set(stem, [position]);
      }
    });
    stemIndexes.set(cacheKey, index);
  }
  return index;
}

/** The pairs of the installed dictionaries between `from` and `to` (either file direction) that have a `from` stem in `keep`. */
function dictionaryLexicon(from: string, to: string, dir: string, keep: ReadonlySet<string>): Lexicon {
  const lexicon = new Lexicon(from, to);
  for (const dict of findFreeDicts(from, to, dir)) {
    const entries = readFreeDictFile(dict.file);
    const forward = dict.from === from;
    const index = stemIndex(dict, entries, forward ? "a" : "b");
    const positions = new Set<number>();
    for (const stem of keep) for (const position of index.get(stem) ?? []) positions.add(position);
    for (const position of positions) {
      const entry = entries[position];
      lexicon.addEntry(forward ? entry : { a: entry.b, b: entry.a });
    }
  }
  return lexicon;
}

export interface LexiconRequest {
  langA: string;
  langB: string;
  vocabularyA: ReadonlySet<string>;
  vocabularyB: ReadonlySet<string>;
  /** Use the installed dictionaries (default true). */
  dictionaries?: boolean;
  glossary?: readonly LexiconEntry[];
  dir?: string;
}

export function lexiconFor(request: LexiconRequest): Lexicon {
  const dir = request.dir ?? FREEDICT_DIR;
  const { langA, langB, vocabularyA, vocabularyB } = request;
  const lexicon = new Lexicon(langA, langB);
  if (request.dictionaries !== false) {
    lexicon.merge(dictionaryLexicon(langA, langB, dir, vocabularyA).restrictedTo(vocabularyA, vocabularyB));
    const neighboursB = new Set(freeDictNeighbours(langB, dir));
    for (const third of freeDictNeighbours(langA, dir)) {
      if (!neighboursB.has(third) || third === langB) continue;
      const ac = dictionaryLexicon(langA, third, dir, vocabularyA);
      const bridges = new Set<string>();
      for (const a of ac.stemsA()) for (const c of ac.targetsOf(a)!.keys()) bridges.add(c);
      const cb = dictionaryLexicon(third, langB, dir, bridges);
      lexicon.merge(Lexicon.compose(ac, cb, vocabularyA, vocabularyB, COMPOSED_FACTOR));
    }
  }
  if (request.glossary) {
    const glossary = new Lexicon(langA, langB);
    for (const entry of request.glossary) glossary.addEntry(entry);
    lexicon.merge(glossary.restrictedTo(vocabularyA, vocabularyB));
  }
  return lexicon;
}
