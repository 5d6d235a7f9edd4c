/**
 * The literary tables of bench:align: the KJV–Reina-Valera pair (bible.ts) as published and with a translator's
 * liberties added (perturb.ts: sentences merged and split, lines and a chapter's paragraph dropped), with chapter
 * marks and without; Hexapla against hunalign; then "back to sentences": Hexapla with and without the word model's
 * translations in its second pass, on these and on the UDHR bitexts.
 */
import { alignPair } from "../../lib/alignment/aligner/index";
import type { AlignOptions } from "../../lib/alignment/aligner/types";
import { bibleBitext, BIBLE_BOOKS } from "./bible";
import type { Bitext } from "./bitext";
import { hunalignRungs } from "./hunalign";
import { addCounts, compareRungs, NO_COUNTS, rungsOfBeads, scores, undecidableRungs, type Counts, type Rung } from "./metrics";
import { perturb, type Perturbation } from "./perturb";

const LIBERTIES: Perturbation = { mergeRate: 0.1, splitRate: 0.1, droppedParagraphs: 1, droppedSentences: 8, keepParagraphs: true, keepHeadings: true };

const f3 = (x: number) => x.toFixed(3);

function withoutMarks(bitext: Bitext): Bitext {
  const strip = (segments: Bitext["a"]) => segments.map(({ text }) => ({ text }));
  return { ...bitext, a: strip(bitext.a), b: strip(bitext.b) };
}

interface Scored {
  strict: Counts;
  lenient: Counts;
}

function score(predicted: readonly Rung[], bitext: Bitext): Scored {
  const gold = rungsOfBeads(bitext.gold, bitext.a.length, bitext.b.length);
  const undecidable = undecidableRungs(bitext.gold);
  return {
    strict: compareRungs(predicted, gold),
    lenient: compareRungs(predicted.filter((r) => !undecidable.has(`${r[0]},${r[1]}`)), gold),
  };
}

function hexaplaRungs(bitext: Bitext, options: Partial<AlignOptions> = {}): { rungs: Rung[]; seconds: number } {
  const started = performance.now();
  const beads = alignPair(bitext.a, bitext.b, { langA: bitext.langA, langB: bitext.langB, ...options });
  return { rungs: rungsOfBeads(beads, bitext.a.length, bitext.b.length), seconds: (performance.now() - started) / 1000 };
}

export function literaryBitexts(): Array<{ name: string; bitext: Bitext }> | null {
  const base = bibleBitext();
  if (!base) return null;
  const variants: Array<{ name: string; bitext: Bitext }> = [];
  for (const [name, given] of [
    ["as published", base],
    ["with liberties, seed 1", perturb(base, 1, LIBERTIES, "liberties")],
    ["with liberties, seed 2", perturb(base, 2, LIBERTIES, "liberties")],
  ] as const) {
    variants.push({ name: `${name}, chapter marks`, bitext: given });
    variants.push({ name: `${name}, no marks`, bitext: withoutMarks(given) });
  }
  return variants;
}

export async function literaryTable(): Promise<void> {
  const variants = literaryBitexts();
  console.log(`\nLiterary: KJV (en) – Reina-Valera 1909 (es), ${BIBLE_BOOKS.join(", ")}; gold from both editions' verse numbers (bible.ts)`);
  if (!variants) {
    console.log("not run: needs `diatheke` and the SWORD modules (apt-get install diatheke sword-text-kjv sword-text-sparv)");
    return;
  }
  const base = bibleBitext()!;
  const shapes = new Map<string, number>();
  for (const bead of base.gold) shapes.set(`${bead.a.length}-${bead.b.length}`, (shapes.get(`${bead.a.length}-${bead.b.length}`) ?? 0) + 1);
  console.log(
    `As published: ${base.a.length} English and ${base.b.length} Spanish sentences, ${base.gold.length} gold beads (` +
      [...shapes].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([s, c]) => `${s} ×${c}`).join(", ") +
      `); ${base.coarseBeads} beads have two or more sentences on each side inside one verse range, where the gold cannot judge a finer ` +
      `alignment: "lenient" precision leaves the rungs inside them out. "With liberties": 10 % of sentences merged with the next, 10 % ` +
      `split, 8 sentences and a paragraph dropped on one side (perturb.ts, gold kept exact).`,
  );
  console.log("| variant                               | segments  | Hexapla P (lenient) R F1   | hunalign P (lenient) R F1  |");
  console.log("|---------------------------------------|-----------|----------------------------|----------------------------|");
  for (const { name, bitext } of variants) {
    const hexapla = score(hexaplaRungs(bitext).rungs, bitext);
    const hunalign = score(await hunalignRungs(bitext.a, bitext.b, bitext.langA, bitext.langB), bitext);
    const cell = (s: Scored) => {
      const strict = scores(s.strict);
      const lenient = scores(s.lenient);
      return `${f3(strict.precision)} (${f3(lenient.precision)}) ${f3(strict.recall)} ${f3(strict.f1)}`;
    };
    console.log(`| ${name.padEnd(37)} | ${`${bitext.a.length}×${bitext.b.length}`.padEnd(9)} | ${cell(hexapla).padEnd(26)} | ${cell(hunalign).padEnd(26)} |`);
  }
}

/** F1 (strict) and time with and without the word model in the second pass, over groups of bitexts. */
export function backToSentencesTable(groups: Array<{ name: string; bitexts: Bitext[] }>): void {
  console.log("\nBack to sentences: the word model's translations added to the second pass's evidence (AlignOptions.wordModel)");
  console.log("| bitexts                                  | n  | F1 without | F1 with | seconds without | seconds with |");
  console.log("|------------------------------------------|----|-----------:|--------:|----------------:|-------------:|");
  for (const group of groups) {
    let without = NO_COUNTS;
    let withModel = NO_COUNTS;
    let secondsWithout = 0;
    let secondsWith = 0;
    for (const bitext of group.bitexts) {
      const off = hexaplaRungs(bitext, { wordModel: false });
      const on = hexaplaRungs(bitext, { wordModel: true });
      without = addCounts(without, score(off.rungs, bitext).strict);
      withModel = addCounts(withModel, score(on.rungs, bitext).strict);
      secondsWithout += off.seconds;
      secondsWith += on.seconds;
    }
    console.log(
      `| ${group.name.padEnd(40)} | ${String(group.bitexts.length).padStart(2)} | ${f3(scores(without).f1).padStart(10)} | ${f3(scores(withModel).f1).padStart(7)} | ${secondsWithout.toFixed(1).padStart(15)} | ${secondsWith.toFixed(1).padStart(12)} |`,
    );
  }
}
