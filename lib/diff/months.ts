/**
 * Month names in English, French, Spanish, Italian and Russian (every case
 * form of the Russian ones: январь, января, январе, январю, январём …).
 * Lookup folds case, Latin accents and ё, so "Août", "aout" and "августе"
 * all resolve.
 */
import { primaryLanguage } from "../text/name-key";

const LATIN_MONTHS: Record<string, string[][]> = {
  en: [
    ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
    ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"], ["december", "dec"],
  ],
  fr: [
    ["janvier"], ["fevrier"], ["mars"], ["avril"], ["mai"], ["juin"],
    ["juillet"], ["aout"], ["septembre"], ["octobre"], ["novembre"], ["decembre"],
  ],
  es: [
    ["enero"], ["febrero"], ["marzo"], ["abril"], ["mayo"], ["junio"],
    ["julio"], ["agosto"], ["septiembre", "setiembre"], ["octubre"], ["noviembre"], ["diciembre"],
  ],
  it: [
    ["gennaio"], ["febbraio"], ["marzo"], ["aprile"], ["maggio"], ["giugno"],
    ["luglio"], ["agosto"], ["settembre"], ["ottobre"], ["novembre"], ["dicembre"],
  ],
};

const SOFT_ENDINGS = ["ь", "я", "е", "ю", "ем"];
const HARD_ENDINGS = ["", "а", "е", "у", "ом"];

/** Russian month stems with their declension; май declines on its own. */
const RUSSIAN_STEMS: [stem: string, endings: string[]][] = [
  ["январ", SOFT_ENDINGS], ["феврал", SOFT_ENDINGS], ["март", HARD_ENDINGS], ["апрел", SOFT_ENDINGS],
  ["ма", ["й", "я", "е", "ю", "ем"]], ["июн", SOFT_ENDINGS], ["июл", SOFT_ENDINGS], ["август", HARD_ENDINGS],
  ["сентябр", SOFT_ENDINGS], ["октябр", SOFT_ENDINGS], ["ноябр", SOFT_ENDINGS], ["декабр", SOFT_ENDINGS],
];

/** English words that are months only next to a day or a year (may, march, mar…). */
const AMBIGUOUS: Record<string, ReadonlySet<string>> = {
  en: new Set(["may", "march", "mar", "jan", "dec", "sep", "oct", "nov", "aug", "jun", "jul", "apr", "feb", "sept"]),
  fr: new Set(["mars"]),
};

function buildTables(): Map<string, Map<string, number>> {
  const tables = new Map<string, Map<string, number>>();
  for (const [lang, months] of Object.entries(LATIN_MONTHS)) {
    const table = new Map<string, number>();
    months.forEach((names, index) => names.forEach((name) => table.set(name, index + 1)));
    tables.set(lang, table);
  }
  const russian = new Map<string, number>();
  RUSSIAN_STEMS.forEach(([stem, endings], index) => endings.forEach((ending) => russian.set(stem + ending, index + 1)));
  tables.set("ru", russian);
  return tables;
}

const TABLES = buildTables();

function foldForLookup(word: string): string {
  return word
    .toLowerCase()
    .replace(/ё/g, "е")
    .normalize("NFD")
    .replace(/[\u0300-\u0302\u0308]/g, "")
    .normalize("NFC");
}

/** Month number (1–12) of a month-name word in `lang` (all five languages when unknown), or null. */
export function monthOf(word: string, lang: string): number | null {
  const folded = foldForLookup(word);
  const table = TABLES.get(primaryLanguage(lang));
  if (table) return table.get(folded) ?? null;
  for (const other of TABLES.values()) {
    const month = other.get(folded);
    if (month) return month;
  }
  return null;
}

/** True when the word is a month name that also has an ordinary meaning or is an abbreviation (May, march, mars). */
export function isAmbiguousMonth(word: string, lang: string): boolean {
  return AMBIGUOUS[primaryLanguage(lang)]?.has(foldForLookup(word)) ?? false;
}

/** English capitalises month names; a lowercase "may" or "march" is never a month. */
export function monthNeedsCapital(lang: string): boolean {
  return primaryLanguage(lang) === "en";
}
