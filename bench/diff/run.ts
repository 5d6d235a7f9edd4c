/**
 * Word-diff benchmark (`npm run bench:diff`).
 *
 * Rows are the blocks of data/thirst-for-power/en.txt (or generated
 * English-like paragraphs when the file is absent); the second witness of
 * each row is the same text with words replaced, dropped, inserted or
 * recased by a seeded generator. Each row is diffed with Hexapla's
 * `wordDiff` (jsdiff over normalised Intl.Segmenter tokens) and with
 * diff-match-patch in word mode (tokens mapped to single characters, the
 * linesToChars trick), both starting from the raw texts. Reports median and
 * p95 per row and the total, for the work and for a 2,000-row work.
 *
 * Row signals: the demo chapter's five editions aligned by paragraph; each
 * row's signals (letter counts and `compareRowAnchors` over all five cells,
 * what the row_signal cache stores) per row and for a 10,000-row work made of
 * the chapter's rows repeated, then the per-request step that turns the stored
 * signals of 10,000 rows into scores for five chosen editions.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import DiffMatchPatch from "diff-match-patch";
import { rowsFromLabels } from "../../lib/alignment/label-rows";
import type { RowCell } from "../../lib/diff/anchors";
import { computeRowSignal, signalsForEditions } from "../../lib/diff/row-signals";
import { wordDiff } from "../../lib/diff/word-diff";
import { readEditionFile } from "../../lib/import/read-edition-file";
import { diffTokens } from "../../lib/text/tokens";

const SOURCE = path.resolve(import.meta.dirname, "../../data/thirst-for-power/en.txt");
const LARGE_ROWS = 2000;
const LANG = "en";
const WARM_UP_RUNS = 300;

/** mulberry32: small, fast, deterministic. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function blocksOf(editionText: string): string[] {
  const body = editionText.replace(/^---\n[\s\S]*?\n---\n/, "");
  return body
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.replace(/^(#{1,2}|>)\s*/, ""))
        .join(" ")
        .replace(/\{[^}]*\}\s*/g, "")
        .trim(),
    )
    .filter(Boolean);
}

const VOCABULARY = (
  "the of and to in that was it for as with his he on by at which had not be this from but were they all " +
  "Stalin Zinoviev Kamenev Trotsky Vyshinsky Kirov power opposition party trial bloc struggle government years " +
  "August 1936 1,000 “thirst” question—answer (indeed) bureaucracy revolution capitulation platform"
).split(" ");

function generatedParagraphs(count: number, random: () => number): string[] {
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 30 + Math.floor(random() * 120) }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]);
    return `${words.join(" ")}.`;
  });
}

/** A second witness: about 8 % of the words changed. */
function perturb(text: string, random: () => number): string {
  return diffTokens(text, LANG)
    .map((token) => {
      if (!token.isWordLike) return token.text;
      const roll = random();
      if (roll < 0.03) return VOCABULARY[Math.floor(random() * VOCABULARY.length)];
      if (roll < 0.05) return "";
      if (roll < 0.07) return `${token.text} ${VOCABULARY[Math.floor(random() * VOCABULARY.length)]}`;
      if (roll < 0.08) return token.text.toUpperCase();
      return token.text;
    })
    .join("");
}

const dmp = new DiffMatchPatch();

/** diff-match-patch word mode: each distinct token becomes one character, then diff_main on those strings. */
function dmpWordDiff(a: string, b: string): DiffMatchPatch.Diff[] {
  const tokenChars = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (text: string) =>
    diffTokens(text, LANG)
      .map((token) => {
        let char = tokenChars.get(token.text);
        if (char === undefined) {
          char = String.fromCharCode(tokens.length);
          tokenChars.set(token.text, char);
          tokens.push(token.text);
        }
        return char;
      })
      .join("");
  const diffs = dmp.diff_main(encode(a), encode(b), false);
  return diffs.map(([op, chars]) => [op, Array.from(chars, (c) => tokens[c.charCodeAt(0)]).join("")] as DiffMatchPatch.Diff);
}

interface Timing {
  median: number;
  p95: number;
  total: number;
  max: number;
}

function timeRows<Row>(rows: Row[], run: (row: Row) => unknown): Timing {
  for (let i = 0; i < WARM_UP_RUNS; i++) run(rows[i % rows.length]);
  const times = rows.map((row) => {
    const start = performance.now();
    run(row);
    return performance.now() - start;
  });
  const sorted = [...times].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], total: times.reduce((s, t) => s + t, 0) };
}

function report(label: string, rows: [string, string][]): void {
  const chars = rows.reduce((sum, [a, b]) => sum + a.length + b.length, 0);
  const tooDifferent = rows.filter(([a, b]) => wordDiff(a, b, LANG).status !== "ok").length;
  const jsdiff = timeRows(rows, ([a, b]) => wordDiff(a, b, LANG));
  const dmpTiming = timeRows(rows, ([a, b]) => dmpWordDiff(a, b));
  const ms = (n: number) => `${n.toFixed(3)} ms`.padStart(12);
  console.log(`\n${label}: ${rows.length} rows, ${(chars / rows.length).toFixed(0)} chars per row pair on average`);
  console.log(`${"".padEnd(26)}${"median".padStart(12)}${"p95".padStart(12)}${"max".padStart(12)}${"total".padStart(12)}`);
  for (const [name, t] of [["wordDiff (jsdiff)", jsdiff], ["diff-match-patch words", dmpTiming]] as const) {
    console.log(`${name.padEnd(26)}${ms(t.median)}${ms(t.p95)}${ms(t.max)}${ms(t.total)}`);
  }
  if (tooDifferent > 0) console.log(`wordDiff returned too-different for ${tooDifferent} row(s)`);
}

const SIGNAL_LANGS = ["ru", "fr", "es", "it", "en"];
const SIGNAL_ROWS = 10_000;

/** The demo chapter's paragraph rows, one cell per edition. */
function demoSignalRows(): RowCell[][] {
  const editions = SIGNAL_LANGS.map((lang) => ({ lang, document: readEditionFile(path.join(path.dirname(SOURCE), `${lang}.txt`)).document }));
  const sentences = editions.map(({ document }) => document.blocks.flatMap((block) => block.sentences.map((sentence) => sentence.text)));
  const rows = rowsFromLabels(
    editions.map(({ lang, document }) => ({
      id: lang,
      blocks: document.blocks.map((block) => ({ labels: block.labels, segmentCount: block.sentences.length, line: block.line })),
    })),
  );
  return rows.map((row) => editions.map(({ lang }, i) => ({ editionId: lang, lang, text: (row.cells[lang] ?? []).map((index) => sentences[i][index]).join(" ") })));
}

function reportSignals(): void {
  if (!SIGNAL_LANGS.every((lang) => existsSync(path.join(path.dirname(SOURCE), `${lang}.txt`)))) return;
  const rows = demoSignalRows();
  const time = (label: string, work: RowCell[][]) => {
    const timing = timeRows(work, computeRowSignal);
    const chars = work.reduce((sum, cells) => sum + cells.reduce((n, cell) => n + cell.text.length, 0), 0);
    const ms = (n: number) => `${n.toFixed(3)} ms`.padStart(13);
    console.log(`\nRow signals, ${label}: ${work.length} rows of five editions, ${(chars / work.length).toFixed(0)} chars per row on average`);
    console.log(`${"".padEnd(26)}${"median".padStart(13)}${"p95".padStart(13)}${"max".padStart(13)}${"total".padStart(13)}`);
    console.log(`${"computeRowSignal".padEnd(26)}${ms(timing.median)}${ms(timing.p95)}${ms(timing.max)}${ms(timing.total)}`);
  };
  time("the work", rows);
  const large = Array.from({ length: SIGNAL_ROWS }, (_, i) => rows[i % rows.length]);
  time(`a ${SIGNAL_ROWS}-row work`, large);
  const stored = large.map((cells) => computeRowSignal(cells));
  const runs = Array.from({ length: 5 }, () => {
    const start = performance.now();
    signalsForEditions(stored, SIGNAL_LANGS);
    return performance.now() - start;
  }).sort((a, b) => a - b);
  console.log(`signalsForEditions over ${SIGNAL_ROWS} stored rows (five editions), median of 5: ${runs[2].toFixed(1)} ms`);
}

function main(): void {
  const random = seeded(1937);
  const fromFile = existsSync(SOURCE);
  const paragraphs = fromFile ? blocksOf(readFileSync(SOURCE, "utf8")) : generatedParagraphs(40, random);
  console.log(`Source: ${fromFile ? path.relative(process.cwd(), SOURCE) : "generated English-like text"}; Node ${process.version}`);

  const workRows: [string, string][] = paragraphs.map((text) => [text, perturb(text, random)]);
  report("Work", workRows);

  const largeRows: [string, string][] = Array.from({ length: LARGE_ROWS }, (_, i) => {
    const text = paragraphs[i % paragraphs.length];
    return [text, perturb(text, random)];
  });
  report(`Large work (${LARGE_ROWS} rows)`, largeRows);
  reportSignals();
}

main();
