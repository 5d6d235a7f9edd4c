/**
 * Word alignment of n editions at once, row by row. Every pair of editions gets its own model (model.ts) trained
 * on the pair's rows (plus background rows of the same languages from other works); then, with three or more
 * editions, each pair's posteriors are reinforced or questioned by the paths through every third edition
 * (triangulation: a link ru↔en supported by ru↔fr and fr↔en gains, one that no third edition supports loses), and
 * finally decoded into links (symmetrise.ts).
 */
import { wordForm, type WordForm } from "./forms";
import type { Lexicon } from "./lexicon";
import { denseOf, DEFAULT_MODEL_OPTIONS, trainPairSparse, type ModelOptions, type RowForms, type SparsePosteriors } from "./model";
import { agreement, decodeLinks, DEFAULT_DECODE_OPTIONS, type DecodeOptions, type WordLink } from "./symmetrise";

export interface EditionTokens {
  id: string;
  language: string;
  /** Per row, the edition's word tokens in the row (empty when the edition has no text there). */
  rows: string[][];
}

export interface PairRequest {
  a: string;
  b: string;
}

export interface NWayOptions {
  model?: Partial<ModelOptions>;
  decode?: Partial<DecodeOptions>;
  /** Weight of the third-edition paths against the direct posteriors; 0 turns triangulation off. */
  triangulation?: number;
  /** At most this many third editions question each pair's links (each may cost a pair's training). */
  maxThirds?: number;
}

export interface NWayInput {
  editions: EditionTokens[];
  /** The pairs to align; every pair when left out. */
  pairs?: PairRequest[];
  lexicon?: (langA: string, langB: string, vocabularyA: ReadonlySet<string>, vocabularyB: ReadonlySet<string>) => Lexicon | null;
  background?: (langA: string, langB: string) => RowForms[];
  /** Confirmed links of a pair (key `${a}|${b}`): row index → [i, j] pairs. */
  fixed?: (a: string, b: string) => ReadonlyMap<number, ReadonlyArray<readonly [number, number]>> | undefined;
  options?: NWayOptions;
  onPair?: (done: number, total: number) => void | Promise<void>;
}

export const DEFAULT_TRIANGULATION = 1.5;
export const DEFAULT_MAX_THIRDS = 4;
/** Up to this many editions a work has every pair aligned; beyond, each edition with the pivot only (lib/db/words). */
export const MAX_ALL_PAIRS = 6;

export function pairKey(a: string, b: string): string {
  return `${a}|${b}`;
}

function formsOf(edition: EditionTokens): WordForm[][] {
  return edition.rows.map((tokens) => tokens.map((token) => wordForm(token, edition.language)));
}

function allPairs(editions: readonly EditionTokens[]): PairRequest[] {
  const pairs: PairRequest[] = [];
  for (let x = 0; x < editions.length; x++) for (let y = x + 1; y < editions.length; y++) pairs.push({ a: editions[x].id, b: editions[y].id });
  return pairs;
}

function vocabulary(rows: WordForm[][]): Set<string> {
  const set = new Set<string>();
  for (const row of rows) for (const form of row) set.add(form.stem);
  return set;
}

/** Posteriors below this are not kept between training and decoding (far below the decoder's thresholds). */
const KEPT_POSTERIOR = 0.005;

/** Trains one pair's model: its posteriors, sparse. */
function trainOne(input: NWayInput, { a, b }: PairRequest, forms: Map<string, WordForm[][]>, byId: Map<string, EditionTokens>): SparsePosteriors[] {
  const A = byId.get(a)!;
  const B = byId.get(b)!;
  const formsA = forms.get(a)!;
  const formsB = forms.get(b)!;
  const lexicon = input.lexicon?.(A.language, B.language, vocabulary(formsA), vocabulary(formsB)) ?? null;
  return trainPairSparse({
    langA: A.language,
    langB: B.language,
    rows: formsA.map((row, r) => ({ a: row, b: formsB[r] })),
    background: input.background?.(A.language, B.language),
    lexicon,
    fixed: input.fixed?.(a, b),
    options: { ...DEFAULT_MODEL_OPTIONS, ...input.options?.model },
  }, KEPT_POSTERIOR);
}

/**
 * The third editions whose paths question or reinforce the links of (a, b): at most `max`, those whose two pairs
 * with a and b are requested anyway first (they cost nothing more), then the others in the editions' order.
 */
function thirdsOf(editions: readonly EditionTokens[], { a, b }: PairRequest, requested: ReadonlySet<string>, max: number): string[] {
  const others = editions.map((edition) => edition.id).filter((id) => id !== a && id !== b);
  const free = (c: string) => (requested.has(pairKey(a, c)) || requested.has(pairKey(c, a))) && (requested.has(pairKey(c, b)) || requested.has(pairKey(b, c)));
  return [...others.filter(free), ...others.filter((c) => !free(c))].slice(0, max);
}

/** The stored key of the pair (x, y): the requested orientation when requested, else x|y. */
function keyOf(requested: ReadonlySet<string>, x: string, y: string): string {
  return requested.has(pairKey(y, x)) ? pairKey(y, x) : pairKey(x, y);
}

/** The posteriors of (a, b) read from whichever direction was trained. */
function posteriorsOf(trained: Map<string, SparsePosteriors[]>, a: string, b: string, row: number): Float32Array | null {
  const direct = trained.get(pairKey(a, b));
  if (direct) return agreement(denseOf(direct[row]));
  const reverse = trained.get(pairKey(b, a));
  if (!reverse) return null;
  const r = reverse[row];
  const out = new Float32Array(r.m * r.n);
  const matrix = agreement(denseOf(r));
  for (let i = 0; i < r.m; i++) for (let j = 0; j < r.n; j++) out[j * r.m + i] = matrix[i * r.n + j];
  return out;
}

/** Mean over the third editions c of min(1, Σ_k S_ac[i,k] · S_cb[k,j]), per cell of (a, b); null without thirds. */
function thirdPaths(trained: Map<string, SparsePosteriors[]>, editions: EditionTokens[], thirdIds: readonly string[], a: string, b: string, row: number, m: number, n: number): Float32Array | null {
  const sum = new Float32Array(m * n);
  let thirds = 0;
  for (const c of editions) {
    if (!thirdIds.includes(c.id)) continue;
    const k = c.rows[row].length;
    if (k === 0) continue;
    const ac = posteriorsOf(trained, a, c.id, row);
    const cb = posteriorsOf(trained, c.id, b, row);
    if (!ac || !cb) continue;
    thirds += 1;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let total = 0;
        for (let x = 0; x < k; x++) total += ac[i * k + x] * cb[x * n + j];
        sum[i * n + j] += Math.min(1, total);
      }
    }
  }
  if (thirds === 0) return null;
  for (let c = 0; c < sum.length; c++) sum[c] /= thirds;
  return sum;
}

/**
 * Links of every requested pair, per row: result.get(`${a}|${b}`)[row] is the list of links (positions in a's and
 * b's token lists of that row). Pairs are trained when first needed and dropped as soon as no pair still to decode
 * needs them, so a work of many editions holds the requested pairs and a few others at a time, not every pair.
 */
export async function alignWordsNWay(input: NWayInput): Promise<Map<string, WordLink[][]>> {
  const pairs = input.pairs ?? allPairs(input.editions);
  const weight = input.editions.length > 2 ? (input.options?.triangulation ?? DEFAULT_TRIANGULATION) : 0;
  const maxThirds = input.options?.maxThirds ?? DEFAULT_MAX_THIRDS;
  const decode = { ...DEFAULT_DECODE_OPTIONS, ...input.options?.decode };
  const forms = new Map(input.editions.map((edition) => [edition.id, formsOf(edition)]));
  const byId = new Map(input.editions.map((edition) => [edition.id, edition]));
  const requested = new Set(pairs.map(({ a, b }) => pairKey(a, b)));
  const thirds = pairs.map((pair) => (weight > 0 && maxThirds > 0 ? thirdsOf(input.editions, pair, requested, maxThirds) : []));
  /* How many decodings still need each trained pair (its own, and those it serves as a third path for). */
  const uses = new Map<string, number>();
  const use = (key: string) => uses.set(key, (uses.get(key) ?? 0) + 1);
  pairs.forEach(({ a, b }, p) => {
    use(pairKey(a, b));
    for (const c of thirds[p]) {
      use(keyOf(requested, a, c));
      use(keyOf(requested, c, b));
    }
  });
  const total = uses.size;
  const trained = new Map<string, SparsePosteriors[]>();
  let done = 0;
  const need = async (key: string) => {
    if (trained.has(key)) return;
    const [a, b] = key.split("|");
    trained.set(key, trainOne(input, { a, b }, forms, byId));
    done += 1;
    await input.onPair?.(done, total);
  };
  const release = (key: string) => {
    const left = uses.get(key)! - 1;
    uses.set(key, left);
    if (left === 0) trained.delete(key);
  };
  const result = new Map<string, WordLink[][]>();
  for (let p = 0; p < pairs.length; p++) {
    const { a, b } = pairs[p];
    const keys = [pairKey(a, b), ...thirds[p].flatMap((c) => [keyOf(requested, a, c), keyOf(requested, c, b)])];
    for (const key of keys) await need(key);
    const rows = trained.get(pairKey(a, b))!;
    const links = input.editions[0].rows.map((_, r) => {
      const posteriors = denseOf(rows[r]);
      if (posteriors.m === 0 || posteriors.n === 0) return [];
      const third = thirds[p].length > 0 ? thirdPaths(trained, input.editions, thirds[p], a, b, r, posteriors.m, posteriors.n) : null;
      if (!third) return decodeLinks(posteriors, decode);
      const forward = new Float32Array(posteriors.forward.length);
      const backward = new Float32Array(posteriors.backward.length);
      for (let c = 0; c < forward.length; c++) {
        forward[c] = (posteriors.forward[c] + weight * third[c]) / (1 + weight);
        backward[c] = (posteriors.backward[c] + weight * third[c]) / (1 + weight);
      }
      return decodeLinks({ m: posteriors.m, n: posteriors.n, forward, backward }, decode);
    });
    result.set(pairKey(a, b), links);
    for (const key of keys) release(key);
  }
  return result;
}
