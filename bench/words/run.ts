/**
 * Word-alignment benchmark (`npm run bench:words`). Accuracy: the aligner's links on the demo work against the
 * hand-made gold (bench/words/gold, six pairs), as precision, recall and alignment error rate (Och & Ney), for the
 * full aligner (model + evidence + dictionaries + triangulation over the five editions), the same without
 * dictionaries, both again with the Universal Declaration of Human Rights as another work of the library (more rows
 * of the same language pairs for the model to learn from), the statistical model alone (EM with the diagonal prior;
 * no evidence, no dictionaries, no third editions — a fast_align-like baseline run here with its default settings),
 * the dictionaries alone (every word pair the installed FreeDict dictionaries pair), and the full aligner with and
 * without dictionaries as it was before its translation table was estimated by variational Bayes (smoothed maximum
 * likelihood, threshold 0.30). Speed and memory: the whole demo work, first in a process (dictionaries read and
 * indexed) and again, a 2,000-row five-edition work made by repeating the demo's rows, and a 1,000-row ten-edition
 * one (the five languages twice; the pivot pairs, as the product aligns past six editions).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { alignWordsNWay, pairKey, type NWayOptions } from "../../lib/alignment/words/align-words";
import { wordForm } from "../../lib/alignment/words/forms";
import { lexiconFor } from "../../lib/alignment/words/lexicon-sources";
import type { WordLink } from "../../lib/alignment/words/symmetrise";
import { demoRows, type DemoRows } from "./demo-rows";
import { GOLD_PAIRS, readGold, type GoldRow } from "./gold-format";
import { udhrRows } from "./udhr-background";

interface Score {
  precision: number;
  recall: number;
  aer: number;
}

function score(predicted: Map<number, WordLink[]>, gold: GoldRow[]): Score {
  let a = 0;
  let s = 0;
  let aS = 0;
  let aP = 0;
  for (const row of gold) {
    const links = predicted.get(row.row) ?? [];
    a += links.length;
    s += row.sure.size;
    for (const link of links) {
      const key = `${link.a}-${link.b}`;
      if (row.sure.has(key)) aS += 1;
      if (row.possible.has(key)) aP += 1;
    }
  }
  return { precision: a ? aP / a : 0, recall: s ? aS / s : 0, aer: 1 - (aS + aP) / (a + s) };
}

type Config = { name: string; dictionaries: boolean; options?: NWayOptions; only?: "dictionary"; library?: boolean };

/** The settings before the variational Bayes table (smoothed maximum likelihood, decoder threshold 0.30), for comparison. */
const ML_TABLE: NWayOptions = { model: { variationalBayes: false, smoothing: 0.01 }, decode: { threshold: 0.3 } };

const CONFIGS: Config[] = [
  { name: "Hexapla (all evidence)", dictionaries: true },
  { name: "Hexapla without dictionaries", dictionaries: false },
  { name: "…with UDHR in the library", dictionaries: true, library: true },
  { name: "…without dicts, UDHR in library", dictionaries: false, library: true },
  { name: "statistical model alone", dictionaries: false, options: { model: { evidenceStrength: 0 }, triangulation: 0 } },
  { name: "all evidence, ML table", dictionaries: true, options: ML_TABLE },
  { name: "no dicts, ML table", dictionaries: false, options: ML_TABLE },
  { name: "dictionaries alone", dictionaries: true, only: "dictionary" },
];

function editionsOf(demo: DemoRows) {
  return demo.languages.map((lang) => ({ id: lang, language: lang, rows: demo.rows.map((row) => row[lang]) }));
}

function dictionaryOnly(demo: DemoRows, a: string, b: string): WordLink[][] {
  const vocabulary = (lang: string) => new Set(demo.rows.flatMap((row) => row[lang].map((token) => wordForm(token, lang).stem)));
  const lexicon = lexiconFor({ langA: a, langB: b, vocabularyA: vocabulary(a), vocabularyB: vocabulary(b) });
  return demo.rows.map((row) =>
    row[a].flatMap((tokenA, i) =>
      row[b].flatMap((tokenB, j) => (lexicon.weight(wordForm(tokenA, a).stem, wordForm(tokenB, b).stem) > 0 ? [{ a: i, b: j, p: 1 }] : [])),
    ),
  );
}

function checkGold(demo: DemoRows, a: string, b: string, gold: GoldRow[]): void {
  for (const row of gold) {
    const same = (x: string[], y: string[]) => x.length === y.length && x.every((token, i) => token === y[i]);
    if (!same(row.a, demo.rows[row.row][a]) || !same(row.b, demo.rows[row.row][b])) {
      throw new Error(`gold ${a}-${b} row ${row.row} no longer matches the demo corpus: re-make and re-annotate its sheet`);
    }
  }
}

const pct = (value: number) => value.toFixed(3);

async function accuracy(demo: DemoRows): Promise<void> {
  const golds = new Map(GOLD_PAIRS.map(([a, b]) => [`${a}-${b}`, readGold(a, b)]));
  for (const [a, b] of GOLD_PAIRS) checkGold(demo, a, b, golds.get(`${a}-${b}`)!);
  console.log(`Accuracy on the demo work: ${demo.rows.length} rows aligned, ${GOLD_ROWS_COUNT(golds)} gold rows per pair (precision / recall / AER; lower AER is better)\n`);
  console.log(["pair".padEnd(7), ...CONFIGS.map((config) => config.name.padEnd(24))].join(""));
  const results = new Map<string, Map<string, Score>>();
  for (const config of CONFIGS) {
    const perPair = new Map<string, Score>();
    if (config.only === "dictionary") {
      for (const [a, b] of GOLD_PAIRS) {
        const links = dictionaryOnly(demo, a, b);
        perPair.set(`${a}-${b}`, score(new Map(golds.get(`${a}-${b}`)!.map((row) => [row.row, links[row.row]])), golds.get(`${a}-${b}`)!));
      }
    } else {
      const result = await alignWordsNWay({
        editions: editionsOf(demo),
        pairs: GOLD_PAIRS.map(([a, b]) => ({ a, b })),
        lexicon: (langA, langB, vocabularyA, vocabularyB) => lexiconFor({ langA, langB, vocabularyA, vocabularyB, dictionaries: config.dictionaries }),
        options: config.options,
        background: config.library ? udhrRows : undefined,
      });
      for (const [a, b] of GOLD_PAIRS) {
        const links = result.get(pairKey(a, b))!;
        perPair.set(`${a}-${b}`, score(new Map(golds.get(`${a}-${b}`)!.map((row) => [row.row, links[row.row]])), golds.get(`${a}-${b}`)!));
      }
    }
    results.set(config.name, perPair);
  }
  for (const [a, b] of GOLD_PAIRS) {
    const cells = CONFIGS.map((config) => {
      const s = results.get(config.name)!.get(`${a}-${b}`)!;
      return `${pct(s.precision)}/${pct(s.recall)}/${pct(s.aer)}`.padEnd(24);
    });
    console.log([`${a}-${b}`.padEnd(7), ...cells].join(""));
  }
  const mean = (name: string) => [...results.get(name)!.values()].reduce((sum, s) => sum + s.aer, 0) / GOLD_PAIRS.length;
  console.log(["mean AER".padEnd(7), ...CONFIGS.map((config) => `${pct(mean(config.name))}`.padEnd(24))].join(""));
}

function GOLD_ROWS_COUNT(golds: Map<string, GoldRow[]>): number {
  return [...golds.values()][0].length;
}

async function speed(demo: DemoRows): Promise<void> {
  console.log("\nSpeed and memory (this process; all 10 pairs of the five editions, triangulation on):");
  for (const label of ["demo work, first run (dictionaries read and indexed)", "demo work, again"]) {
    const started = performance.now();
    await alignWordsNWay({ editions: editionsOf(demo), lexicon: (langA, langB, vocabularyA, vocabularyB) => lexiconFor({ langA, langB, vocabularyA, vocabularyB }) });
    console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(2)} s, ${demo.rows.length} rows`);
  }
  const tsx = path.resolve(import.meta.dirname, "../../node_modules/.bin/tsx");
  for (const [rows, editions] of [[2000, 5], [1000, 10]]) {
    const label = `${rows.toLocaleString("en")} rows × ${editions} editions`;
    const run = spawnSync(tsx, [path.resolve(import.meta.dirname, "big-case.ts"), String(rows), String(editions)], { encoding: "utf8", timeout: 900_000 });
    if (run.status !== 0) {
      console.log(`  ${label}: failed (${(run.stderr || run.signal || "").toString().trim().split("\n").pop()})`);
      continue;
    }
    const big = JSON.parse(run.stdout.trim().split("\n").pop()!) as { seconds: number; cpuSeconds: number; peakMB: number; baseMB: number; times: number; pairs: number };
    console.log(
      `  ${label}, ${big.pairs} pairs (the demo's rows repeated ${big.times} times; a process of its own): ${big.seconds.toFixed(1)} s ` +
        `(${big.cpuSeconds.toFixed(1)} s CPU), peak RSS ${big.peakMB.toFixed(0)} MB (${big.baseMB.toFixed(0)} MB before aligning)`,
    );
  }
}

const demo = await demoRows();
await accuracy(demo);
await speed(demo);
