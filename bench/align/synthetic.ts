/**
 * Synthetic bitexts for timing: random "sentences" over a Zipf-distributed random vocabulary, and a
 * "translation" that renders each word through a fixed random lexicon (so lengths correlate but
 * differ), drops and inserts words, keeps numbers and names, and has 1-2, 2-1, 1-0 and 0-1 beads.
 * The gold alignment is known by construction.
 */
import { seededRandom } from "./perturb";
import type { BenchSegment, Bitext } from "./bitext";

const SYLLABLES_A = ["ka", "to", "ri", "ne", "sa", "lo", "mi", "du", "pe", "va", "zo", "ti", "ra", "ko", "be", "ul", "an", "er", "is", "om"];
const SYLLABLES_B = ["shi", "ga", "mu", "lek", "ta", "or", "vin", "da", "pol", "e", "su", "ran", "ki", "bo", "fel", "ny", "ast", "u", "dro", "ix"];

function word(random: () => number, syllables: readonly string[], min: number, max: number): string {
  const count = min + Math.floor(random() * (max - min + 1));
  let out = "";
  for (let k = 0; k < count; k++) out += syllables[Math.floor(random() * syllables.length)];
  return out;
}

interface Lexicon {
  source: string[];
  target: string[];
  names: string[];
  /** Cumulative Zipf weights over `source`. */
  cumulative: Float64Array;
}

function lexicon(random: () => number, size: number): Lexicon {
  const source: string[] = [];
  const target: string[] = [];
  for (let k = 0; k < size; k++) {
    const short = k < 100;
    source.push(word(random, SYLLABLES_A, 1, short ? 1 : 4));
    target.push(word(random, SYLLABLES_B, 1, short ? 2 : 3));
  }
  const names = Array.from({ length: 300 }, () => {
    const w = word(random, SYLLABLES_A, 2, 3);
    return w[0].toUpperCase() + w.slice(1);
  });
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let k = 0; k < size; k++) cumulative[k] = total += 1 / (k + 1);
  for (let k = 0; k < size; k++) cumulative[k] /= total;
  return { source, target, names, cumulative };
}

function zipfIndex(random: () => number, cumulative: Float64Array): number {
  const x = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sentence pair: source words and their rendering. */
function sentencePair(random: () => number, lex: Lexicon): [string, string] {
  const length = Math.max(2, Math.round(Math.exp(2.3 + 0.6 * gaussian(random))));
  const a: string[] = [];
  const b: string[] = [];
  for (let k = 0; k < length; k++) {
    const r = random();
    if (r < 0.03) {
      const number = String(Math.floor(random() * 2000));
      a.push(number);
      b.push(number);
    } else if (r < 0.08) {
      const name = lex.names[Math.floor(random() * lex.names.length)];
      a.push(name);
      b.push(random() < 0.7 ? name : name.replace(/o/g, "u"));
    } else {
      const index = zipfIndex(random, lex.cumulative);
      a.push(lex.source[index]);
      if (random() < 0.85) b.push(lex.target[index]);
      if (random() < 0.1) b.push(lex.target[zipfIndex(random, lex.cumulative)]);
    }
  }
  if (b.length === 0) b.push(lex.target[0]);
  const end = random() < 0.1 ? "?" : ".";
  const capital = (words: string[]) => words.join(" ").replace(/^./, (c) => c.toUpperCase()) + end;
  return [capital(a), capital(b)];
}

function gaussian(random: () => number): number {
  const u = Math.max(1e-12, random());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function splitInTwo(text: string): [string, string] {
  const words = text.split(" ");
  if (words.length < 2) return [text, "…"];
  const cut = Math.ceil(words.length / 2);
  return [words.slice(0, cut).join(" ") + ".", words.slice(cut).join(" ")];
}

/**
 * A synthetic bitext with `countA` segments on side A and exactly `countB` on side B (countB within
 * ±20% of countA), paragraphs of 1–8 sentences on both sides.
 */
export function syntheticBitext(countA: number, countB: number, seed: number): Bitext {
  const random = seededRandom(seed);
  const lex = lexicon(random, 20000);
  const beads: Array<{ a: string[]; b: string[] }> = [];
  for (let i = 0; i < countA; ) {
    const r = random();
    const [a, b] = sentencePair(random, lex);
    if (r < 0.01) beads.push({ a: [a], b: [] });
    else if (r < 0.02) {
      beads.push({ a: [a], b: [b] });
      const [, extra] = sentencePair(random, lex);
      beads.push({ a: [], b: [extra] });
    } else if (r < 0.05 && i + 1 < countA) {
      const [a2, b2] = sentencePair(random, lex);
      beads.push({ a: [a, a2], b: [`${b.slice(0, -1)}, ${b2.charAt(0).toLowerCase()}${b2.slice(1)}`] });
      i++;
    } else if (r < 0.09) beads.push({ a: [a], b: splitInTwo(b) });
    else beads.push({ a: [a], b: [b] });
    i++;
  }
  const count = () => beads.reduce((sum, bead) => sum + bead.b.length, 0);
  while (count() < countB) {
    const bead = beads[Math.floor(random() * beads.length)];
    if (bead.a.length === 1 && bead.b.length === 1) bead.b = splitInTwo(bead.b[0]);
  }
  while (count() > countB) {
    const k = Math.floor(random() * (beads.length - 1));
    const x = beads[k];
    const y = beads[k + 1];
    if (x.b.length === 1 && y.b.length === 1 && x.a.length + y.a.length <= 2 && x.a.length > 0 && y.a.length > 0) {
      beads.splice(k, 2, { a: [...x.a, ...y.a], b: [`${x.b[0]} ${y.b[0]}`] });
    }
  }
  const a: BenchSegment[] = [];
  const b: BenchSegment[] = [];
  const gold: Array<{ a: number[]; b: number[] }> = [];
  let paragraph = 0;
  let left = 0;
  for (const bead of beads) {
    if (left <= 0) {
      paragraph++;
      left = 1 + Math.floor(random() * 8);
    }
    left--;
    gold.push({
      a: bead.a.map((text) => a.push({ text, paragraph }) - 1),
      b: bead.b.map((text) => b.push({ text, paragraph }) - 1),
    });
  }
  return { name: `synthetic ${countA}×${countB}`, langA: "und", langB: "und", a, b, gold };
}
