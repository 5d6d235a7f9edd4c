/**
 * From the two directions' posteriors of a row to links: a link is kept where both directions agree (the geometric
 * mean of the posteriors reaches `threshold`), then words left without any link take their best link in the
 * direction that generated them when that posterior reaches `grow` (the union step of grow-diag-final, restricted
 * to confident links). Each link carries a probability: the mean of the two directions' posteriors.
 */
import type { RowPosteriors } from "./model";

export interface WordLink {
  /** Token position in edition A's cell (0-based). */
  a: number;
  /** Token position in edition B's cell. */
  b: number;
  /** How sure the model is, in [0, 1]. */
  p: number;
}

export interface DecodeOptions {
  threshold: number;
  grow: number;
}

export const DEFAULT_DECODE_OPTIONS: DecodeOptions = { threshold: 0.35, grow: 0.8 };

export function decodeLinks(row: Pick<RowPosteriors, "m" | "n" | "forward" | "backward">, options: DecodeOptions = DEFAULT_DECODE_OPTIONS): WordLink[] {
  const { m, n, forward, backward } = row;
  const chosen = new Uint8Array(m * n);
  const linkedA = new Uint8Array(m);
  const linkedB = new Uint8Array(n);
  for (let c = 0; c < m * n; c++) {
    if (Math.sqrt(forward[c] * backward[c]) >= options.threshold) {
      chosen[c] = 1;
      linkedA[Math.floor(c / n)] = 1;
      linkedB[c % n] = 1;
    }
  }
  for (let j = 0; j < n; j++) {
    if (linkedB[j]) continue;
    let best = -1;
    for (let i = 0; i < m; i++) if (best < 0 || forward[i * n + j] > forward[best * n + j]) best = i;
    if (best >= 0 && forward[best * n + j] >= options.grow) chosen[best * n + j] = 1;
  }
  for (let i = 0; i < m; i++) {
    if (linkedA[i]) continue;
    let best = -1;
    for (let j = 0; j < n; j++) if (best < 0 || backward[i * n + j] > backward[i * n + best]) best = j;
    if (best >= 0 && backward[i * n + best] >= options.grow) chosen[i * n + best] = 1;
  }
  const links: WordLink[] = [];
  for (let c = 0; c < m * n; c++) {
    if (chosen[c]) links.push({ a: Math.floor(c / n), b: c % n, p: Math.round(((forward[c] + backward[c]) / 2) * 1000) / 1000 });
  }
  return links;
}

/** Agreement matrix of a row: sqrt(forward × backward) per cell. */
export function agreement(row: Pick<RowPosteriors, "m" | "n" | "forward" | "backward">): Float32Array {
  const out = new Float32Array(row.m * row.n);
  for (let c = 0; c < out.length; c++) out[c] = Math.sqrt(row.forward[c] * row.backward[c]);
  return out;
}

/** Pharaoh format of a row's links: "i-j i-j …". */
export function toPharaoh(links: readonly Pick<WordLink, "a" | "b">[]): string {
  return links.map((link) => `${link.a}-${link.b}`).join(" ");
}
