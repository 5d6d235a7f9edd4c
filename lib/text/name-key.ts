/**
 * Phonetic keys for proper names across scripts and transliteration habits.
 *
 * `nameKey` reduces a name to a lowercase Latin skeleton so that the Russian
 * original and the English, French, Spanish and Italian spellings of the same
 * name meet: Троцкий, Trotsky, Trotski, Trotzki and Trockij all give
 * "trotski"; Зиновьев and Zinoviev give "sinovev" (z and s are one class,
 * as Азия and Asia show). The key is lossy on purpose (it is for matching,
 * never for display). `namesMatch` compares keys exactly, then with a small edit
 * distance, then after removing derivational suffixes (Зиновьевцы ~
 * zinovievistes). Places whose names each language forms its own way
 * (Москва, Moscow, Moscou, Moscú, Mosca) meet through a short table of
 * exonyms.
 */
import { transliterate } from "transliteration";

const CYRILLIC = /[\u0400-\u04ff]/;

/** Letters whose conventional romanisation the transliteration package spells differently. */
const CYRILLIC_TO_LATIN: [string, string][] = [
  ["щ", "shch"],
  ["ж", "zh"],
  ["х", "kh"],
  ["ц", "ts"],
  ["ч", "ch"],
  ["ш", "sh"],
  ["й", "y"],
  ["ь", ""],
  ["ъ", ""],
  ["ы", "y"],
  ["э", "e"],
  ["ю", "yu"],
  ["я", "ya"],
  ["ё", "e"],
  ["ѣ", "e"],
  ["і", "i"],
  ["ѳ", "f"],
  ["ѵ", "i"],
];

/** Latin letters that NFD decomposition would flatten too far (š must stay a hushing sound). */
const LATIN_SPECIALS: [RegExp, string][] = [
  [/[šś]/g, "S"],
  [/[žź]/g, "Z"],
  [/[čć]/g, "C"],
  [/ł/g, "l"],
  [/ß/g, "ss"],
  [/æ/g, "ae"],
  [/œ/g, "oe"],
  [/ø/g, "o"],
  [/đ/g, "d"],
];

/**
 * Russian case endings of surnames and of words derived from them, reduced to
 * the nominative (or to the bare stem for -ец/-ист derivatives). Only endings
 * after a recognisable surname/derivative stem are touched, so indeclinable
 * names such as Цинцадзе are left alone.
 */
const RUSSIAN_CASE_ENDINGS: [RegExp, string][] = [
  [/(ск|цк)(ого|ому|ым|им|ом|ая|ой|ую|ие|ые|их|ими|ий|ый|аго|яго)$/, "$1ий"],
  [/(ов|ев|ёв|ин|ын)(а|у|ым|ом|е|ой|ою|ы|ых|ыми)$/, "$1"],
  [/ист(ы|ов|ам|ами|ах|а|у|ом|е|ка|ки|ок)$/, "ист"],
  [/ец$/, "ц"],
  [/ц(ы|ев|ам|ами|ах|а|у|ем|е|ой)$/, "ц"],
];

/**
 * Other Russian noun case forms, turned back into possible nominatives. A form
 * such as "Алма-Ате" is ambiguous (Алма-Ата or Алма-Ат), so `namesMatch` tries
 * every candidate.
 */
const RUSSIAN_NOUN_ENDINGS: [RegExp, string][] = [
  [/(ии|ию|ией)$/, "ия"],
  [/(ы|и|е|у|ой|ою)$/, "а"],
  [/(а|у|ом|ем|е)$/, ""],
];

/** Suffixes that derive group or doctrine words from a name (-ists, -istes, -ism, -цы). */
const DERIVATION_SUFFIXES = /(?:ist(?:es|as|s|i|e|a)?|ism(?:es|os|s|e|o|i)?|ets|ts)$/;

/** Placeholders for sound classes while folding; expanded back to digraphs at the end. */
const CLASS_OUTPUT: Record<string, string> = {
  C: "ch",
  S: "sh",
  Z: "zh",
  H: "kh",
  T: "ts",
};

/**
 * Place names that the languages form differently rather than transliterate:
 * the Russian nominative, the other languages' spellings (lowercase, without
 * accents) and the stems of the Russian adjectives (московские фальсификаторы
 * for "the Moscow falsifiers"). Every spelling also gets the key of the
 * Russian nominative, which Russian case forms reach on their own.
 */
const EXONYMS: [russian: string, spellings: string[], adjectiveStems: string[]][] = [
  ["Москва", ["moscow", "moscou", "moscu", "mosca", "moskau"], ["московск"]],
  ["Азия", ["asia", "asie", "asien"], ["азиатск"]],
  ["Европа", ["europe", "europa"], ["европейск"]],
  ["Россия", ["russia", "russie", "rusia", "russland"], ["российск"]],
  ["Германия", ["germany", "allemagne", "alemania", "germania", "deutschland"], ["германск"]],
  ["Франция", ["france", "francia", "frankreich"], ["французск"]],
  ["Англия", ["england", "angleterre", "inglaterra", "inghilterra"], ["английск"]],
  ["Сибирь", ["siberia", "siberie", "sibirien"], ["сибирск"]],
];

/** Cached candidate keys: names recur on every row, and romanising is the costly part of anchor extraction. */
const CANDIDATE_CACHE_LIMIT = 50_000;
const candidateCache = new Map<string, string[]>();

const MIN_NEAR_LENGTH = 5;
const MIN_STEM_LENGTH = 5;

export function primaryLanguage(lang: string | undefined): string {
  return (lang ?? "").toLowerCase().split(/[-_]/)[0];
}

export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

function stripRussianCase(word: string): string {
  for (const [pattern, replacement] of RUSSIAN_CASE_ENDINGS) {
    if (pattern.test(word)) {
      const stripped = word.replace(pattern, replacement);
      return stripped.length >= 3 ? stripped : word;
    }
  }
  return word;
}

function romanise(word: string, lang: string): { ascii: string; endsInAccentedE: boolean } {
  let text = word.normalize("NFC").toLowerCase();
  if (isCyrillic(text) || lang === "ru") {
    text = text.replace(/ѣ/g, "е").replace(/і/g, "и").replace(/ѳ/g, "ф").replace(/ѵ/g, "и");
    text = stripRussianCase(text.replace(/ъ$/, ""));
    for (const [cyr, lat] of CYRILLIC_TO_LATIN) text = text.split(cyr).join(lat);
    text = transliterate(text);
  }
  const endsInAccentedE = /[éèêë]$/.test(text);
  for (const [pattern, replacement] of LATIN_SPECIALS) text = text.replace(pattern, replacement);
  const ascii = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-zCSZHT]/g, "");
  return { ascii, endsInAccentedE };
}

/**
 * Spelling habits of each target language, rewritten into the shared sound
 * classes. "sci" is the scholarly transliteration some editions use
 * (Cincadze, Trockij, Il'ič, Bucharin): c is ц, ch and x are х.
 */
function foldLanguageSpelling(s: string, lang: string, endsInAccentedE: boolean): string {
  switch (lang) {
    case "sci":
      return s.replace(/ch|x/g, "H").replace(/c/g, "T");
    case "fr":
      s = s.replace(/tch/g, "C").replace(/ch/g, "S").replace(/dj/g, "Z").replace(/j/g, "Z");
      s = s.replace(/gu(?=[ei])/g, "g").replace(/ou/g, "u");
      if (!endsInAccentedE && s.length > 4 && /[^aeiouy]e$/.test(s)) s = s.slice(0, -1);
      if (!endsInAccentedE && s.length > 5 && /[^aeiouy]es$/.test(s)) s = s.slice(0, -2) + "s";
      return s;
    case "es":
      return s.replace(/ch/g, "C").replace(/j/g, "H").replace(/gu(?=[ei])/g, "g");
    case "it":
      return s
        .replace(/sci(?=[aou])/g, "S")
        .replace(/sc(?=[ei])/g, "S")
        .replace(/ci(?=[aou])/g, "C")
        .replace(/c(?=[ei])/g, "C")
        .replace(/ch/g, "k")
        .replace(/gh/g, "g");
    case "de":
      return s.replace(/tsch/g, "C").replace(/sch/g, "S").replace(/ch/g, "H").replace(/z/g, "T");
    default:
      return s;
  }
}

/** Folds shared by every language: consonant digraphs, y/i/j vowels, z/s, iotation, endings. */
function foldCommon(s: string, lang: string): string {
  s = s
    .replace(/qu/g, "k")
    .replace(/q/g, "k")
    .replace(/x/g, "ks")
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/w/g, "v");
  s = s
    .replace(/tsch|tch/g, "C")
    .replace(/shch|shtsh|sch/g, "S")
    .replace(/sh/g, "S")
    .replace(/ch/g, "C")
    .replace(/dzh|dj/g, "Z")
    .replace(/zh/g, "Z")
    .replace(/kh|h/g, "H");
  s = s
    .replace(/tz|ts|cz/g, "T")
    .replace(/ck(?=(ij|ii|iy|i|y)$)/g, "Tk")
    .replace(/ck/g, "k")
    .replace(/c(?=[eiy])/g, ["fr", "es", "en"].includes(lang) ? "s" : "T")
    .replace(/c/g, "k");
  s = s.replace(/[yj]/g, "i").replace(/ou/g, "u").replace(/z/g, "s");
  s = s.replace(/(.)\1+/g, "$1");
  s = s.replace(/(?<=.)i(?=[aeou])/g, "");
  s = s.replace(/ef$/, "ev").replace(/of$/, "ov");
  return s;
}

/**
 * Latin phonetic skeleton of a proper name (lowercase ASCII, may be empty).
 * `lang` is the language of the text the word comes from ("ru", "fr", …);
 * Cyrillic words are treated as Russian whatever `lang` says.
 */
export function nameKey(word: string, lang?: string): string {
  const language = isCyrillic(word) ? "ru" : primaryLanguage(lang);
  const { ascii, endsInAccentedE } = romanise(word, language);
  if (!ascii) return "";
  const folded = foldCommon(foldLanguageSpelling(ascii, language, endsInAccentedE), language);
  return folded.replace(/[CSZHT]/g, (c) => CLASS_OUTPUT[c]);
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Equal keys, or near ones: keys of 7–10 letters may differ by one edit and
 * longer keys by two; keys of 5–6 letters only by one letter added at
 * the end (Lenin ~ Lenine, but Rykov ≠ Rakov); shorter keys must be equal.
 */
export function keysNear(a: string, b: string): boolean {
  if (a === b) return a.length > 0;
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_NEAR_LENGTH) return false;
  if (shorter < 7) {
    return Math.abs(a.length - b.length) === 1 && (a.startsWith(b) || b.startsWith(a));
  }
  const allowed = Math.max(a.length, b.length) >= 11 ? 2 : 1;
  if (Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b) <= allowed;
}

/** Key without a derivational suffix (zinovevists → zinovev), or the key itself when too short. */
export function stemKey(key: string): string {
  const stem = key.replace(DERIVATION_SUFFIXES, "");
  return stem.length >= MIN_STEM_LENGTH ? stem : key;
}

const EXONYM_KEYS: { key: string; spellings: Set<string>; adjectiveStems: string[] }[] = EXONYMS.map(([russian, spellings, adjectiveStems]) => ({
  key: nameKey(russian, "ru"),
  spellings: new Set(spellings),
  adjectiveStems,
}));

function exonymKey(word: string): string | null {
  const lower = word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase();
  const cyrillic = isCyrillic(lower);
  const entry = EXONYM_KEYS.find((exonym) =>
    cyrillic ? exonym.adjectiveStems.some((stem) => lower.startsWith(stem)) : exonym.spellings.has(lower),
  );
  return entry?.key ?? null;
}

function computeCandidates(word: string, lang?: string): string[] {
  const keys = [nameKey(word, lang)];
  if (!isCyrillic(word)) keys.push(nameKey(word, "sci"));
  else {
    const lower = word.normalize("NFC").toLowerCase();
    for (const [pattern, replacement] of RUSSIAN_NOUN_ENDINGS) {
      const nominative = lower.replace(pattern, replacement);
      if (nominative !== lower && nominative.length >= 3) keys.push(nameKey(nominative, "ru"));
    }
  }
  const exonym = exonymKey(word);
  if (exonym) keys.push(exonym);
  return [...new Set(keys.filter(Boolean))];
}

/**
 * The key of a word plus, for Russian words, the keys of the nominatives its
 * case ending allows, for Latin-script words the key of a scholarly reading
 * (Cincadze as Цинцадзе), and for a place with its own name in each language
 * the key of its Russian name (Moscou as Москва).
 */
export function nameKeyCandidates(word: string, lang?: string): string[] {
  const cacheKey = `${primaryLanguage(lang)}\u0000${word}`;
  const cached = candidateCache.get(cacheKey);
  if (cached) return cached;
  if (candidateCache.size >= CANDIDATE_CACHE_LIMIT) candidateCache.clear();
  const keys = computeCandidates(word, lang);
  candidateCache.set(cacheKey, keys);
  return keys;
}

/** True when two name keys (from `nameKey`) are near, directly or once derivational suffixes are removed. */
export function nameKeysMatch(keyA: string, keyB: string): boolean {
  if (!keyA || !keyB) return false;
  return keysNear(keyA, keyB) || keysNear(stemKey(keyA), stemKey(keyB));
}

/** True when two words are spellings (or Russian case forms, or -ist/-цы derivatives) of one name. */
export function namesMatch(a: string, b: string, langA?: string, langB?: string): boolean {
  const keysA = nameKeyCandidates(a, langA);
  const keysB = nameKeyCandidates(b, langB);
  return keysA.some((keyA) => keysB.some((keyB) => nameKeysMatch(keyA, keyB)));
}
