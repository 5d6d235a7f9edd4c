/**
 * Some rows of a work with the segments of the chosen editions: the compare view's page of rows, and the rows
 * beside search hits. Rows are numbered in reading order over the whole work.
 */
import type { CompareRow } from "../compare/get-compare-rows";
import type { Db } from "../client";

export async function getRowCells(db: Db, workId: string, rowIds: readonly string[], editionIds: readonly string[]): Promise<CompareRow[]> {
  if (rowIds.length === 0) return [];
  const [rows, segments] = await Promise.all([
    db.$queryRaw<Omit<CompareRow, "cells">[]>`
      SELECT id, number, status::text AS status, confidence, version FROM (
        SELECT id::text AS id, row_number() OVER (ORDER BY position)::int AS number, status, confidence, version
        FROM alignment_row WHERE work_id = ${workId}::uuid
      ) numbered
      WHERE id = ANY(${[...rowIds]}::text[])
      ORDER BY number`,
    db.segment.findMany({
      where: { workId, rowId: { in: [...rowIds] }, editionId: { in: [...editionIds] } },
      orderBy: { position: "asc" },
      select: { id: true, rowId: true, editionId: true, text: true, kind: true, paragraph: true, headingLevel: true },
    }),
  ]);
  const byId = new Map<string, CompareRow>(
    rows.map((row) => [row.id, { ...row, cells: Object.fromEntries(editionIds.map((id) => [id, []])) }]),
  );
  for (const { rowId, editionId, ...segment } of segments) byId.get(rowId!)?.cells[editionId].push(segment);
  return [...byId.values()];
}
