/**
 * The forms of a word the word aligner compares: a case- and accent-folded key, a stem (Snowball, per language,
 * when the language has a stemmer), a Latin skeleton for cognates and names across scripts, and whether the word
 * carries content (not a stopword of its language, not punctuation).
 */
import { createRequire } from "node:module";
import snowball from "snowball-stemmers";
import { latinize } from "../aligner/normalize";
import { primaryLanguage } from "../../text/name-key";
import { EXTRA_STOPWORDS } from "./stopword-forms";

export interface WordForm {
  /** The word as written. */
  text: string;
  /** Lowercase, accents and ё folded: equal keys are the same word. */
  key: string;
  /** The key's stem in its language (the key itself without a stemmer). */
  stem: string;
  /** ASCII skeleton for cognates across scripts ("" for words without letters). */
  latin: string;
  number: boolean;
  punct: boolean;
  /** Not a stopword, not punctuation: what divergence counts. */
  content: boolean;
}

const STEMMER_OF: Record<string, string> = {
  ar: "arabic", hy: "armenian", eu: "basque", ca: "catalan", cs: "czech", da: "danish", nl: "dutch", en: "english",
  fi: "finnish", fr: "french", de: "german", hu: "hungarian", it: "italian", ga: "irish", no: "norwegian", nb: "norwegian",
  nn: "norwegian", pt: "portuguese", ro: "romanian", ru: "russian", es: "spanish", sl: "slovene", sv: "swedish", ta: "tamil",
  tr: "turkish",
};

type Stemmer = { stem(word: string): string };
const stemmers = new Map<string, Stemmer | null>();

function stemmerFor(lang: string): Stemmer | null {
  if (!stemmers.has(lang)) {
    const algorithm = STEMMER_OF[lang];
    stemmers.set(lang, algorithm ? (snowball.newStemmer(algorithm) as Stemmer) : null);
  }
  return stemmers.get(lang)!;
}

/** stopwords-iso is a JSON module: read through require, which every runtime here (Node ESM, Next.js, Vitest, Playwright) allows. */
const stopwords = createRequire(import.meta.url)("stopwords-iso") as Record<string, string[]>;

const stopwordSets = new Map<string, ReadonlySet<string>>();

function stopwordsOf(lang: string): ReadonlySet<string> {
  let set = stopwordSets.get(lang);
  if (!set) {
    const list = [...(stopwords[lang] ?? []), ...(EXTRA_STOPWORDS[lang] ?? [])];
    set = new Set(list.map((word) => foldKey(word)));
    stopwordSets.set(lang, set);
  }
  return set;
}

/**
 * Whether a folded word is a stopword of its language, elided forms included: French d', l', qu', jusqu' and Italian
 * dell', un', quest' are function words whose final vowel gave way to the apostrophe.
 */
function isStopword(key: string, lang: string): boolean {
  const set = stopwordsOf(lang);
  if (set.has(key)) return true;
  if (!key.endsWith("'") || key.length < 2) return false;
  const elided = key.slice(0, -1);
  return set.has(elided) || ELIDED_VOWELS.some((vowel) => set.has(elided + vowel));
}

const ELIDED_VOWELS = ["e", "a", "o", "i"];

/** Lowercase, NFC, ё→е, Latin accents removed (Cyrillic and other scripts keep their marks but lose stress). */
export function foldKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[’‘`´]/g, "'")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC");
}

const PUNCT = /^[^\p{L}\p{N}]+$/u;
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*$/u;

const cache = new Map<string, WordForm>();

/** The stem of a word in its language, and whether it is a stopword: what dictionaries need (cheaper than wordForm). */
export function stemOf(word: string, language: string): { stem: string; stopword: boolean } {
  const cacheKey = `${primaryLanguage(language)}\u0000${word}`;
  let result = stemCache.get(cacheKey);
  if (!result) {
    result = stemWord(word, language);
    if (stemCache.size > 500_000) stemCache.clear();
    stemCache.set(cacheKey, result);
  }
  return result;
}

/** stemOf without its cache: for the words of whole dictionaries, which would flood it (lexicon-sources.ts keeps its own while it indexes one). */
export function stemWord(word: string, language: string): { stem: string; stopword: boolean } {
  const lang = primaryLanguage(language);
  const key = foldKey(word);
  const stemmer = stemmerFor(lang);
  return { stem: stemmer ? stemmer.stem(key) || key : key, stopword: isStopword(key, lang) };
}

const stemCache = new Map<string, { stem: string; stopword: boolean }>();

/** Whether a word carries content (letters or digits, not a stopword of its language): cheaper than wordForm. */
export function isContentWord(word: string, language: string): boolean {
  return !PUNCT.test(word) && !isStopword(foldKey(word), primaryLanguage(language));
}

export function wordForm(text: string, language: string): WordForm {
  const lang = primaryLanguage(language);
  const cacheKey = `${lang}\u0000${text}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const key = foldKey(text);
  const punct = PUNCT.test(text);
  const number = NUMBER.test(text);
  const stemmer = punct || number ? null : stemmerFor(lang);
  const stem = stemmer ? stemmer.stem(key) || key : key;
  const form: WordForm = {
    text,
    key,
    stem,
    latin: punct ? "" : latinize(key),
    number,
    punct,
    content: !punct && !isStopword(key, lang),
  };
  if (cache.size > 300_000) cache.clear();
  cache.set(cacheKey, form);
  return form;
}
