/**
 * Rows of a work by their number today, with the segments of chosen editions, and each edition's paragraph numbers
 * (¶, counted from 1 over its paragraphs and quotations; headings, datelines and notes have none): what a cited
 * passage and a printed edition are made of.
 */
import type { Db } from "../client";
import type { CompareRow } from "../compare/get-compare-rows";
import { getRowCells } from "../search/get-row-cells";

export interface RowRange {
  from: number;
  to: number;
}

/** The number of rows of the work. */
export async function countRows(db: Db, workId: string): Promise<number> {
  return db.alignmentRow.count({ where: { workId } });
}

/** The rows numbered `range.from`…`range.to` (every row without a range), in reading order, with the editions' segments. */
export async function rowsByNumber(db: Db, workId: string, editionIds: readonly string[], range?: RowRange): Promise<CompareRow[]> {
  const from = range?.from ?? 1;
  const to = range?.to ?? 2_147_483_647;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      SELECT id::text AS id, row_number() OVER (ORDER BY position)::int AS number FROM alignment_row WHERE work_id = ${workId}::uuid
    ) numbered
    WHERE number BETWEEN ${from} AND ${to}
    ORDER BY number`;
  return getRowCells(db, workId, ids.map((row) => row.id), editionIds);
}

/** Edition id → (block index → ¶ number) for the editions' paragraphs and quotations. */
export async function paragraphNumbers(db: Db, editionIds: readonly string[]): Promise<Map<string, Map<number, number>>> {
  const rows = await db.$queryRaw<{ edition_id: string; paragraph: number; number: number }[]>`
    SELECT edition_id::text AS edition_id, paragraph, dense_rank() OVER (PARTITION BY edition_id ORDER BY paragraph)::int AS number
    FROM (SELECT DISTINCT edition_id, paragraph FROM segment
          WHERE edition_id = ANY(${[...editionIds]}::uuid[]) AND kind IN ('paragraph', 'blockquote')) blocks`;
  const numbers = new Map<string, Map<number, number>>(editionIds.map((id) => [id, new Map()]));
  for (const row of rows) numbers.get(row.edition_id)?.set(row.paragraph, row.number);
  return numbers;
}

/** The number today of the row holding the segment, or null when the segment is not in the work's grid. */
export async function rowNumberOfSegment(db: Db, workId: string, segmentId: string): Promise<number | null> {
  const [found] = await db.$queryRaw<{ number: number }[]>`
    SELECT numbered.number FROM segment s
    JOIN (SELECT id, row_number() OVER (ORDER BY position)::int AS number FROM alignment_row WHERE work_id = ${workId}::uuid) numbered
      ON numbered.id = s.row_id
    WHERE s.id = ${segmentId}::uuid AND s.work_id = ${workId}::uuid`;
  return found?.number ?? null;
}
