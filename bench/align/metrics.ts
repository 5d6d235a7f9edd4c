/**
 * Rung precision, recall and F1. A rung is the pair (i, j) at which a bead starts (i segments of A and
 * j of B precede it), plus the final (n, m).
 */

export interface BeadLike {
  a: readonly number[];
  b: readonly number[];
}

export type Rung = readonly [number, number];

export function rungsOfBeads(beads: readonly BeadLike[], n: number, m: number): Rung[] {
  const rungs: Rung[] = [];
  let i = 0;
  let j = 0;
  for (const bead of beads) {
    rungs.push([i, j]);
    i += bead.a.length;
    j += bead.b.length;
  }
  rungs.push([n, m]);
  return rungs;
}

export interface Counts {
  predicted: number;
  gold: number;
  correct: number;
}

export function compareRungs(predicted: readonly Rung[], gold: readonly Rung[]): Counts {
  const key = (r: Rung) => `${r[0]},${r[1]}`;
  const goldSet = new Set(gold.map(key));
  const predictedSet = new Set(predicted.map(key));
  let correct = 0;
  for (const r of predictedSet) if (goldSet.has(r)) correct++;
  return { predicted: predictedSet.size, gold: goldSet.size, correct };
}

export function addCounts(x: Counts, y: Counts): Counts {
  return { predicted: x.predicted + y.predicted, gold: x.gold + y.gold, correct: x.correct + y.correct };
}

export const NO_COUNTS: Counts = { predicted: 0, gold: 0, correct: 0 };

export function scores(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
