/**
 * Lexical evidence between segments of the two sides. Each segment carries evidence keys (numbers,
 * names, cognate prefixes, punctuation and, in later passes, translations from an induced dictionary or the word
 * model); a
 * key shared by a segment pair counts as a log-likelihood ratio: how much likelier the match is for a
 * translation pair (the key class's transfer rate) than for a random pair (the key's document
 * frequencies). Anchors (numbers, names, ? and !) that a bead pairing text on both sides leaves
 * unmatched count against it. Keys too common to be informative are dropped, so the pair scores are
 * sparse.
 */
import type { SideFeatures } from "./features";
import type { Band } from "./band";

/** Probability that a key of each class in one segment reappears in its translation. */
export type ClassRates = Record<string, number>;

export const DEFAULT_CLASS_RATES: ClassRates = {
  n: 0.85,
  m: 0.7,
  c: 0.2,
  d: 0.3,
  w: 0.5,
  "p?": 0.8,
  "p!": 0.6,
  "p(": 0.7,
  "p:": 0.5,
  "p;": 0.3,
  "p…": 0.4,
  'p"': 0.6,
};

const MIN_WEIGHT = 0.15;
const MAX_WEIGHT = 7;
/** Segments that hold no key in the document-frequency estimate, so that short texts do not make every key common. */
const VIRTUAL_SEGMENTS = 20;
/** Classes whose keys, when a bead pairs text but leaves them unmatched, count against the bead. */
const ANCHOR_CLASSES = new Set(["n", "m", "p?", "p!"]);
/** Scale of the cost of an unmatched anchor, −log(1 − transfer rate). */
const ABSENCE_SCALE = 0.5;

/** Class of a key: its first character, or the whole key for punctuation. */
export function keyClass(key: string): string {
  return key[0] === "p" ? key : key[0];
}

/** A side's informative keys as interned ids, sorted per segment, in compressed rows. */
interface SideKeys {
  rowStart: Int32Array;
  ids: Int32Array;
  counts: Float32Array;
}

function internSide(side: SideFeatures, ids: Map<string, number>, extra: ((i: number) => Iterable<string>) | null): Map<number, number>[] {
  const rows: Map<number, number>[] = [];
  for (let i = 0; i < side.count; i++) {
    const row = new Map<number, number>();
    const add = (key: string, count: number) => {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      row.set(id, (row.get(id) ?? 0) + count);
    };
    for (const [key, count] of side.keys[i]) add(key, count);
    if (extra) for (const key of extra(i)) add(key, 1);
    rows.push(row);
  }
  return rows;
}

function documentFrequency(rows: Map<number, number>[], keyCount: number): Float64Array {
  const df = new Float64Array(keyCount);
  for (const row of rows) for (const id of row.keys()) df[id]++;
  return df;
}

/** Each segment's kept keys (informative or anchors) sorted by id, as compressed rows. */
function singleRows(rows: Map<number, number>[], kept: Float64Array): SideKeys {
  const rowStart = new Int32Array(rows.length + 1);
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    for (const id of rows[i].keys()) if (kept[id] > 0) total++;
    rowStart[i + 1] = total;
  }
  const ids = new Int32Array(total);
  const counts = new Float32Array(total);
  for (let i = 0; i < rows.length; i++) {
    const sorted = [...rows[i].keys()].filter((id) => kept[id] > 0).sort((x, y) => x - y);
    sorted.forEach((id, k) => {
      ids[rowStart[i] + k] = id;
      counts[rowStart[i] + k] = rows[i].get(id) ?? 0;
    });
  }
  return { rowStart, ids, counts };
}

/** Runs of `size` consecutive segments: the sorted merge of `shorter` runs and single segments. */
function longerRows(single: SideKeys, shorter: SideKeys, size: number): SideKeys {
  const groups = Math.max(0, single.rowStart.length - size);
  const rowStart = new Int32Array(groups + 1);
  const ids = new Int32Array(groups === 0 ? 0 : shorter.ids.length + single.ids.length);
  const counts = new Float32Array(ids.length);
  let out = 0;
  for (let i = 0; i < groups; i++) {
    let p = shorter.rowStart[i];
    const endP = shorter.rowStart[i + 1];
    let q = single.rowStart[i + size - 1];
    const endQ = single.rowStart[i + size];
    while (p < endP || q < endQ) {
      const x = p < endP ? shorter.ids[p] : Infinity;
      const y = q < endQ ? single.ids[q] : Infinity;
      if (x === y) {
        ids[out] = x;
        counts[out++] = shorter.counts[p++] + single.counts[q++];
      } else if (x < y) {
        ids[out] = x;
        counts[out++] = shorter.counts[p++];
      } else {
        ids[out] = y;
        counts[out++] = single.counts[q++];
      }
    }
    rowStart[i + 1] = out;
  }
  return { rowStart, ids: ids.slice(0, out), counts: counts.slice(0, out) };
}

function absenceOfRows(rows: SideKeys, absence: Float64Array): Float64Array {
  const out = new Float64Array(rows.rowStart.length - 1);
  for (let i = 0; i < out.length; i++) {
    for (let p = rows.rowStart[i]; p < rows.rowStart[i + 1]; p++) out[i] += absence[rows.ids[p]] * rows.counts[p];
  }
  return out;
}

const EMPTY_ROWS: SideKeys = { rowStart: new Int32Array(1), ids: new Int32Array(0), counts: new Float32Array(0) };

/** Runs of 1 to MAX_GROUP segments of a side (index = run length; index 0 holds no run). */
type GroupKeys = SideKeys[];

export const MAX_GROUP = 3;

export interface PairEvidence {
  /**
   * Weight per key id of a matched occurrence: the key's log-likelihood ratio plus, for anchors,
   * twice the cost of an unmatched occurrence (which every occurrence pays, see `absence`); 0 for
   * uninformative keys.
   */
  weights: Float64Array;
  /** Per run length, per run start: the cost of leaving all the run's anchors unmatched (side A, side B). */
  absenceA: Float64Array[];
  absenceB: Float64Array[];
  a: GroupKeys;
  b: GroupKeys;
  /** For each key id, the B segments holding it (ascending) and their counts. */
  postingStart: Int32Array;
  postingSegment: Int32Array;
  postingCount: Float32Array;
}

function postings(b: SideKeys, keyCount: number): Pick<PairEvidence, "postingStart" | "postingSegment" | "postingCount"> {
  const postingStart = new Int32Array(keyCount + 1);
  for (let p = 0; p < b.ids.length; p++) postingStart[b.ids[p] + 1]++;
  for (let k = 0; k < keyCount; k++) postingStart[k + 1] += postingStart[k];
  const fill = postingStart.slice(0, keyCount);
  const postingSegment = new Int32Array(b.ids.length);
  const postingCount = new Float32Array(b.ids.length);
  const segments = b.rowStart.length - 1;
  for (let j = 0; j < segments; j++) {
    for (let p = b.rowStart[j]; p < b.rowStart[j + 1]; p++) {
      const k = b.ids[p];
      postingSegment[fill[k]] = j;
      postingCount[fill[k]] = b.counts[p];
      fill[k]++;
    }
  }
  return { postingStart, postingSegment, postingCount };
}

/** Further evidence keys per segment, beyond the sides' own (translations from a dictionary or a word model). */
export interface SegmentKeys {
  keysForA(i: number): Iterable<string>;
  keysForB(j: number): Iterable<string>;
}

export function buildEvidence(A: SideFeatures, B: SideFeatures, rates: ClassRates, extra: SegmentKeys | null): PairEvidence {
  const ids = new Map<string, number>();
  const rowsA = internSide(A, ids, extra ? (i) => extra.keysForA(i) : null);
  const rowsB = internSide(B, ids, extra ? (j) => extra.keysForB(j) : null);
  const keyCount = ids.size;
  const classes: string[] = new Array(keyCount);
  for (const [key, id] of ids) classes[id] = keyClass(key);
  const dfA = documentFrequency(rowsA, keyCount);
  const dfB = documentFrequency(rowsB, keyCount);
  const weights = new Float64Array(keyCount);
  const absence = new Float64Array(keyCount);
  for (let k = 0; k < keyCount; k++) {
    const rate = rates[classes[k]] ?? DEFAULT_CLASS_RATES[classes[k]] ?? 0.2;
    const chance = Math.sqrt((dfA[k] / (A.count + VIRTUAL_SEGMENTS)) * (dfB[k] / (B.count + VIRTUAL_SEGMENTS)));
    const weight = chance > 0 ? Math.min(MAX_WEIGHT, Math.log(rate / chance)) : Infinity;
    if (weight < MIN_WEIGHT) continue;
    /* A number found on one side only still counts against pairing its segment; other anchors count when the other side has them somewhere. */
    if (ANCHOR_CLASSES.has(classes[k]) && (chance > 0 || classes[k] === "n")) absence[k] = -ABSENCE_SCALE * Math.log(1 - Math.min(0.95, rate));
    if (chance > 0) weights[k] = weight + 2 * absence[k];
  }
  const kept = weights.map((w, k) => (w > 0 || absence[k] > 0 ? 1 : 0));
  const single = [singleRows(rowsA, kept), singleRows(rowsB, kept)];
  const [a, b] = single.map((one) => {
    const runs: GroupKeys = [EMPTY_ROWS, one];
    for (let size = 2; size <= MAX_GROUP; size++) runs.push(longerRows(one, runs[size - 1], size));
    return runs;
  });
  const absenceA = a.map((rows) => absenceOfRows(rows, absence));
  const absenceB = b.map((rows) => absenceOfRows(rows, absence));
  return { weights, absenceA, absenceB, a, b, ...postings(b[1], keyCount) };
}

/** Lexical scores of single segment pairs inside a band (row = A segment, column = B segment). */
export interface PairScores {
  band: Band;
  values: Float32Array;
}

export function scorePairs(evidence: PairEvidence, band: Band): PairScores {
  const values = new Float32Array(band.size);
  const { weights, postingStart, postingSegment, postingCount } = evidence;
  const a = evidence.a[1];
  for (let row = 0; row < band.rows; row++) {
    const lo = band.lo[row];
    const hi = band.hi[row];
    const base = band.offset[row] - lo;
    for (let p = a.rowStart[row]; p < a.rowStart[row + 1]; p++) {
      const k = a.ids[p];
      const w = weights[k];
      const countA = a.counts[p];
      let left = postingStart[k];
      let right = postingStart[k + 1];
      while (left < right) {
        const mid = (left + right) >> 1;
        if (postingSegment[mid] < lo) left = mid + 1;
        else right = mid;
      }
      for (let q = left; q < postingStart[k + 1]; q++) {
        const col = postingSegment[q];
        if (col > hi) break;
        const countB = postingCount[q];
        values[base + col] += w * (countA < countB ? countA : countB);
      }
    }
  }
  return { band, values };
}

/**
 * Matching part of the lexical score of the bead made of A segments [i, i+k) and B segments [j, j+l):
 * every shared key counts its weight times the smaller of its two counts, so a key is matched at most
 * once per occurrence however the segments are grouped. Never more than the sum of the bead's pair
 * scores. The bead's lexical score is this minus the absence costs of its two runs.
 */
export function beadLexicalScore(e: PairEvidence, i: number, k: number, j: number, l: number): number {
  const groupA = e.a[k];
  const groupB = e.b[l];
  const idsA = groupA.ids;
  const idsB = groupB.ids;
  let p = groupA.rowStart[i];
  const endA = groupA.rowStart[i + 1];
  let q = groupB.rowStart[j];
  const endB = groupB.rowStart[j + 1];
  let score = 0;
  while (p < endA && q < endB) {
    const x = idsA[p];
    const y = idsB[q];
    if (x === y) {
      const ca = groupA.counts[p];
      const cb = groupB.counts[q];
      score += e.weights[x] * (ca < cb ? ca : cb);
      p++;
      q++;
    } else if (x < y) p++;
    else q++;
  }
  return score;
}
