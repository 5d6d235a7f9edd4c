/**
 * Aligns the words of a whole work: every pair of its current editions (or, past MAX_ALL_PAIRS editions, every
 * edition with the pivot), row by row, with the n-way word aligner (lib/alignment/words). Sets editors edited or
 * confirmed are kept as they are and teach the model, and so do the rows of the library's other works in the same
 * language pairs. The texts are read in one snapshot and aligned outside any
 * transaction (with the installed dictionaries and the work's glossary); the links are then written in one
 * transaction that locks the work and first checks that the grid is still the one aligned (else the work is aligned
 * again, up to three times). Automatic sets are replaced
 * wholesale; nothing an editor made is touched. Each row's word-level divergence from the pivot is stored with them.
 * The align-words job (lib/db/jobs/kinds/align-words.ts) runs it with the aligning on a worker thread (`compute`, on
 * plain data: the glossaries are read before), a signal that stops it, and `beforeCommit` to complete the job in the
 * transaction that writes the links.
 */
import { alignWordsNWay, MAX_ALL_PAIRS, pairKey, type PairRequest } from "../../alignment/words/align-words";
import { lexiconFor } from "../../alignment/words/lexicon-sources";
import type { Db } from "../client";
import type { Tx } from "../grid/types";
import { inWorkTransaction } from "../grid/work-lock";
import { cellOffsets, rowLinksFromSets, setsFromRowLinks, storedOrder, type CellSegment } from "./link-sets";
import { loadLibraryRows, loadWordInput, type WordInput } from "./load-word-input";
import { wordForm } from "../../alignment/words/forms";
import { primaryLanguage } from "../../text/name-key";
import { rowWordMarks } from "../../diff/word-marks";
import type { LexiconEntry } from "../../alignment/words/lexicon";
import { glossaryFor } from "./glossary";
import { insertAutomaticSets, type AutomaticSet } from "./insert-link-sets";
import { writeInChunks } from "../write-in-chunks";

const ATTEMPTS = 3;
/**
 * The write replaces every automatic set of the work (10 pairs × 10,000 rows is 100,000 sets): longer than the
 * write path's 30 s on a busy machine, and a timeout would throw the whole run away.
 */
const WRITE_TIMEOUT_MS = 10 * 60_000;

export interface AlignWorkWordsOptions {
  onProgress?: (fraction: number, message: string) => Promise<void> | void;
  /** Use the installed FreeDict dictionaries (default true). */
  dictionaries?: boolean;
  /** Computes the link sets (default: computeWordSets on this thread). */
  compute?: typeof computeWordSets;
  /** Stops the run before it writes. */
  signal?: AbortSignal;
  /** Called last in the transaction that writes the links, with the result: a throw rolls the write back. */
  beforeCommit?: (tx: Tx, result: AlignWorkWordsResult) => Promise<void>;
}

export interface AlignWorkWordsResult {
  pairs: number;
  rows: number;
  links: number;
  keptSets: number;
  gridVersion: number;
  attempts: number;
  milliseconds: number;
}

function pairsOf(input: WordInput): PairRequest[] {
  const ids = input.editions.map((edition) => edition.id);
  const pairs: PairRequest[] = [];
  if (ids.length <= MAX_ALL_PAIRS || !input.pivotEditionId) {
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) pairs.push(storedOrderPair(ids[x], ids[y]));
  } else {
    for (const id of ids) if (id !== input.pivotEditionId) pairs.push(storedOrderPair(input.pivotEditionId, id));
  }
  return pairs;
}

function storedOrderPair(x: string, y: string): PairRequest {
  const { a, b } = storedOrder(x, y);
  return { a, b };
}

/** A new automatic link set, as insertAutomaticSets writes it. */
export type NewSet = AutomaticSet;

export interface RowStat {
  rowId: string;
  divergence: Record<string, number>;
  max: number;
}

/** The work's glossary for each language pair the aligner will align, by "langA|langB". */
export async function glossariesOf(db: Db, input: WordInput): Promise<Record<string, LexiconEntry[]>> {
  const glossaries: Record<string, LexiconEntry[]> = {};
  for (const { a, b } of pairsOf(input)) {
    const [langA, langB] = [a, b].map((id) => input.editions.find((edition) => edition.id === id)!.language);
    const key = `${langA}|${langB}`;
    if (!(key in glossaries)) glossaries[key] = await glossaryFor(db, input.workId, langA, langB);
  }
  return glossaries;
}

/** The automatic link sets and the rows' divergence (plain data in and out, so that a worker thread can compute them). */
export async function computeWordSets(
  input: WordInput,
  glossaries: Record<string, LexiconEntry[]>,
  options: Pick<AlignWorkWordsOptions, "onProgress" | "dictionaries">,
): Promise<{ sets: NewSet[]; stats: RowStat[]; baseId: string | null }> {
  const cellInfo = input.rows.map((row) => new Map(input.editions.map((edition) => [edition.id, cellOffsets(row[edition.id], edition.language)])));
  const pairs = pairsOf(input);
  const keptBySegments = new Set(input.kept.map((set) => `${set.segmentAId}|${set.segmentBId}`));
  const fixedByPair = new Map<string, Map<number, [number, number][]>>();
  const rowOfSegment = new Map<string, number>();
  input.rows.forEach((row, r) => {
    for (const segments of Object.values(row)) for (const segment of segments) rowOfSegment.set(segment.id, r);
  });
  for (const set of input.kept) {
    const r = rowOfSegment.get(set.segmentAId);
    if (r === undefined || r !== rowOfSegment.get(set.segmentBId)) continue;
    const key = pairKey(set.editionAId, set.editionBId);
    let fixed = fixedByPair.get(key);
    if (!fixed) fixedByPair.set(key, (fixed = new Map()));
    const links = rowLinksFromSets([set], cellInfo[r].get(set.editionAId)!.offsets, cellInfo[r].get(set.editionBId)!.offsets);
    fixed.set(r, [...(fixed.get(r) ?? []), ...links.map((link): [number, number] => [link.a, link.b])]);
  }
  const editions = input.editions.map((edition) => ({
    id: edition.id,
    language: edition.language,
    rows: cellInfo.map((cells) => cells.get(edition.id)!.tokens.map((token) => token.text)),
  }));
  const result = await alignWordsNWay({
    editions,
    pairs,
    lexicon: (langA, langB, vocabularyA, vocabularyB) =>
      lexiconFor({ langA, langB, vocabularyA, vocabularyB, dictionaries: options.dictionaries, glossary: glossaries[`${langA}|${langB}`] }),
    fixed: (a, b) => fixedByPair.get(pairKey(a, b)),
    background: (langA, langB) =>
      (input.library?.[`${primaryLanguage(langA)}|${primaryLanguage(langB)}`] ?? []).map((row) => ({
        a: row.a.map((word) => wordForm(word, langA)),
        b: row.b.map((word) => wordForm(word, langB)),
      })),
    onPair: (done, total) => options.onProgress?.(0.05 + (0.8 * done) / total, `Aligned the words of ${done} of ${total} edition pairs.`),
  });
  const sets: NewSet[] = [];
  for (const { a, b } of pairs) {
    const rows = result.get(pairKey(a, b))!;
    rows.forEach((links, r) => {
      const cellA: CellSegment[] = input.rows[r][a];
      const cellB: CellSegment[] = input.rows[r][b];
      const split = setsFromRowLinks(links, cellInfo[r].get(a)!.tokens, cellInfo[r].get(b)!.tokens, cellA, cellB);
      for (const [key, set] of split) {
        if (keptBySegments.has(key)) continue;
        const { segmentAId, segmentBId, aTokens, bTokens, probabilities } = set;
        sets.push({ segmentAId, segmentBId, editionAId: a, editionBId: b, aTokens, bTokens, probabilities });
      }
    });
  }
  const baseId = input.pivotEditionId && input.editions.some((edition) => edition.id === input.pivotEditionId) ? input.pivotEditionId : (input.editions[0]?.id ?? null);
  const stats: RowStat[] = baseId
    ? input.rowIds.map((rowId, r) => {
        const editions = input.editions.map((edition) => ({ id: edition.id, slug: edition.slug, language: edition.language, tokens: cellInfo[r].get(edition.id)!.tokens, starts: [] }));
        const rowPairs = pairs.map(({ a, b }) => ({ a, b, links: result.get(pairKey(a, b))![r] }));
        const divergence = Object.fromEntries(rowWordMarks(editions, rowPairs, baseId).divergence);
        return { rowId, divergence, max: Math.max(0, ...Object.values(divergence)) };
      })
    : [];
  return { sets, stats, baseId };
}

export async function alignWorkWords(db: Db, workId: string, options: AlignWorkWordsOptions = {}): Promise<AlignWorkWordsResult> {
  const started = performance.now();
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await options.onProgress?.(0, attempt === 1 ? "Reading the texts." : `The grid changed while aligning words; aligning again (attempt ${attempt} of ${ATTEMPTS}).`);
    const input = await loadWordInput(db, workId);
    input.library = await loadLibraryRows(db, input);
    const glossaries = await glossariesOf(db, input);
    const { sets, stats, baseId } = await (options.compute ?? computeWordSets)(input, glossaries, { onProgress: options.onProgress, dictionaries: options.dictionaries });
    options.signal?.throwIfAborted();
    await options.onProgress?.(0.9, "Writing the links.");
    const result = await inWorkTransaction(db, workId, async (tx, work) => {
      if (work.gridVersion !== input.gridVersion) return null;
      options.signal?.throwIfAborted();
      await tx.wordLinkSet.deleteMany({ where: { workId, status: "automatic" } });
      await insertAutomaticSets(tx, workId, sets);
      await tx.rowWordStat.deleteMany({ where: { workId } });
      if (baseId) {
        await writeInChunks(stats, (chunk) =>
          tx.rowWordStat.createMany({
            data: chunk.map((stat) => ({ rowId: stat.rowId, workId, baseEditionId: baseId, divergence: stat.divergence, maxDivergence: stat.max })),
          }),
        );
      }
      const result: AlignWorkWordsResult = {
        pairs: pairsOf(input).length,
        rows: input.rows.length,
        links: sets.reduce((sum, set) => sum + set.aTokens.length, 0),
        keptSets: input.kept.length,
        gridVersion: work.gridVersion,
        attempts: attempt,
        milliseconds: Math.round(performance.now() - started),
      };
      await options.beforeCommit?.(tx, result);
      return result;
    }, { timeout: WRITE_TIMEOUT_MS });
    if (result === null) continue;
    await options.onProgress?.(1, "Done.");
    return result;
  }
  throw new Error("The grid kept changing while the words were being aligned; try again when editors pause.");
}
