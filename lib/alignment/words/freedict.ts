/**
 * Reads FreeDict bilingual dictionaries in dictd format (Debian's dict-freedict-* packages:
 * `/usr/share/dictd/freedict-<src>-<tgt>.index` and `.dict.dz`). The index lists headword, offset and length in
 * dictd's base64; the `.dict.dz` file is gzip-compatible and read whole. An entry is a headword line (with its
 * pronunciation and part of speech) followed by translations separated by commas, semicolons or numbered lines.
 * The dictionaries are GPL data: they are read at run time where installed, never copied into the project.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { LexiconEntry } from "./lexicon";

export const FREEDICT_DIR = "/usr/share/dictd";

/** ISO 639-1 (what editions use) → ISO 639-3 (what FreeDict names its files with). */
const ISO3: Record<string, string> = {
  af: "afr", ar: "ara", bg: "bul", br: "bre", cs: "ces", cy: "cym", da: "dan", de: "deu", el: "ell", en: "eng", eo: "epo",
  es: "spa", fi: "fin", fr: "fra", ga: "gle", gd: "gla", hi: "hin", hr: "hrv", hu: "hun", is: "isl", it: "ita", ja: "jpn",
  la: "lat", lt: "lit", nl: "nld", no: "nor", pl: "pol", pt: "por", ro: "ron", ru: "rus", sk: "slk", sl: "slv", sr: "srp",
  sv: "swe", sw: "swh", tr: "tur", uk: "ukr", zh: "zho",
};

export function freeDictCode(lang: string): string | null {
  return ISO3[lang.toLowerCase().split(/[-_]/)[0]] ?? null;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** dictd's base64 numbers (most significant digit first). */
export function decodeDictNumber(text: string): number {
  let value = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`not a dictd number: ${text}`);
    value = value * 64 + digit;
  }
  return value;
}

/** The translations of one entry's body: numbered lines and comma/semicolon lists become phrases. */
export function entryTranslations(body: string): string[] {
  const lines = body.split("\n").slice(1);
  const phrases: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/^\s*\d+\.\s*/, "").replace(/\s*<[^>]*>\s*/g, " ").trim();
    if (!line || /^(see|syn|ant|note|synonyms?|antonyms?):/i.test(line) || line.startsWith('"')) continue;
    for (const phrase of line.split(/[;,]/)) {
      const cleaned = phrase.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").trim();
      if (cleaned && cleaned.length <= 60) phrases.push(cleaned);
    }
  }
  return phrases;
}

/** Every (headword, translation) pair of a dictd dictionary given as its index text and decompressed data. */
export function parseFreeDict(indexText: string, data: Buffer): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const line of indexText.split("\n")) {
    const [headword, offset, length] = line.split("\t");
    if (!headword || !offset || !length || headword.startsWith("00database") || headword.startsWith("00-database")) continue;
    const start = decodeDictNumber(offset);
    const body = data.subarray(start, start + decodeDictNumber(length)).toString("utf8");
    for (const translation of entryTranslations(body)) entries.push({ a: headword.trim(), b: translation });
  }
  return entries;
}

export interface FreeDictFile {
  from: string;
  to: string;
  file: string;
}

/** The installed dictionaries between two languages, in either direction (from/to are the edition codes given). */
export function findFreeDicts(langA: string, langB: string, dir = FREEDICT_DIR): FreeDictFile[] {
  const a = freeDictCode(langA);
  const b = freeDictCode(langB);
  if (!a || !b || a === b) return [];
  const found: FreeDictFile[] = [];
  for (const [from, to, codeFrom, codeTo] of [
    [langA, langB, a, b],
    [langB, langA, b, a],
  ] as const) {
    const file = path.join(/* turbopackIgnore: true */ dir, `freedict-${codeFrom}-${codeTo}`);
    if (fs.existsSync(/* turbopackIgnore: true */ `${file}.index`) && fs.existsSync(/* turbopackIgnore: true */ `${file}.dict.dz`)) found.push({ from, to, file });
  }
  return found;
}

const cache = new Map<string, LexiconEntry[]>();

/** The entries of one installed dictionary (read once per process). */
export function readFreeDictFile(file: string): LexiconEntry[] {
  let entries = cache.get(file);
  if (!entries) {
    entries = parseFreeDict(fs.readFileSync(`${file}.index`, "utf8"), zlib.gunzipSync(fs.readFileSync(`${file}.dict.dz`)));
    cache.set(file, entries);
  }
  return entries;
}

/** Languages with an installed dictionary to or from `lang` (candidates to compose through). */
export function freeDictNeighbours(lang: string, dir = FREEDICT_DIR): string[] {
  const code = freeDictCode(lang);
  if (!code || !fs.existsSync(/* turbopackIgnore: true */ dir)) return [];
  const reverse = new Map(Object.entries(ISO3).map(([two, three]) => [three, two]));
  const neighbours = new Set<string>();
  for (const name of fs.readdirSync(/* turbopackIgnore: true */ dir)) {
    const match = /^freedict-([a-z]{3})-([a-z]{3})\.index$/.exec(name);
    if (!match) continue;
    const other = match[1] === code ? match[2] : match[2] === code ? match[1] : null;
    const two = other ? reverse.get(other) : undefined;
    if (two) neighbours.add(two);
  }
  return [...neighbours];
}
