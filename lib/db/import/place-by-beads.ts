/**
 * Where a newly imported edition's segments go in an existing grid, from the aligner's beads between a reference
 * edition already in the grid (side a) and the new edition (side b). Rows are never created, split, merged or
 * reordered, so every other edition's segments — and the rows editors confirmed — stay exactly where they are:
 * - the new segments of a bead go into the row holding the bead's first reference segment;
 * - a bead without reference segments (text the reference lacks) joins the row of the bead before it (the first
 *   reference row when it comes first).
 * Reference segments are in grid order, so the new edition's segments are too, each in exactly one row.
 */
import type { Bead } from "../../alignment/aligner";

export interface Placement {
  /** For each new segment, in order, the row it goes into. */
  rowOf: string[];
  /** For each row receiving new segments, the lowest score of the beads that put them there. */
  scoreOfRow: Map<string, number>;
}

/** `referenceRows[i]` is the row of the reference edition's segment i. */
export function placeByBeads(referenceRows: readonly string[], newCount: number, beads: readonly Bead[]): Placement {
  if (referenceRows.length === 0) throw new Error("the reference edition has no segments in the grid");
  const rowOf: string[] = [];
  const scoreOfRow = new Map<string, number>();
  let expectedA = 0;
  let target = referenceRows[0];
  for (const bead of beads) {
    bead.a.forEach((index, k) => {
      if (index !== expectedA + k) throw new Error(`bead reference segment ${index} is out of order (expected ${expectedA + k})`);
    });
    expectedA += bead.a.length;
    if (bead.a.length > 0) target = referenceRows[bead.a[0]];
    for (const index of bead.b) {
      if (index !== rowOf.length) throw new Error(`bead segment ${index} of the new edition is out of order (expected ${rowOf.length})`);
      rowOf.push(target);
    }
    if (bead.b.length > 0) scoreOfRow.set(target, Math.min(scoreOfRow.get(target) ?? 1, bead.score));
  }
  if (rowOf.length !== newCount) throw new Error(`the beads place ${rowOf.length} of the new edition's ${newCount} segments`);
  if (expectedA !== referenceRows.length) throw new Error(`the beads cover ${expectedA} of the reference edition's ${referenceRows.length} segments`);
  return { rowOf, scoreOfRow };
}
