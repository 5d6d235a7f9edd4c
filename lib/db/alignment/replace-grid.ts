/**
 * Replaces a work's whole alignment grid (first alignment, demo corpus, imports, align and re-align) in the caller's
 * transaction. A row given with the `id` of one of the work's rows is that row, kept: same id, the cells, status and
 * confidence given. Every other row of the work goes; what pointed at it is handed to its heir, the new row holding
 * its first segment of the pivot (`pivotEditionId`), or, when it had none, its first segment in edition order:
 * variants move (a variant is never dropped), bookmarks move unless the user already has one there.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../client";
import { POSITION_GAP } from "../editions/import-edition";
import { writeInChunks } from "../write-in-chunks";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface NewRow {
  /** An existing row of the work to keep under its id; a new row when left out. */
  id?: string;
  /** Edition id -> segment ids in this row, in edition order. */
  cells: Record<string, string[]>;
  status: "automatic" | "confirmed";
  confidence: number | null;
}

export interface ReplaceGridOptions {
  /** The edition whose segments decide the heir of a row that goes (see above). */
  pivotEditionId?: string;
}

export interface ReplacedGrid {
  /** The rows' ids, in the order given. */
  rowIds: string[];
  /** The work's grid version after the replacement. */
  gridVersion: number;
  /** How many variants and bookmarks moved from rows that went to their heirs (bookmarks dropped as duplicates not counted). */
  moved: { variants: number; bookmarks: number };
}

export async function replaceGrid(tx: Tx, workId: string, rows: NewRow[], options: ReplaceGridOptions = {}): Promise<ReplacedGrid> {
  const existing = new Set((await tx.alignmentRow.findMany({ where: { workId }, select: { id: true } })).map((row) => row.id));
  const kept = new Set<string>();
  for (const row of rows) {
    if (row.id === undefined) continue;
    if (!existing.has(row.id)) throw new Error(`Row ${row.id} is not a row of work ${workId}; only existing rows can be kept.`);
    if (kept.has(row.id)) throw new Error(`Row ${row.id} is kept twice.`);
    kept.add(row.id);
  }
  const removed = [...existing].filter((id) => !kept.has(id));
  const attachments = await attachmentsOf(tx, removed, options.pivotEditionId);

  /* Every existing row steps aside to a negative position, so kept and new rows can take theirs without collisions. */
  if (existing.size > 0) await tx.$executeRaw`UPDATE alignment_row SET position = -1 - position WHERE work_id = ${workId}::uuid`;
  const { gridVersion } = await tx.work.update({ where: { id: workId }, data: { gridVersion: { increment: 1 } }, select: { gridVersion: true } });

  const ids = rows.map((row) => row.id ?? randomUUID());
  const created = rows.flatMap((row, index) => (row.id === undefined ? [{ row, index }] : []));
  if (created.length > 0) {
    const data = created.map(({ row, index }) => ({
      id: ids[index],
      workId,
      position: (index + 1) * POSITION_GAP,
      status: row.status,
      confidence: row.confidence,
      version: gridVersion,
    }));
    await writeInChunks(data, (chunk) => tx.alignmentRow.createMany({ data: chunk }));
  }
  const keptRows = rows.flatMap((row, index) => (row.id === undefined ? [] : [{ row, index }]));
  if (keptRows.length > 0) {
    await tx.$executeRaw`
      UPDATE alignment_row SET position = u.position, status = u.status::row_status, confidence = u.confidence,
        version = CASE WHEN alignment_row.status = u.status::row_status AND alignment_row.confidence IS NOT DISTINCT FROM u.confidence
                       THEN alignment_row.version ELSE ${gridVersion} END
      FROM unnest(${keptRows.map(({ row }) => row.id!)}::uuid[], ${keptRows.map(({ index }) => (index + 1) * POSITION_GAP)}::int[],
                  ${keptRows.map(({ row }) => row.status)}::text[], ${keptRows.map(({ row }) => row.confidence)}::float8[])
        AS u(id, position, status, confidence)
      WHERE alignment_row.id = u.id AND alignment_row.work_id = ${workId}::uuid`;
  }

  const rowOfSegment = new Map<string, string>();
  rows.forEach((row, index) => {
    for (const cell of Object.values(row.cells)) for (const segmentId of cell) rowOfSegment.set(segmentId, ids[index]);
  });
  /* Only segments whose row changes are written: each write also re-indexes the segment's text for search. */
  const segmentIds = [...rowOfSegment.keys()];
  await tx.$executeRaw`
    UPDATE segment SET row_id = NULL
    WHERE work_id = ${workId}::uuid AND row_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM unnest(${segmentIds}::uuid[]) AS u(id) WHERE u.id = segment.id)`;
  await tx.$executeRaw`
    UPDATE segment SET row_id = u.row_id
    FROM unnest(${segmentIds}::uuid[], ${[...rowOfSegment.values()]}::uuid[]) AS u(id, row_id)
    WHERE segment.id = u.id AND segment.work_id = ${workId}::uuid AND segment.row_id IS DISTINCT FROM u.row_id`;

  const moved = await handOver(tx, attachments, (rowId) => rowOfSegment.get(attachments.firstSegment.get(rowId) ?? "") ?? ids[0]);
  if (removed.length > 0) await tx.$executeRaw`DELETE FROM alignment_row WHERE id = ANY(${removed}::uuid[]) AND work_id = ${workId}::uuid`;
  return { rowIds: ids, gridVersion, moved };
}

interface Attachments {
  variants: { id: string; rowId: string }[];
  bookmarks: { userId: string; rowId: string; createdAt: Date }[];
  /** Row that goes -> the segment whose new row is its heir. */
  firstSegment: Map<string, string>;
}

async function attachmentsOf(tx: Tx, removed: string[], pivotEditionId: string | undefined): Promise<Attachments> {
  if (removed.length === 0) return { variants: [], bookmarks: [], firstSegment: new Map() };
  const variants = await tx.variant.findMany({ where: { rowId: { in: removed } }, select: { id: true, rowId: true } });
  const bookmarks = await tx.bookmark.findMany({ where: { rowId: { in: removed } }, select: { userId: true, rowId: true, createdAt: true } });
  const rowsWithAttachments = [...new Set([...variants, ...bookmarks].map((a) => a.rowId))];
  if (rowsWithAttachments.length === 0) return { variants, bookmarks, firstSegment: new Map() };
  const first = await tx.$queryRaw<{ row_id: string; segment_id: string }[]>`
    SELECT DISTINCT ON (s.row_id) s.row_id::text AS row_id, s.id::text AS segment_id
    FROM segment s JOIN edition e ON e.id = s.edition_id
    WHERE s.row_id = ANY(${rowsWithAttachments}::uuid[])
    ORDER BY s.row_id, (s.edition_id IS NOT DISTINCT FROM ${pivotEditionId ?? null}::uuid) DESC, e.position, s.position`;
  return { variants, bookmarks, firstSegment: new Map(first.map((f) => [f.row_id, f.segment_id])) };
}

async function handOver(tx: Tx, attachments: Attachments, heirOf: (rowId: string) => string): Promise<ReplacedGrid["moved"]> {
  const { variants, bookmarks } = attachments;
  if (variants.length > 0) {
    await tx.$executeRaw`
      UPDATE variant SET row_id = u.row_id, updated_at = now()
      FROM unnest(${variants.map((v) => v.id)}::uuid[], ${variants.map((v) => heirOf(v.rowId))}::uuid[]) AS u(id, row_id)
      WHERE variant.id = u.id`;
  }
  let movedBookmarks = 0;
  if (bookmarks.length > 0) {
    movedBookmarks = await tx.$executeRaw`
      INSERT INTO bookmark (user_id, row_id, created_at)
      SELECT DISTINCT ON (u.user_id, u.row_id) u.user_id, u.row_id, u.created_at
      FROM unnest(${bookmarks.map((b) => b.userId)}::text[], ${bookmarks.map((b) => heirOf(b.rowId))}::uuid[], ${bookmarks.map((b) => b.createdAt)}::timestamptz[])
        AS u(user_id, row_id, created_at)
      ORDER BY u.user_id, u.row_id, u.created_at
      ON CONFLICT DO NOTHING`;
  }
  return { variants: variants.length, bookmarks: movedBookmarks };
}
