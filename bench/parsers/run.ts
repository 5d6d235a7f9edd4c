/**
 * Parsers on adversarial input (`npm run bench:parsers`): every importer and text function that reads user text,
 * on inputs built to make a backtracking or rescanning parser quadratic (unclosed delimiters, runs of initials, a
 * megabyte of punctuation without a space…). Each is timed at 64 KB and at 1 MB: a linear parser takes about 16
 * times as long on the larger input (the "growth" column), a quadratic one about 256 times. Every 1 MB input must
 * parse in under a second; the run says which do not (and exits 1). The baseline, measured in the same run: the
 * former regular-expression inline parser on the same inputs at 64 KB and 256 KB.
 */
import { parseAlignedCsv } from "../../lib/formats/csv-import";
import { inlineText } from "../../lib/formats/markdown-inline";
import { parseMarkdownEdition } from "../../lib/formats/markdown";
import { parseTeiEdition } from "../../lib/formats/tei-import";
import { parseTmx } from "../../lib/formats/tmx-import";
import { importWarnings } from "../../lib/formats/warnings";
import { extractAnchors } from "../../lib/diff/anchors";
import { parseEditionText } from "../../lib/text/edition-format";
import { splitSentences } from "../../lib/text/sentences";
import { diffTokens } from "../../lib/text/tokens";
import { regexInlineText } from "./regex-inline";

const KB = 1024;
const SMALL = 64 * KB;
const LARGE = 1024 * KB;
const BUDGET_MS = 1000;

const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const FRONT_MATTER = "---\nwork: w\nedition: en\nlanguage: en\ntitle: T\nprovenance: imported\noriginal: false\n---\n\n";
const defaults = { work: "w", language: "en", title: "T" };
const alignedDefaults = { common: { work: "w", workTitle: "W" } };

/** Adversarial inline markup: each made the former regular expressions rescan the rest of the text from every opener. */
const INLINE: Record<string, string> = {
  "unclosed images ![": "![",
  "unclosed links [a": "[a",
  "unclosed strong **a": "**a ",
  "unclosed emphasis *a": "*a ",
  "unclosed underscores _a": "_a ",
  "unclosed autolinks <http:": "<http:a",
  "links [a]( without end": "[a](b",
};

interface Case {
  name: string;
  run: (size: number) => unknown;
}

/** Text functions of the compare view, which run on stored segments (one segment of a megabyte is already an outlier). */
const textFunctions: Case[] = [
  { name: "tokens: punctuation without spaces", run: (size) => diffTokens(repeat("a,", size), "fr") },
  { name: "tokens: Han characters", run: (size) => diffTokens(repeat("漢字", size), "zh") },
  { name: "anchors: numbers 1,1,1", run: (size) => extractAnchors(repeat("1,", size), "en") },
];

const cases: Case[] = [
  ...Object.entries(INLINE).map(([name, unit]) => ({ name: `inline: ${name}`, run: (size: number) => inlineText(repeat(unit, size)) })),
  { name: "Markdown file: one paragraph of initials", run: (size) => parseMarkdownEdition(repeat("A. B. ", size), "f.md", defaults) },
  { name: "Markdown file: heading of spaces", run: (size) => parseMarkdownEdition(`# a${" ".repeat(size)}b`, "f.md", defaults) },
  { name: "Markdown file: nested quotation markers", run: (size) => parseMarkdownEdition(`${">".repeat(size)} a`, "f.md", defaults) },
  { name: "plain format: attribute braces {#", run: (size) => parseEditionText(`${FRONT_MATTER}a ${repeat("{#", size)}`, "f.txt") },
  { name: "plain format: titles Mr. Mr.", run: (size) => parseEditionText(`${FRONT_MATTER}${repeat("Mr. ", size)}`, "f.txt") },
  { name: "sentences: note references [^a", run: (size) => splitSentences(repeat("[^a", size), "en") },
  { name: "sentences: short sentences", run: (size) => splitSentences(repeat("It was. ", size), "en") },
  {
    name: "TEI: entity references in one paragraph",
    run: (size) => parseTeiEdition(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>${repeat("a &amp; ", size)}</p></body></text></TEI>`, "f.xml", defaults),
  },
  {
    name: "TMX: one segment of markup-like text",
    run: (size) => parseTmx(`<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>${repeat("a [^1] * _ ", size)}</seg></tuv></tu></body></tmx>`, "f.tmx", alignedDefaults),
  },
  { name: "CSV: quoted cells", run: (size) => parseAlignedCsv(`en,fr\n${repeat('"a ""b""",c\n', size)}`, "f.csv", alignedDefaults) },
  {
    name: "import warnings: one line of distinct mixed-script words",
    run: (size) => {
      const text = `${"a ".repeat(size / 4)}${Array.from({ length: size / 16 }, (_, i) => `Жa${i.toString(36)}`).join(" ")}`;
      return importWarnings({ meta: { language: "ru" }, blocks: [{ kind: "paragraph", level: null, labels: [], line: 1, sentences: [{ text }] }], apparatus: null, corrections: [] } as never, text);
    },
  },
  { name: "import warnings: one word of joined words", run: (size) => importWarnings({ meta: { language: "en" }, blocks: [{ kind: "paragraph", level: null, labels: [], line: 1, sentences: [{ text: repeat("aaB", size) }] }], apparatus: null, corrections: [] } as never, repeat("aaB", size)) },
  {
    name: "import warnings: one long line of mixed scripts",
    run: (size) => {
      const text = repeat("Жa1 ", size);
      return importWarnings({ meta: { language: "ru" }, blocks: [{ kind: "paragraph", level: null, labels: [], line: 1, sentences: [{ text }] }], apparatus: null, corrections: [] } as never, text);
    },
  },
];

function time(run: () => unknown): number {
  const start = performance.now();
  try {
    run();
  } catch {
    // Refusing an input (an ImportError) is an answer too; what is measured is how long the answer takes.
  }
  return performance.now() - start;
}

function best(run: () => unknown, times = 3): number {
  return Math.min(...Array.from({ length: times }, () => time(run)));
}

const pad = (text: string, width: number) => text.padEnd(width);
const NAME = 58;
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(11);

console.log(`Parsers on adversarial input: ${SMALL / KB} KB and ${LARGE / KB} KB (best of 3); budget ${BUDGET_MS} ms per megabyte.\n`);
console.log(`${pad("input", NAME)}${"64 KB".padStart(11)}${"1 MB".padStart(11)}  growth  MB/s`);
let over = 0;
for (const { name, run } of cases) {
  time(() => run(4 * KB));
  const small = best(() => run(SMALL));
  const large = best(() => run(LARGE));
  if (large >= BUDGET_MS) over++;
  const growth = (large / Math.max(small, 0.01)).toFixed(1).padStart(6);
  console.log(`${pad(name, NAME)}${ms(small)}${ms(large)}  ${growth}  ${(1000 / large).toFixed(1).padStart(5)}${large >= BUDGET_MS ? "  OVER BUDGET" : ""}`);
}

console.log(`\nText functions of the compare view (linear, no budget: ICU's word segmenter costs about 1 µs a word):\n`);
for (const { name, run } of textFunctions) {
  const small = best(() => run(SMALL), 1);
  const large = best(() => run(LARGE), 1);
  console.log(`${pad(name, NAME)}${ms(small)}${ms(large)}  ${(large / Math.max(small, 0.01)).toFixed(1).padStart(6)}  ${(1000 / large).toFixed(1).padStart(5)}`);
}

console.log(`\nBaseline: the former regular-expression inline parser on the same inputs (16 KB and 64 KB; a megabyte takes many minutes).\n`);
console.log(`${pad("input", NAME)}${"16 KB".padStart(11)}${"64 KB".padStart(11)}  growth  (linear: 4)`);
for (const [name, unit] of Object.entries(INLINE)) {
  const small = time(() => regexInlineText(repeat(unit, SMALL / 4)));
  const large = time(() => regexInlineText(repeat(unit, SMALL)));
  console.log(`${pad(`regex inline: ${name}`, NAME)}${ms(small)}${ms(large)}  ${(large / Math.max(small, 0.01)).toFixed(1).padStart(6)}`);
}

console.log(over === 0 ? "\nEvery 1 MB input parsed in under a second." : `\n${over} input(s) took a second or more per megabyte.`);
if (over > 0) process.exitCode = 1;
