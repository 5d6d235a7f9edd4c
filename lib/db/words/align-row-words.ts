/**
 * Incremental word alignment (issue 9): after an edit changes rows (a grid operation, a split or merge of segments, a
 * text correction, an undo), their automatic word links are recomputed — not the whole work's. The aligner is
 * trained on a window of rows around them (load-word-input.ts, `loadWordWindow`) with the installed dictionaries,
 * the work's glossary and the editors' sets in the window, so the cost depends on the rows edited, not on the size
 * of the work. Then, under the work's lock, only rows whose cells are still exactly those aligned are written: their
 * automatic sets replaced, their divergence figures stored, open pages told; sets editors made are never touched. A
 * row that changed again meanwhile is left to the run its own edit queued.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../client";
import { notifyGridChange } from "../grid/notify";
import { WORD_REALIGNMENT_KIND } from "../../live/notification-kinds";
import type { Tx } from "../grid/types";
import { inWorkTransaction } from "../grid/work-lock";
import { computeWordSets, glossariesOf } from "./align-work-words";
import { WORD_MODEL_VERSION } from "./link-sets";
import { loadWordWindow } from "./load-word-input";

export interface AlignRowWordsOptions {
  dictionaries?: boolean;
  /** Rows of context on each side of each edited row (default WINDOW_CONTEXT). */
  context?: number;
  compute?: typeof computeWordSets;
  signal?: AbortSignal;
  /** Called last in the transaction that writes the links (the job completes there). */
  beforeCommit?: (tx: Tx, result: AlignRowWordsResult) => Promise<void>;
}

export interface AlignRowWordsResult {
  /** Rows asked for that still exist. */
  rows: number;
  /** Rows written (the others changed again while aligning). */
  written: number;
  /** Rows the model was trained on. */
  windowRows: number;
  links: number;
  milliseconds: number;
}

/** A cell's contents as a comparable string: its segments' ids and texts per edition. */
function cellsKey(cells: Record<string, { id: string; text: string }[]>): string {
  return JSON.stringify(Object.keys(cells).sort().map((edition) => [edition, cells[edition].map((segment) => [segment.id, segment.text])]));
}

export async function alignRowWords(db: Db, workId: string, rowIds: readonly string[], options: AlignRowWordsOptions = {}): Promise<AlignRowWordsResult> {
  const started = performance.now();
  const input = await loadWordWindow(db, workId, rowIds, options.context);
  const targets = new Set(input.targetRowIds);
  const glossaries = await glossariesOf(db, input);
  const { sets, stats, baseId } = await (options.compute ?? computeWordSets)(input, glossaries, { dictionaries: options.dictionaries });
  options.signal?.throwIfAborted();
  const alignedCells = new Map(input.rowIds.map((id, r) => [id, cellsKey(input.rows[r])]));
  const editionIds = new Set(input.editions.map((edition) => edition.id));

  return inWorkTransaction(db, workId, async (tx, work) => {
    options.signal?.throwIfAborted();
    const current = await tx.segment.findMany({
      where: { workId, rowId: { in: [...targets] }, edition: { supersededById: null } },
      orderBy: { position: "asc" },
      select: { id: true, rowId: true, editionId: true, text: true },
    });
    const now = new Map<string, Record<string, { id: string; text: string }[]>>();
    for (const id of targets) now.set(id, Object.fromEntries([...editionIds].map((edition) => [edition, [] as { id: string; text: string }[]])));
    for (const segment of current) now.get(segment.rowId!)?.[segment.editionId]?.push({ id: segment.id, text: segment.text });
    const unchanged = [...targets].filter((id) => cellsKey(now.get(id)!) === alignedCells.get(id));
    const segmentIds = unchanged.flatMap((id) => Object.values(now.get(id)!).flatMap((cell) => cell.map((segment) => segment.id)));
    const ofRows = new Set(segmentIds);
    const kept = await tx.wordLinkSet.findMany({
      where: { workId, status: { not: "automatic" }, segmentAId: { in: segmentIds } },
      select: { segmentAId: true, segmentBId: true },
    });
    const keptKeys = new Set(kept.map((set) => `${set.segmentAId}|${set.segmentBId}`));
    const fresh = sets.filter((set) => ofRows.has(set.segmentAId) && ofRows.has(set.segmentBId) && !keptKeys.has(`${set.segmentAId}|${set.segmentBId}`));
    await tx.wordLinkSet.deleteMany({ where: { workId, status: "automatic", OR: [{ segmentAId: { in: segmentIds } }, { segmentBId: { in: segmentIds } }] } });
    await tx.wordLinkSet.createMany({ data: fresh.map((set) => ({ ...set, workId, status: "automatic" as const, modelVersion: WORD_MODEL_VERSION })) });
    await tx.rowWordStat.deleteMany({ where: { rowId: { in: unchanged } } });
    if (baseId) {
      const written = new Set(unchanged);
      await tx.rowWordStat.createMany({
        data: stats.filter((stat) => written.has(stat.rowId)).map((stat) => ({ rowId: stat.rowId, workId, baseEditionId: baseId, divergence: stat.divergence, maxDivergence: stat.max })),
      });
    }
    const result: AlignRowWordsResult = {
      rows: targets.size,
      written: unchanged.length,
      windowRows: input.rowIds.length,
      links: fresh.reduce((sum, set) => sum + set.aTokens.length, 0),
      milliseconds: Math.round(performance.now() - started),
    };
    if (unchanged.length > 0) {
      /* Open row pages reload their links; editors ignore it (the grid's version is unchanged). */
      await notifyGridChange(tx, {
        workId,
        version: work.gridVersion,
        operationId: randomUUID(),
        kind: WORD_REALIGNMENT_KIND,
        userId: null,
        userName: null,
        summary: `Aligned the words of ${unchanged.length} edited row${unchanged.length === 1 ? "" : "s"}`,
      });
    }
    await options.beforeCommit?.(tx, result);
    return result;
  });
}
