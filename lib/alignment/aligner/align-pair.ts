/**
 * Sentence alignment of two texts (issue 3): length-based dynamic programming (Gale–Church, with
 * parameters estimated from the texts) combined with lexical evidence that needs no external
 * dictionary (numbers, names across scripts, cognates, punctuation), paragraph boundaries when both
 * sides have them, and, in a second pass, a dictionary induced from the first pass's confident beads
 * (as hunalign does) and, when asked (`wordModel`), the translations the word aligner's model learns from those
 * beads (word-model-keys.ts: on bench:align it changes F1 by about ±0.001 at two to four times the cost, so it
 * is off by default). A third pass measured slightly worse with either: it starts to confirm the second pass's
 * own mistakes. The DP runs in a band around the expected path that widens when the best path touches its edge.
 */
import type { AlignOptions, AlignSegment, Bead } from "./types";
import { extractFeatures, type SideFeatures } from "./features";
import { estimateLengthModel, initialLengthModel, type LengthModel } from "./lengths";
import { buildEvidence, DEFAULT_CLASS_RATES, scorePairs, type PairEvidence, type SegmentKeys } from "./lexical";
import { dictionaryKeys, induceDictionary } from "./induced-dictionary";
import { wordModelKeys } from "./word-model-keys";
import { bandAround, pairBandFor } from "./band";
import { BEAD_SHAPES, MAX_REACH, stepPosteriors, viterbi, type BeadCosts, type ParagraphCosts, type Step } from "./dp";
import { diagonalSpan, pathSpan, type PathSpan } from "./path";
import {
  confidentOneToOne,
  DEFAULT_SHAPE_PRIORS,
  estimateClassRates,
  estimateParagraphCosts,
  estimateShapeCosts,
  initialParagraphCosts,
  shapeCosts,
} from "./estimates";

const EMPTY_SKIP_COST = 0.5;
const INITIAL_HALF_WIDTH = 32;
const REALIGNMENT_HALF_WIDTH = 16;
/** Half-width of the band around the final path in which bead posteriors are computed. */
const POSTERIOR_HALF_WIDTH = 8;
const LEXICAL_WEIGHT = 1;
const POSTERIOR_TEMPERATURE = 1;
/** Confidence is capped for beads that leave a segment unmatched and lowered for larger beads. */
const SHAPE_CONFIDENCE = [1, 0.5, 0.5, 0.9, 0.9, 0.8, 0.75, 0.75];

function prefixSums(lengths: Float64Array): Float64Array {
  const prefix = new Float64Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) prefix[i + 1] = prefix[i] + lengths[i];
  return prefix;
}

interface PassSettings {
  lengths: LengthModel;
  shapeCost: Float64Array;
  paragraphs: ParagraphCosts | null;
  evidence: PairEvidence;
}

interface PassResult {
  steps: Step[];
  costs: BeadCosts;
}

/**
 * One DP pass in a band of `halfWidth` around `around`; while the best path comes near the band's
 * edge, the band is doubled and re-centred on that path.
 */
function runPass(
  A: SideFeatures,
  B: SideFeatures,
  prefixA: Float64Array,
  prefixB: Float64Array,
  settings: PassSettings,
  around: PathSpan,
  halfWidth: number,
): PassResult {
  const n = A.count;
  const m = B.count;
  let width = halfWidth;
  let span = around;
  for (;;) {
    const band = bandAround(span.low, span.high, m, width);
    const costs: BeadCosts = {
      n,
      m,
      prefixA,
      prefixB,
      lengths: settings.lengths,
      shapeCost: settings.shapeCost,
      emptySkipCost: EMPTY_SKIP_COST,
      evidence: settings.evidence,
      pairs: scorePairs(settings.evidence, pairBandFor(band, MAX_REACH)),
      lexicalWeight: LEXICAL_WEIGHT,
      paragraphs: settings.paragraphs,
    };
    const result = viterbi(costs, band);
    const full = width >= Math.max(n, m) + MAX_REACH;
    if (result !== null && (!result.touchesEdge || full)) return { steps: result.steps, costs };
    if (full) throw new Error("no alignment path through the whole matrix");
    if (result !== null) span = pathSpan(result.steps, n, m);
    width = Math.min(width * 2, Math.max(n, m) + MAX_REACH);
  }
}

/** The second pass's extra evidence: the induced dictionary and, when asked, the word model's translations. */
function secondPassKeys(
  a: readonly AlignSegment[],
  b: readonly AlignSegment[],
  A: SideFeatures,
  B: SideFeatures,
  steps: readonly Step[],
  confident: readonly Step[],
  opts: AlignOptions,
): SegmentKeys | null {
  const oneToOne = steps.filter((s) => s.shape === 0);
  const induced =
    opts.induceDictionary === false
      ? null
      : dictionaryKeys(induceDictionary(oneToOne.map((s) => [A.stems[s.i0], B.stems[s.j0]] as const)), A.stems, B.stems);
  if (!opts.wordModel) return induced;
  const model = wordModelKeys(a, b, confident.map((s) => [s.i0, s.j0] as const), opts.langA, opts.langB, opts.lexicon ?? null);
  if (!induced) return model;
  return { keysForA: (i) => [...induced.keysForA(i), ...model.keysForA(i)], keysForB: (j) => [...induced.keysForB(j), ...model.keysForB(j)] };
}

function trivialBeads(n: number, m: number): Bead[] {
  const beads: Bead[] = [];
  for (let i = 0; i < n; i++) beads.push({ a: [i], b: [], score: 0 });
  for (let j = 0; j < m; j++) beads.push({ a: [], b: [j], score: 0 });
  return beads;
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from + k);
}

export function alignPair(a: readonly AlignSegment[], b: readonly AlignSegment[], opts: AlignOptions): Bead[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return trivialBeads(n, m);
  const A = extractFeatures(a, opts.langA);
  const B = extractFeatures(b, opts.langB);
  const prefixA = prefixSums(A.lengths);
  const prefixB = prefixSums(B.lengths);
  const useParagraphs = opts.useParagraphs ?? true;
  const paragraphs = useParagraphs ? initialParagraphCosts(A, B) : null;

  let lengths = initialLengthModel(A.lengths, B.lengths);
  let pass = runPass(
    A,
    B,
    prefixA,
    prefixB,
    {
      lengths,
      shapeCost: shapeCosts(DEFAULT_SHAPE_PRIORS),
      paragraphs,
      evidence: buildEvidence(A, B, DEFAULT_CLASS_RATES, null),
    },
    diagonalSpan(prefixA, prefixB),
    INITIAL_HALF_WIDTH,
  );
  const confident = confidentOneToOne(pass.steps, lengths, A, B);
  lengths = estimateLengthModel(
    confident.map((s) => [A.lengths[s.i0], B.lengths[s.j0]]),
    lengths,
  );
  const steps = pass.steps;
  pass = runPass(
    A,
    B,
    prefixA,
    prefixB,
    {
      lengths,
      shapeCost: estimateShapeCosts(steps),
      paragraphs: paragraphs ? estimateParagraphCosts(paragraphs, steps, n, m) : null,
      evidence: buildEvidence(A, B, estimateClassRates(confident, A, B), secondPassKeys(a, b, A, B, steps, confident, opts)),
    },
    pathSpan(steps, n, m),
    REALIGNMENT_HALF_WIDTH,
  );

  const finalSpan = pathSpan(pass.steps, n, m);
  const posteriorBand = bandAround(finalSpan.low, finalSpan.high, m, POSTERIOR_HALF_WIDTH);
  const posteriorCosts = { ...pass.costs, pairs: scorePairs(pass.costs.evidence, pairBandFor(posteriorBand, MAX_REACH)) };
  const posteriors = stepPosteriors(posteriorCosts, posteriorBand, pass.steps, POSTERIOR_TEMPERATURE);
  return pass.steps.map((step, index) => {
    const [k, l] = BEAD_SHAPES[step.shape];
    const score = Math.max(0, Math.min(1, posteriors[index] * SHAPE_CONFIDENCE[step.shape]));
    return { a: range(step.i0, k), b: range(step.j0, l), score: Number.isFinite(score) ? score : 0 };
  });
}
