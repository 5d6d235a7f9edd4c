/**
 * Computes the signals of some rows of a work from their texts (over all the work's editions) and stores them
 * in row_signal with the fingerprint of those texts. Rows are independent, so a second app server computing
 * the same rows at the same time only writes the same values twice; a row deleted meanwhile is skipped.
 */
import { createHash } from "node:crypto";
import type { RowCell } from "../../diff/anchors";
import { computeRowSignal, ROW_SIGNAL_VERSION, type StoredRowSignal } from "../../diff/row-signals";
import type { Db } from "../client";

/** Rows computed and written per round trip. */
const BATCH_ROWS = 200;

export interface RowSegmentText {
  rowId: string;
  editionId: string;
  text: string;
}

/**
 * The fingerprint of a row's texts: md5 of the signal version and the segments ordered by edition id and
 * position. `rowFingerprintsSql` computes the same value in PostgreSQL.
 */
export function rowFingerprint(segments: readonly Omit<RowSegmentText, "rowId">[]): string {
  const lines = segments.map((segment) => `${segment.editionId}\t${segment.text}`);
  return createHash("md5").update([ROW_SIGNAL_VERSION, ...lines].join("\n")).digest("hex");
}

interface SegmentRecord extends RowSegmentText {
  language: string;
}

/** One cell per edition, in display order (an anchor is named as the first edition that has it writes it). */
function cellsOf(editions: { id: string; language: string }[], segments: SegmentRecord[]): RowCell[] {
  return editions.map((edition) => ({
    editionId: edition.id,
    lang: edition.language,
    text: segments
      .filter((segment) => segment.editionId === edition.id)
      .map((segment) => segment.text)
      .join(" "),
  }));
}

/** Computes and stores the signals of `rowIds` (rows of `workId`); returns them by row id. */
export async function refreshRowSignals(db: Db, workId: string, rowIds: readonly string[]): Promise<Map<string, StoredRowSignal>> {
  const computed = new Map<string, StoredRowSignal>();
  if (rowIds.length === 0) return computed;
  const editions = await db.edition.findMany({ where: { workId }, select: { id: true, language: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  for (let start = 0; start < rowIds.length; start += BATCH_ROWS) {
    const batch = rowIds.slice(start, start + BATCH_ROWS);
    const segments = await db.$queryRaw<SegmentRecord[]>`
      SELECT s.row_id::text AS "rowId", s.edition_id::text AS "editionId", e.language, s.text
      FROM segment s JOIN edition e ON e.id = s.edition_id
      WHERE s.work_id = ${workId}::uuid AND s.row_id = ANY(${batch}::uuid[])
      ORDER BY s.row_id, s.edition_id::text, s.position`;
    const byRow = new Map<string, SegmentRecord[]>(batch.map((id) => [id, []]));
    for (const segment of segments) byRow.get(segment.rowId)!.push(segment);
    const records = [...byRow].map(([rowId, rowSegments]) => {
      const signal = computeRowSignal(cellsOf(editions, rowSegments));
      computed.set(rowId, signal);
      return { row_id: rowId, fingerprint: rowFingerprint(rowSegments), lengths: signal.lengths, differences: signal.differences };
    });
    await db.$executeRaw`
      INSERT INTO row_signal (row_id, fingerprint, lengths, differences, computed_at)
      SELECT r.row_id, r.fingerprint, r.lengths, r.differences, now()
      FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(row_id uuid, fingerprint text, lengths jsonb, differences jsonb)
      JOIN alignment_row a ON a.id = r.row_id AND a.work_id = ${workId}::uuid
      FOR KEY SHARE OF a
      ON CONFLICT (row_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, lengths = EXCLUDED.lengths,
        differences = EXCLUDED.differences, computed_at = EXCLUDED.computed_at`;
  }
  return computed;
}
