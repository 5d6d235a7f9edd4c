/**
 * Warnings for the import preview: signs that the text was damaged on its way here (PDF extraction, wrong
 * encodings, OCR) — each with the line of the raw file where it shows, so the editor can fix the source.
 * Warnings never block an import.
 */
import type { BlockDoc, EditionDocument } from "../text/edition-document";
import { hasUnspacedScript } from "../text/unspaced-scripts";

export const WARNING_CODES = [
  "joined-words",
  "lost-hyphen",
  "broken-hyphenation",
  "long-token",
  "page-number",
  "repeated-block",
  "mixed-script",
  "mojibake",
  "control-character",
  "replacement-character",
  "private-use-character",
  "invisible-character",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface ImportWarning {
  code: WarningCode;
  /** 1-based line in the raw file. */
  line: number;
  message: string;
  /** The suspicious text (a word, a block, or the character's code point). */
  excerpt: string;
}

/** At most this many warnings of one code are listed; one more summarises the rest. */
export const MAX_WARNINGS_PER_CODE = 50;
/** Longest run of letters not flagged as words run together. */
export const MAX_WORD_LETTERS = 30;

/** Prefixes of names with an inner capital (McDonald, MacArthur, DeGaulle, LaSalle, VanDyke, FitzGerald). */
const NAME_PREFIXES = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)$/;
/** Words after which `word- word` is a suspended compound ("pre- and post-war"), not a broken line. */
const CONJUNCTIONS = new Set(["and", "or", "nor", "to", "и", "или", "либо", "а", "et", "ou", "y", "o", "e", "u", "ed", "und", "oder"]);

export function importWarnings(doc: EditionDocument, rawText: string): ImportWarning[] {
  const rawLines = rawText.split(/\r\n|\r|\n/);
  const locate = (needle: string, from: number) => {
    for (let i = Math.max(from - 1, 0); i < Math.min(rawLines.length, from + 499); i++) {
      if (rawLines[i].includes(needle)) return i + 1;
    }
    return from;
  };
  // Past MAX_WARNINGS_PER_CODE + 1 warnings of a code only their number is kept: finding a warning's line searches
  // the raw lines, which a text holding a warning in every word must not do for every word.
  const warnings: ImportWarning[] = [];
  const counts = new Map<WarningCode, number>();
  const add: Add = (code, line, excerpt, message) => {
    const count = (counts.get(code) ?? 0) + 1;
    counts.set(code, count);
    if (count <= MAX_WARNINGS_PER_CODE + 1) warnings.push({ code, line: typeof line === "number" ? line : line(), excerpt, message });
  };

  const blocks = [...doc.blocks, ...(doc.apparatus?.blocks ?? [])];
  for (const block of blocks) {
    for (const sentence of block.sentences) checkText(sentence.text, block, locate, add);
    checkPageNumber(block, add);
  }
  checkRepeatedBlocks(blocks, add);
  checkCharacters(rawLines, add);
  return capped(warnings, counts).sort((a, b) => a.line - b.line);
}

/** Records a warning; `line` may be given as a function, called only for warnings that are kept. */
type Add = (code: WarningCode, line: number | (() => number), excerpt: string, message: string) => void;
type Locate = (needle: string, from: number) => number;

function checkText(text: string, block: BlockDoc, locate: Locate, add: Add): void {
  const at = (word: string) => () => locate(word, block.line);
  // One warning per word: joins inside a word already reported are skipped before the word is read again.
  let lastWordEnd = -1;
  for (const join of text.matchAll(/\p{Ll}{2}\p{Lu}/gu)) {
    if (join.index + 2 < lastWordEnd) continue;
    const word = wordAround(text, join.index + 2);
    lastWordEnd = word.start + word.text.length;
    const upper = join.index + 2 - word.start;
    if (NAME_PREFIXES.test(word.text.slice(0, upper)) || MOJIBAKE_WORD.test(word.text)) continue;
    add("joined-words", at(word.text), word.text, `“${word.text}” looks like two words run together (a lost space or hyphen, typical of PDF extraction)`);
  }
  const compounds = /[-‐‑]/.test(text) ? text.matchAll(/\p{L}+(?:[-‐‑]\p{L}+)+/gu) : [];
  for (const [word] of compounds) {
    const parts = word.split(/[-‐‑]/);
    const last = parts.at(-1)!;
    const repeated = parts.slice(0, -1).find((part) => part.length >= 3 && last.length > part.length && last.endsWith(part));
    if (repeated) {
      add("lost-hyphen", at(word), word, `“${word}” looks like a compound whose hyphen was lost at a line break (“${parts.slice(0, -1).join("-")}-${last.slice(0, -repeated.length)}-${repeated}”?)`);
    }
  }
  const longRuns = LONG_CANDIDATE.test(text) ? text.matchAll(LONG_RUN) : [];
  for (const [run] of longRuns) {
    if (hasUnspacedScript(run)) continue;
    add("long-token", at(run), run, `“${run}” has ${run.length} letters in a row: words may have run together`);
  }
  if (MAYBE_MIXED.test(text)) {
    for (const [word] of text.matchAll(/[\p{L}\p{M}]+/gu)) {
      const scripts = scriptsOf(word);
      if (scripts.size > 1) {
        add("mixed-script", at(word), word, `“${word}” mixes ${[...scripts.keys()].join(" and ")} letters (${describeMinority(scripts)}): look-alike letters from another alphabet`);
      }
    }
  }
  const breaks = /[-\u00ad] /.test(text) ? text.matchAll(/(\p{L}{2,})[-\u00ad] (\p{Ll}{2,})/gu) : [];
  for (const match of breaks) {
    if (CONJUNCTIONS.has(match[2])) continue;
    add("broken-hyphenation", () => locate(`${match[1]}-`, block.line), match[0], `“${match[0]}” looks like a word hyphenated at a line break: join it`);
  }
  for (const match of text.matchAll(MOJIBAKE)) {
    add("mojibake", () => locate(match[0], block.line), match[0], `“${match[0]}” looks like UTF-8 text that was read in a legacy encoding (mojibake)`);
  }
}

/** The run of letters around position `index`. */
function wordAround(text: string, index: number): { text: string; start: number } {
  const isLetter = (i: number) => i >= 0 && i < text.length && /\p{L}/u.test(text[i]);
  let start = index;
  let end = index;
  while (isLetter(start - 1)) start -= 1;
  while (isLetter(end)) end += 1;
  return { text: text.slice(start, end), start };
}

/** A cheap pre-test for LONG_RUN: as many non-space characters in a row. */
const LONG_CANDIDATE = new RegExp(`\\S{${MAX_WORD_LETTERS + 1},}`);
const LONG_RUN = new RegExp(`[\\p{L}\\p{M}]{${MAX_WORD_LETTERS + 1},}`, "gu");
/** Cheap test that a text has both a Latin letter and a Greek or Cyrillic one, before the exact check per word. */
const MAYBE_MIXED = /^(?=.*[A-Za-z\u00c0-\u024f])(?=.*[\u0370-\u03ff\u0400-\u052f])/su;

/**
 * UTF-8 read as a legacy encoding: Cyrillic UTF-8 read as Windows-1251 gives “Р”/“С” followed by one of the
 * characters of bytes 0x80–0xBF (“РџРѕ” for “По”); read as Latin-1/Windows-1252 it gives “Ð”/“Ñ” followed by such
 * characters (“Ð\u009fÐ¾”); accented Latin letters read as Latin-1 give “Ã” plus one (“cafÃ©”).
 */
const MOJIBAKE =
  /(?:[РС][\u0080-\u00bf\u0401-\u040f\u0451-\u045f\u0490\u0491\u2013-\u2122]){2,}|(?:[ÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u2013-\u2122]){2,}|Ã[\u0080-\u00bf]/gu;
const MOJIBAKE_WORD = new RegExp(MOJIBAKE.source, "u");

const SCRIPTS: [string, RegExp][] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
];

function scriptsOf(word: string): Map<string, string[]> {
  const scripts = new Map<string, string[]>();
  for (const char of word) {
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0];
    if (script == null) continue;
    const chars = scripts.get(script);
    if (chars) chars.push(char);
    else scripts.set(script, [char]);
  }
  return scripts;
}

function describeMinority(scripts: Map<string, string[]>): string {
  const sorted = [...scripts.entries()].sort((a, b) => b[1].length - a[1].length);
  return sorted
    .slice(1)
    .map(([script, chars]) => `${script} ${[...new Set(chars)].map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(", ")}`)
    .join("; ");
}

function blockText(block: BlockDoc): string {
  return block.sentences.map((s) => s.text).join(" ");
}

function checkPageNumber(block: BlockDoc, add: Add): void {
  if (block.kind === "heading") return;
  const text = blockText(block);
  if (/^[\s[(\-–—]*\d{1,4}[\s\])\-–—.]*$/.test(text)) {
    add("page-number", block.line, text, `a block holding only “${text.trim()}”: probably a page number left from the PDF — delete it`);
  }
}

/** Short blocks with letters that occur three or more times: running heads or footers repeated on every page. */
function checkRepeatedBlocks(blocks: BlockDoc[], add: Add): void {
  const seen = new Map<string, BlockDoc[]>();
  for (const block of blocks) {
    const text = blockText(block).trim();
    if (text.length > 80 || !/\p{L}/u.test(text)) continue;
    const key = text.toLowerCase();
    const same = seen.get(key);
    if (same) same.push(block);
    else seen.set(key, [block]);
  }
  for (const [, same] of seen) {
    if (same.length < 3) continue;
    const text = blockText(same[0]);
    for (const block of same.slice(1)) {
      add("repeated-block", block.line, text, `“${text}” occurs ${same.length} times as a block: probably a running head or footer from the PDF`);
    }
  }
}

const CHARACTER_CHECKS: [WarningCode, RegExp, (char: string) => string][] = [
  ["control-character", /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => (c === "\f" ? "a form feed (page break from PDF extraction)" : "a control character")],
  ["replacement-character", /\ufffd/g, () => "the replacement character �: text lost to a decoding error"],
  ["private-use-character", /[\ue000-\uf8ff]/g, () => "a private-use character: a PDF font glyph with no Unicode meaning"],
  ["invisible-character", /[\u00ad\u200b-\u200f\u2060\ufeff]/g, (c) => (c === "\u00ad" ? "a soft hyphen" : "an invisible formatting character")],
];

function checkCharacters(rawLines: string[], add: Add): void {
  rawLines.forEach((line, index) => {
    for (const [code, pattern, describe] of CHARACTER_CHECKS) {
      for (const match of line.matchAll(pattern)) {
        const char = match[0];
        const codePoint = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
        add(code, index + 1, codePoint, `column ${match.index! + 1}: ${describe(char)} (${codePoint})`);
      }
    }
  });
}

function capped(warnings: ImportWarning[], counts: Map<WarningCode, number>): ImportWarning[] {
  const byCode = new Map<WarningCode, ImportWarning[]>();
  for (const warning of warnings) {
    const list = byCode.get(warning.code);
    if (list) list.push(warning);
    else byCode.set(warning.code, [warning]);
  }
  const result: ImportWarning[] = [];
  for (const [code, list] of byCode) {
    result.push(...list.slice(0, MAX_WARNINGS_PER_CODE));
    if (list.length > MAX_WARNINGS_PER_CODE) {
      const rest = counts.get(code)! - MAX_WARNINGS_PER_CODE;
      const first = list[MAX_WARNINGS_PER_CODE];
      result.push({ code, line: first.line, excerpt: "", message: `${rest} more warnings of this kind, the first on line ${first.line}` });
    }
  }
  return result;
}
