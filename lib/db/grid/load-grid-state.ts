/**
 * Reads a work's grid as the pure operations see it (segment ids only), with the positions the writes need.
 * The grid's editions are those with aligned segments, in display order; an edition imported but not aligned
 * yet (every segment without a row) is not part of the grid. Every write reads the grid twice (before, and to
 * check what it wrote), so the rows and each edition's segments come back as one string each: on a 2,000-row
 * grid of five editions that is several times faster than a result row per segment.
 */
import type { GridRow, RowStatus } from "../../alignment/grid";
import type { GridState } from "../../alignment/operations";
import type { Tx } from "./types";

export interface StoredGrid {
  state: GridState;
  /** Row id -> position, for every row of the work. */
  rowPositions: Map<string, number>;
  /** Segment id -> its edition, for every segment of the grid's editions. */
  editionOfSegment: Map<string, string>;
}

export async function loadGridState(tx: Tx, workId: string): Promise<StoredGrid> {
  const [[rowList], segmentLists] = [
    await tx.$queryRaw<{ rows: string | null }[]>`
      SELECT string_agg(id::text || ' ' || position || ' ' || status::text || ' ' || coalesce(confidence::text, '-'), ',' ORDER BY position) AS rows
      FROM alignment_row WHERE work_id = ${workId}::uuid`,
    await tx.$queryRaw<{ edition_id: string; ids: string; row_ids: string }[]>`
      SELECT s.edition_id::text,
             string_agg(s.id::text, ',' ORDER BY s.position) AS ids,
             string_agg(coalesce(s.row_id::text, '-'), ',' ORDER BY s.position) AS row_ids
      FROM segment s JOIN edition e ON e.id = s.edition_id
      WHERE s.work_id = ${workId}::uuid
        AND s.edition_id IN (SELECT DISTINCT a.edition_id FROM segment a WHERE a.work_id = ${workId}::uuid AND a.row_id IS NOT NULL)
      GROUP BY s.edition_id, e.position
      ORDER BY e.position, s.edition_id`,
  ];
  const rows: GridRow[] = [];
  const rowById = new Map<string, GridRow>();
  const rowPositions = new Map<string, number>();
  for (const entry of rowList.rows === null ? [] : rowList.rows.split(",")) {
    const [id, position, status, confidence] = entry.split(" ");
    const row: GridRow = { id, cells: {}, status: status as RowStatus, confidence: confidence === "-" ? null : Number(confidence) };
    rows.push(row);
    rowById.set(id, row);
    rowPositions.set(id, Number(position));
  }
  const editionIds = segmentLists.map((list) => list.edition_id);
  for (const row of rows) for (const e of editionIds) row.cells[e] = [];
  const segments: Record<string, string[]> = {};
  const editionOfSegment = new Map<string, string>();
  for (const { edition_id: editionId, ids, row_ids: rowIds } of segmentLists) {
    const segmentIds = ids.split(",");
    const segmentRows = rowIds.split(",");
    segments[editionId] = segmentIds;
    segmentIds.forEach((id, i) => {
      editionOfSegment.set(id, editionId);
      rowById.get(segmentRows[i])?.cells[editionId].push(id);
    });
  }
  return { state: { grid: { editionIds, rows }, segments }, rowPositions, editionOfSegment };
}
