/**
 * What an alignment run will do to a work's grid, told before it runs (the alignment page asks before starting one):
 * how many rows it re-aligns (any of them may change) and how many confirmed rows it keeps as they are — all of
 * them, unless an edition is not in the grid yet: then "Align" aligns the whole work afresh, confirmed rows included,
 * and "Re-align" is refused (align-work.ts). Read from counts, without running the aligner.
 */
import type { Db } from "../client";
import type { AlignMode } from "./align-work";

export interface AlignmentPreview {
  mode: AlignMode;
  /** Rows in the grid now. */
  rows: number;
  confirmedRows: number;
  /** Rows the run aligns afresh (it may change any of them). */
  rowsToChange: number;
  /** Confirmed rows the run keeps exactly as they are. */
  confirmedKept: number;
  /** Editions with text that are not in the grid yet (confirmed rows have no place for them). */
  editionsOutsideGrid: string[];
  /** A re-alignment that would be refused (editions outside the grid while rows are confirmed). */
  refused: boolean;
  /** In words, for the confirmation step. */
  message: string;
}

export async function previewAlignment(db: Db, workId: string, mode: AlignMode): Promise<AlignmentPreview> {
  const [counts] = await db.$queryRaw<{ rows: number; confirmed: number }[]>`
    SELECT count(*)::int AS rows, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed FROM alignment_row WHERE work_id = ${workId}::uuid`;
  const outside = await db.$queryRaw<{ slug: string }[]>`
    SELECT e.slug FROM edition e
    WHERE e.work_id = ${workId}::uuid AND e.superseded_by_id IS NULL
      AND EXISTS (SELECT 1 FROM segment s WHERE s.edition_id = e.id)
      AND NOT EXISTS (SELECT 1 FROM segment s WHERE s.edition_id = e.id AND s.row_id IS NOT NULL)
    ORDER BY e.position`;
  const editionsOutsideGrid = outside.map((e) => e.slug);
  const afresh = counts.confirmed > 0 && editionsOutsideGrid.length > 0;
  const refused = afresh && mode === "realign";
  const confirmedKept = afresh ? 0 : counts.confirmed;
  const rowsToChange = counts.rows - confirmedKept;
  return { mode, rows: counts.rows, confirmedRows: counts.confirmed, rowsToChange, confirmedKept, editionsOutsideGrid, refused, message: describe() };

  function describe(): string {
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const names = editionsOutsideGrid.map((slug) => `“${slug}”`).join(", ");
    if (refused) return `Re-aligning keeps the confirmed rows, which have no place for ${names} (not aligned yet). Align the whole work instead.`;
    if (counts.rows === 0) return "This will align the work for the first time.";
    const undo = " The grid it replaces is kept: you can restore it from the journal.";
    if (afresh) {
      return `This will align all ${plural(counts.rows, "row", "rows")} afresh, including the ${plural(counts.confirmed, "confirmed row", "confirmed rows")}, because ${names} ${editionsOutsideGrid.length === 1 ? "is" : "are"} not in the grid yet.${undo}`;
    }
    const kept = counts.confirmed === 0 ? "there are no confirmed rows to keep" : `${plural(counts.confirmed, "confirmed row is", "confirmed rows are")} kept`;
    return `This will change up to ${plural(rowsToChange, "row", "rows")} (every row that is not confirmed); ${kept}.${undo}`;
  }
}
