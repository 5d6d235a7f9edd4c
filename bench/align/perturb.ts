/**
 * Seeded perturbations of a bitext that keep its gold alignment right: merging adjacent sentences,
 * splitting a sentence, dropping a paragraph or a sentence on one side, removing headings and
 * paragraph information. The gold is recomputed by letting every new segment join the gold beads of
 * the original segments it came from.
 */
import type { BeadLike } from "./metrics";
import type { BenchSegment, Bitext } from "./bitext";

export interface Perturbation {
  /** Probability that a sentence is merged with the next one of its paragraph (per side). */
  mergeRate: number;
  /** Probability that a sentence of 40+ characters is split in two (per side). */
  splitRate: number;
  /** Paragraphs dropped from one side (chosen at random). */
  droppedParagraphs: number;
  /** Single sentences dropped from one side. */
  droppedSentences: number;
  keepParagraphs: boolean;
  keepHeadings: boolean;
}

/** Mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tracked {
  segment: BenchSegment;
  origins: number[];
}

function splitText(text: string): [string, string] | null {
  if (text.length < 40) return null;
  const middle = text.length / 2;
  let best = -1;
  let bestDistance = Infinity;
  for (const match of text.matchAll(/[,;:] /g)) {
    const at = (match.index ?? 0) + 1;
    const distance = Math.abs(at - middle);
    if (distance < bestDistance && distance < text.length / 4) {
      best = at;
      bestDistance = distance;
    }
  }
  if (best < 0) {
    for (const match of text.matchAll(/ /g)) {
      const at = match.index ?? 0;
      const distance = Math.abs(at - middle);
      if (distance < bestDistance) {
        best = at;
        bestDistance = distance;
      }
    }
  }
  if (best <= 0) return null;
  const left = text.slice(0, best).trim();
  const right = text.slice(best).trim();
  return left && right ? [left, right] : null;
}

function mergeAndSplit(side: Tracked[], random: () => number, p: Perturbation): Tracked[] {
  const out: Tracked[] = [];
  for (let i = 0; i < side.length; i++) {
    const current = side[i];
    const next = side[i + 1];
    if (next && !current.segment.heading && !next.segment.heading && current.segment.paragraph === next.segment.paragraph && random() < p.mergeRate) {
      out.push({ segment: { ...current.segment, text: `${current.segment.text} ${next.segment.text}` }, origins: [...current.origins, ...next.origins] });
      i++;
      continue;
    }
    const parts = !current.segment.heading && random() < p.splitRate ? splitText(current.segment.text) : null;
    if (parts) {
      for (const text of parts) out.push({ segment: { ...current.segment, text }, origins: current.origins });
    } else out.push(current);
  }
  return out;
}

function dropParagraph(side: Tracked[], random: () => number): Tracked[] {
  const paragraphs = [...new Set(side.filter((t) => !t.segment.heading).map((t) => t.segment.paragraph))];
  if (paragraphs.length < 2) return side;
  const dropped = paragraphs[Math.floor(random() * paragraphs.length)];
  return side.filter((t) => t.segment.paragraph !== dropped || t.segment.heading);
}

function dropSentence(side: Tracked[], random: () => number): Tracked[] {
  const candidates = side.map((t, i) => (t.segment.heading ? -1 : i)).filter((i) => i >= 0);
  if (candidates.length < 2) return side;
  const dropped = candidates[Math.floor(random() * candidates.length)];
  return side.filter((_, i) => i !== dropped);
}

function regold(original: readonly BeadLike[], a: Tracked[], b: Tracked[]): BeadLike[] {
  const beadOfA = new Map<number, number>();
  const beadOfB = new Map<number, number>();
  original.forEach((bead, index) => {
    for (const x of bead.a) beadOfA.set(x, index);
    for (const y of bead.b) beadOfB.set(y, index);
  });
  const parent = original.map((_, index) => index);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (x: number, y: number) => {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent[Math.max(rx, ry)] = Math.min(rx, ry);
  };
  const join = (side: Tracked[], beadOf: Map<number, number>) => {
    for (const t of side) {
      const beads = t.origins.map((o) => beadOf.get(o)).filter((x): x is number => x !== undefined);
      for (const x of beads.slice(1)) union(beads[0], x);
    }
  };
  join(a, beadOfA);
  join(b, beadOfB);
  const groups = new Map<number, { a: number[]; b: number[] }>();
  const collect = (side: Tracked[], beadOf: Map<number, number>, key: "a" | "b") => {
    side.forEach((t, index) => {
      const bead = beadOf.get(t.origins[0]);
      if (bead === undefined) return;
      const root = find(bead);
      const group = groups.get(root) ?? { a: [], b: [] };
      group[key].push(index);
      groups.set(root, group);
    });
  };
  collect(a, beadOfA, "a");
  collect(b, beadOfB, "b");
  return [...groups.entries()].sort((x, y) => x[0] - y[0]).map(([, g]) => g);
}

export function perturb(bitext: Bitext, seed: number, p: Perturbation, name: string): Bitext {
  const random = seededRandom(seed);
  let a: Tracked[] = bitext.a.map((segment, i) => ({ segment, origins: [i] }));
  let b: Tracked[] = bitext.b.map((segment, i) => ({ segment, origins: [i] }));
  if (!p.keepHeadings) {
    a = a.filter((t) => !t.segment.heading);
    b = b.filter((t) => !t.segment.heading);
  }
  for (let k = 0; k < p.droppedParagraphs; k++) {
    if (random() < 0.5) a = dropParagraph(a, random);
    else b = dropParagraph(b, random);
  }
  for (let k = 0; k < p.droppedSentences; k++) {
    if (random() < 0.5) a = dropSentence(a, random);
    else b = dropSentence(b, random);
  }
  a = mergeAndSplit(a, random, p);
  b = mergeAndSplit(b, random, p);
  const gold = regold(bitext.gold, a, b);
  const strip = (t: Tracked): BenchSegment => (p.keepParagraphs ? t.segment : { text: t.segment.text, heading: t.segment.heading });
  return { ...bitext, name, a: a.map(strip), b: b.map(strip), gold };
}
