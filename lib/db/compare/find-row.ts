/**
 * One row of a work found by its id or by its number (rows are numbered in reading order over the whole work), with
 * the number of rows, for pages that show one row and lead to its neighbours.
 */
import type { Db } from "../client";

export type RowRef = { id: string } | { number: number };

export async function findRow(db: Db, workId: string, ref: RowRef): Promise<{ id: string; number: number; rowCount: number } | null> {
  const id = "id" in ref ? ref.id : null;
  const number = "number" in ref ? ref.number : null;
  const [row] = await db.$queryRaw<{ id: string; number: number; rowCount: number }[]>`
    SELECT id, number, "rowCount" FROM (
      SELECT id::text AS id, row_number() OVER (ORDER BY position)::int AS number, count(*) OVER ()::int AS "rowCount"
      FROM alignment_row WHERE work_id = ${workId}::uuid
    ) numbered
    WHERE id = ${id} OR number = ${number}::int
    LIMIT 1`;
  return row ?? null;
}
