/**
 * Search in scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese, Tai Tham,
 * New Tai Lue). The database indexes each run of their letters as overlapping character bigrams (migration
 * `20261206230000_search_unspaced_scripts`, the ranges of unspaced-scripts.ts), so a query's run is found wherever it
 * occurs as written, inside longer words too. This module takes those runs out of a query (the rest is searched with
 * the language's own rules) and finds them in a text for highlighting. Like the index, both read text in Unicode
 * normal form C, so a query typed with composed letters finds text stored with combining marks, and the other way.
 */
import { nfcWithOffsets } from "./unicode-form";
import { UNSPACED_RANGES } from "./unspaced-scripts";

/** A run of letters, marks and digits of those scripts (their punctuation separates runs, as in the database). */
const UNSPACED_RUN = new RegExp(`(?:(?=[\\p{L}\\p{M}\\p{N}])[${UNSPACED_RANGES}])+`, "gu");

/** Characters the database removes before indexing: soft hyphens, zero-width spaces and joiners, word joiners, BOMs. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

export interface SearchQueryParts {
  /** The query without its unspaced runs, for the language's full-text search (websearch syntax). */
  words: string;
  /** Each run of an unspaced script, as written (in NFC, without invisible characters), in order, without repeats. */
  runs: string[];
}

/** Splits a query (brought to NFC) into its words and its runs of unspaced scripts. */
export function splitSearchQuery(query: string): SearchQueryParts {
  const visible = query.normalize("NFC").replace(INVISIBLE, "");
  const runs = [...new Set(visible.match(UNSPACED_RUN) ?? [])];
  return { words: visible.replace(UNSPACED_RUN, " ").replace(/\s+/g, " ").trim(), runs };
}

/**
 * Where the runs occur in `text` (offsets in `text`, sorted, overlapping occurrences merged), reading the text in NFC
 * and past the invisible characters the database removes, so "教\u200B育" is found by 教育 as it is by the index,
 * and ガ written as カ with a combining sound mark by ガ.
 */
export function findRuns(text: string, runs: string[]): { start: number; end: number }[] {
  if (runs.length === 0) return [];
  const nfc = nfcWithOffsets(text);
  const offsets: number[] = [];
  let visible = "";
  for (let i = 0; i < nfc.text.length; i++) {
    const char = nfc.text[i];
    if (/[\u00AD\u200B-\u200D\u2060\uFEFF]/u.test(char)) continue;
    offsets.push(i);
    visible += char;
  }
  const found: { start: number; end: number }[] = [];
  for (const run of runs.map((run) => run.normalize("NFC"))) {
    for (let at = visible.indexOf(run); at !== -1; at = visible.indexOf(run, at + run.length)) {
      found.push({ start: nfc.start(offsets[at]), end: nfc.end(offsets[at + run.length - 1] + 1) });
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
