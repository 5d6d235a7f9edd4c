/**
 * Aligns a new text against a reference edition with the automatic aligner (lib/alignment/aligner), inside the
 * import's transaction and before the text's segments are written, so that each segment is written once, already
 * in its row:
 * - `place`: into the existing rows (see place-by-beads.ts: no row is created, moved or removed, so confirmed rows
 *   keep every other edition's text; automatic rows that receive text take the lower of their confidence and the
 *   aligner's);
 * - `new-grid`: when the work has no grid yet, the reference and the new text make its first one, a row per bead.
 * `assertInGridOrder` checks afterwards that the new edition reads in order down the grid. A long text is aligned by
 * a job instead (lib/db/jobs/kinds/align-edition.ts), which computes the beads on a worker thread and passes them in.
 */
import { alignPair, type Bead } from "../../alignment/aligner";
import { replaceGrid } from "../alignment/replace-grid";
import { placeByBeads } from "./place-by-beads";
import type { AlignmentMode, AlignmentOutcome, Tx } from "./types";

export interface NewText {
  language: string;
  segments: { text: string; paragraph: number }[];
}

export interface PreparedAlignment {
  /** The row of each new segment, in reading order. */
  rowOf: string[];
  outcome: AlignmentOutcome;
}

export async function alignNewText(
  tx: Tx,
  workId: string,
  reference: { id: string; slug: string },
  mode: Extract<AlignmentMode, "place" | "new-grid">,
  text: NewText,
  options: { beads?: readonly Bead[] } = {},
): Promise<PreparedAlignment> {
  const [edition, referenceSegments] = await Promise.all([
    tx.edition.findUniqueOrThrow({ where: { id: reference.id }, select: { language: true } }),
    tx.segment.findMany({ where: { editionId: reference.id }, orderBy: { position: "asc" }, select: { id: true, text: true, paragraph: true, rowId: true } }),
  ]);
  const beads = options.beads ?? alignPair(referenceSegments, text.segments, { langA: edition.language, langB: text.language });

  if (mode === "new-grid") {
    await replaceGrid(
      tx,
      workId,
      beads.map((bead) => ({ cells: { [reference.id]: bead.a.map((i) => referenceSegments[i].id) }, status: "automatic", confidence: bead.score })),
    );
    const rows = await tx.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
    const rowOf = beads.flatMap((bead, k) => bead.b.map(() => rows[k].id));
    return { rowOf, outcome: { mode, reference: reference.slug, rows: beads.length, confirmedRows: 0 } };
  }

  const referenceRows = referenceSegments.map((segment) => {
    if (segment.rowId == null) throw new Error(`segment ${segment.id} of the reference edition is in no row`);
    return segment.rowId;
  });
  const { rowOf, scoreOfRow } = placeByBeads(referenceRows, text.segments.length, beads);
  const [{ grid_version: version }] = await tx.$queryRaw<{ grid_version: number }[]>`
    UPDATE work SET grid_version = grid_version + 1, updated_at = now() WHERE id = ${workId}::uuid RETURNING grid_version`;
  const rowIds = [...scoreOfRow.keys()];
  await tx.$executeRaw`
    UPDATE alignment_row SET
      confidence = CASE WHEN status = 'automatic' THEN LEAST(COALESCE(confidence, u.score), u.score) ELSE confidence END,
      version = ${version}, updated_at = now()
    FROM unnest(${rowIds}::uuid[], ${rowIds.map((id) => scoreOfRow.get(id)!)}::float8[]) AS u(id, score)
    WHERE alignment_row.id = u.id AND alignment_row.work_id = ${workId}::uuid`;
  const confirmedRows = await tx.alignmentRow.count({ where: { id: { in: rowIds }, status: "confirmed" } });
  return { rowOf, outcome: { mode, reference: reference.slug, rows: rowIds.length, confirmedRows } };
}

/** Every segment of the edition is in a row, and reading the rows in order gives the segments in order. */
export async function assertInGridOrder(tx: Tx, editionId: string): Promise<void> {
  const placed = await tx.$queryRaw<{ row_position: number | null }[]>`
    SELECT r.position AS row_position FROM segment s LEFT JOIN alignment_row r ON r.id = s.row_id
    WHERE s.edition_id = ${editionId}::uuid ORDER BY s.position`;
  placed.forEach((segment, i) => {
    if (segment.row_position == null) throw new Error("an aligned segment was left without a row");
    if (i > 0 && segment.row_position < placed[i - 1].row_position!) throw new Error("the aligned edition would not read in order down the grid");
  });
}
