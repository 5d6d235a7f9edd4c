/** Rows are numbered in reading order (1-based), not stored with a number: from ids to numbers and back. */
import type { Db } from "../client";

export async function rowNumbers(db: Db, workId: string, rowIds: readonly string[]): Promise<Map<string, number>> {
  if (rowIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; number: number }[]>`
    SELECT id, number FROM (
      SELECT id::text AS id, row_number() OVER (ORDER BY position)::int AS number FROM alignment_row WHERE work_id = ${workId}::uuid
    ) numbered
    WHERE id = ANY(${[...rowIds]}::text[])`;
  return new Map(rows.map((row) => [row.id, row.number]));
}

/** The id of the row with reading-order number `number`, or null when the work has fewer rows. */
export async function rowIdOfNumber(db: Db, workId: string, number: number): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM alignment_row WHERE work_id = ${workId}::uuid ORDER BY position OFFSET ${number - 1} LIMIT 1`;
  return rows[0]?.id ?? null;
}
