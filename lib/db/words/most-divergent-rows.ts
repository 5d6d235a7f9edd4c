/** The rows whose editions diverge most, word by word, from the pivot (stored by the word aligner), most divergent first. */
import type { Db } from "../client";

export interface DivergentRow {
  id: string;
  number: number;
  max: number;
  /** Edition slug → divergence, highest first. */
  editions: { slug: string; divergence: number }[];
}

export async function mostDivergentRows(db: Db, workId: string, limit = 20): Promise<DivergentRow[]> {
  const rows = await db.$queryRaw<{ id: string; number: number; max: number; divergence: Record<string, number> }[]>`
    SELECT r.id::text AS id, r.number, s.max_divergence AS max, s.divergence
    FROM (SELECT id, row_number() OVER (ORDER BY position)::int AS number FROM alignment_row WHERE work_id = ${workId}::uuid) r
    JOIN row_word_stat s ON s.row_id = r.id
    ORDER BY s.max_divergence DESC, r.number
    LIMIT ${limit}`;
  const editions = await db.edition.findMany({ where: { workId }, select: { id: true, slug: true } });
  const slugOf = new Map(editions.map((edition) => [edition.id, edition.slug]));
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    max: row.max,
    editions: Object.entries(row.divergence)
      .map(([id, divergence]) => ({ slug: slugOf.get(id) ?? id, divergence }))
      .sort((a, b) => b.divergence - a.divergence),
  }));
}
