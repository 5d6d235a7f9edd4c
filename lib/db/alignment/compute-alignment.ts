/**
 * Computes a work's new grid rows from its editions' texts (framework-free; the data layer reads and writes).
 *
 * The grid is cut into pieces: rows kept exactly as they are (confirmed rows when re-aligning) and stretches
 * aligned afresh around the pivot with realignBetweenFixed (lib/alignment/nway.ts). Aligning a whole work is one
 * stretch holding everything; re-aligning makes a stretch of every run of rows between confirmed rows; the demo
 * corpus makes a stretch of every labelled paragraph row, so the paragraph correspondence stays a hard
 * constraint. Before a stretch is merged, each edition is aligned with the pivot one pair at a time, yielding to
 * the event loop and reporting progress between pairs; realignBetweenFixed then takes those beads.
 */
import { alignPair, type AlignSegment, type Bead } from "../../alignment/aligner";
import { realignBetweenFixed, type CurrentRow, type EditionText, type PairAligner } from "../../alignment/nway";
import type { NewRow } from "./replace-grid";

/** An edition's text as the aligner sees it, with the ids of its segments (same order). */
export interface AlignedEdition extends EditionText {
  /** How messages name the edition (its slug). */
  name: string;
  segmentIds: string[];
}

/** A row of the current grid: cells as segment indices of each edition. */
export interface ExistingRow {
  id: string;
  status: "automatic" | "confirmed";
  confidence: number | null;
  cells: Record<string, number[]>;
}

export type Piece = { kind: "keep"; row: ExistingRow } | { kind: "align"; rows: CurrentRow[] };

/** Reports the share of the aligning done (0..1) and what is being done; awaited between pairs. */
export type ProgressReport = (done: number, message: string) => Promise<void> | void;

export interface ComputedGrid {
  rows: NewRow[];
  /** Rows kept as they were (confirmed rows when re-aligning). */
  kept: number;
  /** New rows that are identical to an automatic row of the old grid and take over its id. */
  reused: number;
}

/** Every segment of every edition in one stretch: a whole-work alignment. */
export function wholeWork(editions: readonly AlignedEdition[]): Piece[] {
  return [{ kind: "align", rows: [{ cells: Object.fromEntries(editions.map((e) => [e.editionId, e.segments.map((_, i) => i)])), fixed: false }] }];
}

/** Confirmed rows kept, every run of other rows between them a stretch to re-align. */
export function betweenConfirmed(rows: readonly ExistingRow[]): Piece[] {
  const pieces: Piece[] = [];
  for (const row of rows) {
    if (row.status === "confirmed") {
      pieces.push({ kind: "keep", row });
      continue;
    }
    const last = pieces[pieces.length - 1];
    const current: CurrentRow = { cells: row.cells, fixed: false };
    if (last?.kind === "align") last.rows.push(current);
    else pieces.push({ kind: "align", rows: [current] });
  }
  return pieces;
}

/** Each row its own stretch: refines rows into smaller ones without crossing their boundaries. */
export function withinEachRow(rows: readonly { cells: Record<string, number[]> }[]): Piece[] {
  return rows.map((row) => ({ kind: "align", rows: [{ cells: row.cells, fixed: false }] }));
}

function stretchIndices(rows: readonly CurrentRow[], editionId: string): number[] {
  return rows.flatMap((row) => row.cells[editionId] ?? []).sort((x, y) => x - y);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function computeAlignment(
  pieces: readonly Piece[],
  pivot: AlignedEdition,
  others: readonly AlignedEdition[],
  options: { previous?: readonly ExistingRow[]; onProgress?: ProgressReport } = {},
): Promise<ComputedGrid> {
  const stretches = pieces.flatMap((piece) => (piece.kind === "align" ? [piece.rows] : []));
  const total = stretches.reduce(
    (sum, rows) => sum + others.reduce((s, other) => s + stretchIndices(rows, pivot.editionId).length + stretchIndices(rows, other.editionId).length, 0),
    0,
  );
  let done = 0;
  /* Beads of each (stretch, edition) pair, keyed by the edition's first segment of the stretch. */
  const beadsByFirstSegment = new Map<AlignSegment, Bead[]>();
  for (const [s, rows] of stretches.entries()) {
    const a = stretchIndices(rows, pivot.editionId).map((i) => pivot.segments[i]);
    for (const other of others) {
      const b = stretchIndices(rows, other.editionId).map((i) => other.segments[i]);
      if (b.length > 0) beadsByFirstSegment.set(b[0], alignPair(a, b, { langA: pivot.lang, langB: other.lang }));
      done += a.length + b.length;
      const where = stretches.length > 1 ? ` (stretch ${s + 1} of ${stretches.length})` : "";
      await options.onProgress?.(total === 0 ? 1 : done / total, `Aligned “${other.name}” with the pivot “${pivot.name}”${where}.`);
      await yieldToEventLoop();
    }
  }
  const precomputed: PairAligner = (a, b, opts) => (b.length > 0 ? beadsByFirstSegment.get(b[0]) : undefined) ?? alignPair(a, b, opts);

  const editions = [pivot, ...others];
  const idsOf = (cells: Record<string, number[]>) =>
    Object.fromEntries(editions.map((e) => [e.editionId, (cells[e.editionId] ?? []).map((i) => e.segmentIds[i])]));
  const rows: NewRow[] = [];
  let kept = 0;
  for (const piece of pieces) {
    if (piece.kind === "keep") {
      rows.push({ id: piece.row.id, cells: idsOf(piece.row.cells), status: piece.row.status, confidence: piece.row.confidence });
      kept += 1;
      continue;
    }
    for (const row of realignBetweenFixed(piece.rows, pivot, others, precomputed)) {
      rows.push({ cells: idsOf(row.cells), status: "automatic", confidence: Math.min(1, Math.max(0, row.score)) });
    }
  }
  const reused = reuseIdsOfUnchangedRows(rows, options.previous ?? [], editions);
  return { rows, kept, reused };
}

/** New rows whose cells equal an old row's (one not kept) take its id, so what points at that row stays. Returns how many. */
function reuseIdsOfUnchangedRows(rows: NewRow[], previous: readonly ExistingRow[], editions: readonly AlignedEdition[]): number {
  const keyOf = (cells: Record<string, readonly string[]>) => editions.map((e) => (cells[e.editionId] ?? []).join(",")).join("|");
  const keptIds = new Set(rows.flatMap((row) => (row.id ? [row.id] : [])));
  const oldByKey = new Map<string, string>();
  for (const old of previous) {
    if (keptIds.has(old.id)) continue;
    const cells = Object.fromEntries(editions.map((e) => [e.editionId, (old.cells[e.editionId] ?? []).map((i) => e.segmentIds[i])]));
    oldByKey.set(keyOf(cells), old.id);
  }
  let reused = 0;
  for (const row of rows) {
    if (row.id !== undefined) continue;
    const id = oldByKey.get(keyOf(row.cells));
    if (id === undefined) continue;
    row.id = id;
    oldByKey.delete(keyOf(row.cells));
    reused += 1;
  }
  return reused;
}
