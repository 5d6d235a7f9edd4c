/** Replaces a work's whole alignment grid (first alignment, demo corpus, full re-alignment) in the caller's transaction. */
import { randomUUID } from "node:crypto";
import type { Db } from "../client";
import { POSITION_GAP } from "../editions/import-edition";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface NewRow {
  /** Edition id -> segment ids in this row, in edition order. */
  cells: Record<string, string[]>;
  status: "automatic" | "confirmed";
  confidence: number | null;
}

export async function replaceGrid(tx: Tx, workId: string, rows: NewRow[]): Promise<void> {
  await tx.segment.updateMany({ where: { workId }, data: { rowId: null } });
  await tx.alignmentRow.deleteMany({ where: { workId } });
  const ids = rows.map(() => randomUUID());
  await tx.alignmentRow.createMany({
    data: rows.map((row, index) => ({
      id: ids[index],
      workId,
      position: (index + 1) * POSITION_GAP,
      status: row.status,
      confidence: row.confidence,
    })),
  });
  const segmentIds: string[] = [];
  const rowIds: string[] = [];
  rows.forEach((row, index) => {
    for (const cell of Object.values(row.cells)) {
      for (const segmentId of cell) {
        segmentIds.push(segmentId);
        rowIds.push(ids[index]);
      }
    }
  });
  await tx.$executeRaw`
    UPDATE segment SET row_id = u.row_id
    FROM unnest(${segmentIds}::uuid[], ${rowIds}::uuid[]) AS u(id, row_id)
    WHERE segment.id = u.id AND segment.work_id = ${workId}::uuid`;
  await tx.work.update({ where: { id: workId }, data: { gridVersion: { increment: 1 } } });
}
