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

/** The bead shapes that make up almost all of hunalign's ladders (1-1, 1-2, 2-1, 1-0, 0-1; the run prints the others it makes). */
export const HUNALIGN_SHAPES: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 2],
  [2, 1],
  [1, 0],
  [0, 1],
];

/** The fewest beads of the given shapes that cover an i-j bead (Infinity when none can). */
export function fewestPieces(i: number, j: number, shapes: ReadonlyArray<readonly [number, number]> = HUNALIGN_SHAPES): number {
  const best: number[][] = Array.from({ length: i + 1 }, () => new Array<number>(j + 1).fill(Infinity));
  best[0][0] = 0;
  for (let x = 0; x <= i; x++) {
    for (let y = 0; y <= j; y++) {
      for (const [a, b] of shapes) if (x >= a && y >= b) best[x][y] = Math.min(best[x][y], best[x - a][y - b] + 1);
    }
  }
  return best[i][j];
}

/**
 * What gold beads larger than an aligner's bead shapes cost it: every such bead must be cut into smaller ones, each cut a
 * rung the gold does not have (see `ceilingF1`).
 */
export function shapeCeiling(gold: readonly BeadLike[], shapes: ReadonlyArray<readonly [number, number]> = HUNALIGN_SHAPES) {
  let larger = 0;
  let extraRungs = 0;
  for (const bead of gold) {
    const pieces = fewestPieces(bead.a.length, bead.b.length, shapes);
    if (pieces > 1) {
      larger += 1;
      extraRungs += pieces - 1;
    }
  }
  return { beads: gold.length, larger, goldRungs: gold.length + 1, extraRungs };
}

export type ShapeCost = ReturnType<typeof shapeCeiling>;

export const NO_SHAPE_COST: ShapeCost = { beads: 0, larger: 0, goldRungs: 0, extraRungs: 0 };

export function addShapeCosts(x: ShapeCost, y: ShapeCost): ShapeCost {
  return { beads: x.beads + y.beads, larger: x.larger + y.larger, goldRungs: x.goldRungs + y.goldRungs, extraRungs: x.extraRungs + y.extraRungs };
}

/** The best F1 an aligner limited to the shapes can reach: every gold rung found, only the unavoidable cuts wrong. */
export function ceilingF1(cost: ShapeCost): number {
  const precision = cost.goldRungs / (cost.goldRungs + cost.extraRungs);
  return (2 * precision) / (precision + 1);
}

/** How many beads of each shape ("2-1") a ladder of rungs makes. */
export function shapesOfRungs(rungs: readonly Rung[]): Map<string, number> {
  const shapes = new Map<string, number>();
  for (let k = 1; k < rungs.length; k++) {
    const shape = `${rungs[k][0] - rungs[k - 1][0]}-${rungs[k][1] - rungs[k - 1][1]}`;
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  }
  return shapes;
}

/**
 * Rungs strictly inside gold beads with two or more segments on each side: where a gold derived from coarser units
 * (verses) cannot say whether a finer alignment is right. `compareRungs` over the predicted rungs without these gives
 * the lenient precision.
 */
export function undecidableRungs(gold: readonly BeadLike[]): Set<string> {
  const inside = new Set<string>();
  let i = 0;
  let j = 0;
  for (const bead of gold) {
    if (bead.a.length >= 2 && bead.b.length >= 2) {
      for (let x = 1; x < bead.a.length; x++) for (let y = 1; y < bead.b.length; y++) inside.add(`${i + x},${j + y}`);
    }
    i += bead.a.length;
    j += bead.b.length;
  }
  return inside;
}
