/**
 * N-way alignment: a work's grid is built by aligning each edition to a pivot edition and merging the
 * pairwise beads into rows.
 *
 * Merge rules (mergePivotBeads):
 * - Rows follow the pivot: each pivot segment starts as its own row, and when a bead of any edition
 *   covers several pivot segments, their rows merge into one.
 * - A bead with pivot segments goes into the row holding them.
 * - A bead with no pivot segment (0-k: the edition adds text the pivot lacks) becomes its own row,
 *   placed between the rows of the pivot segments before and after it; 0-k beads of several
 *   editions at the same place share that row. When that place is inside a merged row (another
 *   edition's bead spans the pivot segments on both sides), the bead joins that row instead.
 * - Every edition's segments appear exactly once and in order; no row is empty in every edition.
 * - A row's score is the minimum score of the beads that went into it (1 when none did).
 */
import { alignPair } from "./aligner/align-pair";
import type { AlignSegment, Bead } from "./aligner/types";

export interface NwayRow {
  /** editionId → segment indices of that edition in this row ([] when it has none). */
  cells: Record<string, number[]>;
  score: number;
}

export interface PivotBeads {
  editionId: string;
  /** Number of segments of the edition. */
  count: number;
  /** Beads aligning the pivot (side a) with the edition (side b). */
  beads: Bead[];
}

function checkBeads(pivotCount: number, other: PivotBeads): void {
  let a = 0;
  let b = 0;
  for (const bead of other.beads) {
    bead.a.forEach((x, k) => {
      if (x !== a + k) throw new Error(`beads of ${other.editionId}: pivot segment ${x} out of order (expected ${a + k})`);
    });
    bead.b.forEach((y, k) => {
      if (y !== b + k) throw new Error(`beads of ${other.editionId}: segment ${y} out of order (expected ${b + k})`);
    });
    a += bead.a.length;
    b += bead.b.length;
  }
  if (a !== pivotCount || b !== other.count) {
    throw new Error(`beads of ${other.editionId} cover ${a}/${pivotCount} pivot and ${b}/${other.count} own segments`);
  }
}

interface Slot {
  cells: Map<string, number[]>;
  score: number;
}

export function mergePivotBeads(pivotCount: number, others: readonly PivotBeads[], pivotId: string): NwayRow[] {
  for (const other of others) {
    if (other.editionId === pivotId) throw new Error(`edition ${pivotId} is the pivot`);
    checkBeads(pivotCount, other);
  }
  /* cut[p]: a row boundary may fall before pivot segment p (always at 0 and pivotCount). */
  const cut = new Uint8Array(pivotCount + 1).fill(1);
  for (const other of others) {
    for (const bead of other.beads) for (let k = 1; k < bead.a.length; k++) cut[bead.a[k]] = 0;
  }
  /* Row slots in reading order: an insertion slot at every boundary, a pivot row between boundaries. */
  const insertionAt = new Map<number, Slot>();
  const rowOfPivot = new Array<Slot>(pivotCount);
  const order: Slot[] = [];
  const newSlot = (): Slot => ({ cells: new Map(), score: 1 });
  for (let p = 0; p <= pivotCount; p++) {
    if (cut[p]) {
      const insertion = newSlot();
      insertionAt.set(p, insertion);
      order.push(insertion);
      if (p === pivotCount) break;
      order.push(newSlot());
    }
    const row = order[order.length - 1];
    row.cells.set(pivotId, [...(row.cells.get(pivotId) ?? []), p]);
    rowOfPivot[p] = row;
  }
  for (const other of others) {
    let pivotSeen = 0;
    for (const bead of other.beads) {
      const slot = bead.a.length > 0 ? rowOfPivot[bead.a[0]] : (insertionAt.get(pivotSeen) ?? rowOfPivot[pivotSeen]);
      slot.cells.set(other.editionId, [...(slot.cells.get(other.editionId) ?? []), ...bead.b]);
      slot.score = Math.min(slot.score, bead.score);
      pivotSeen += bead.a.length;
    }
  }
  const editions = [pivotId, ...others.map((o) => o.editionId)];
  return order
    .filter((slot) => slot.cells.size > 0)
    .map((slot) => ({
      cells: Object.fromEntries(editions.map((id) => [id, slot.cells.get(id) ?? []])),
      score: slot.score,
    }));
}

/** An edition's text as the aligner sees it. */
export interface EditionText {
  editionId: string;
  lang: string;
  segments: AlignSegment[];
}

/** A row of the current grid; `fixed` rows were confirmed by a person and must not change. */
export interface CurrentRow {
  cells: Record<string, number[]>;
  fixed: boolean;
  score?: number;
}

export interface RealignedRow extends NwayRow {
  fixed: boolean;
}

/** Aligns two segment lists; alignPair unless a test substitutes another. */
export type PairAligner = (a: AlignSegment[], b: AlignSegment[], opts: { langA: string; langB: string }) => Bead[];

/**
 * Re-aligns the stretches of a grid between its fixed (confirmed) rows. Each stretch holds, for every
 * edition, the segments of its non-fixed rows between two fixed rows; its pivot segments are aligned
 * with each other edition's (alignPair) and merged with mergePivotBeads. Fixed rows come back exactly
 * as they were (same cells, same order relative to each other, score kept or 1); the rows between
 * them are replaced. `rows` must satisfy the grid invariants (every edition's segments once, in
 * order); editions missing from a row's cells count as empty there.
 */
export function realignBetweenFixed(
  rows: readonly CurrentRow[],
  pivot: EditionText,
  others: readonly EditionText[],
  align: PairAligner = alignPair,
): RealignedRow[] {
  const result: RealignedRow[] = [];
  let stretch: CurrentRow[] = [];
  const flush = () => {
    if (stretch.length > 0) result.push(...realignStretch(stretch, pivot, others, align));
    stretch = [];
  };
  for (const row of rows) {
    if (!row.fixed) {
      stretch.push(row);
      continue;
    }
    flush();
    result.push({ cells: structuredClone(row.cells), score: row.score ?? 1, fixed: true });
  }
  flush();
  return result;
}

function segmentsOfStretch(stretch: readonly CurrentRow[], editionId: string): number[] {
  return stretch.flatMap((row) => row.cells[editionId] ?? []).sort((x, y) => x - y);
}

function realignStretch(
  stretch: readonly CurrentRow[],
  pivot: EditionText,
  others: readonly EditionText[],
  align: PairAligner,
): RealignedRow[] {
  const pivotIndices = segmentsOfStretch(stretch, pivot.editionId);
  const indices = new Map(others.map((o) => [o.editionId, segmentsOfStretch(stretch, o.editionId)]));
  const pivotSegments = pivotIndices.map((i) => pivot.segments[i]);
  const pairwise: PivotBeads[] = others.map((other) => {
    const own = indices.get(other.editionId) ?? [];
    const beads = align(
      pivotSegments,
      own.map((i) => other.segments[i]),
      { langA: pivot.lang, langB: other.lang },
    );
    return { editionId: other.editionId, count: own.length, beads };
  });
  const global = new Map([[pivot.editionId, pivotIndices], ...indices]);
  return mergePivotBeads(pivotIndices.length, pairwise, pivot.editionId).map((row) => ({
    cells: Object.fromEntries(Object.entries(row.cells).map(([id, local]) => [id, local.map((k) => (global.get(id) ?? [])[k])])),
    score: row.score,
    fixed: false,
  }));
}
