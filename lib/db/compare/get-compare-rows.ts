import { db } from "../client";
import type { SegmentKind } from "../generated/enums";

export interface CompareSegment {
  id: string;
  text: string;
  kind: SegmentKind;
  paragraph: number;
  headingLevel: number | null;
}

export interface CompareRow {
  id: string;
  /** 1-based row number in reading order: what links (#r12) and the jump box use. */
  number: number;
  status: "automatic" | "confirmed";
  confidence: number | null;
  version: number;
  cells: Record<string, CompareSegment[]>;
}

/** The grid rows of a work with the segments of the chosen editions, in reading order. */
export async function getCompareRows(workId: string, editionIds: string[]): Promise<CompareRow[]> {
  const [rows, segments] = await Promise.all([
    db().alignmentRow.findMany({
      where: { workId },
      orderBy: { position: "asc" },
      select: { id: true, status: true, confidence: true, version: true },
    }),
    db().segment.findMany({
      where: { workId, editionId: { in: editionIds }, rowId: { not: null } },
      orderBy: { position: "asc" },
      select: { id: true, rowId: true, editionId: true, text: true, kind: true, paragraph: true, headingLevel: true },
    }),
  ]);
  const byRow = new Map<string, CompareRow>();
  const result = rows.map((row, index) => {
    const compareRow: CompareRow = { ...row, number: index + 1, cells: Object.fromEntries(editionIds.map((id) => [id, []])) };
    byRow.set(row.id, compareRow);
    return compareRow;
  });
  for (const { rowId, editionId, ...segment } of segments) {
    byRow.get(rowId!)?.cells[editionId].push(segment);
  }
  return result;
}
