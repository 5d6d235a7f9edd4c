/**
 * A snapshot of a work's grid, taken inside the transaction of a whole-grid write (aligning, an import, replacing an
 * edition's text, a restore)
 * before it changes anything, and attached to that write's journal entry, so that an editor can put the grid back
 * (restore-snapshot.ts). It is built and stored by PostgreSQL itself (the content never passes through the app), as
 * one jsonb document:
 *
 * - `pivotEditionId`, `editionIds`: the work's pivot and editions then;
 * - `editionRows`: those editions' rows, whole (replacing an edition's text moves the old edition to another slug
 *   and position, naming its successor: a restore puts that back);
 * - `rows`: every `alignment_row` of the work, whole (`to_jsonb`), in reading order;
 * - `segments`: `[id, row_id, version]` of every segment (its row, and its version, which every text change moves);
 * - `linkSets`, `rowWordStats`, `rowSignals`: the work's word-link sets and the rows' cached statistics, whole;
 * - `variants`: `[id, row_id, updated_at]`; `bookmarks`: the bookmarks on the work's rows, whole;
 * - `editions`: editions the write is about to remove (a restore that undoes an import), each whole with its
 *   segments, apparatus and corrections, so that restoring this snapshot brings them back.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "../grid/types";

export const SNAPSHOT_FORMAT = 1;

/** Stores the work's grid as it is now; returns the snapshot's id (attach it to the journal entry with attachSnapshot). */
export async function captureSnapshot(tx: Tx, workId: string, removedEditionIds: readonly string[] = []): Promise<string> {
  const id = randomUUID();
  await tx.$executeRaw`
    INSERT INTO grid_snapshot (id, work_id, content)
    SELECT ${id}::uuid, w.id, jsonb_build_object(
      'format', ${SNAPSHOT_FORMAT}::int,
      'pivotEditionId', w.pivot_edition_id,
      'editionIds', coalesce((SELECT jsonb_agg(e.id ORDER BY e.position) FROM edition e WHERE e.work_id = w.id), '[]'),
      'editionRows', coalesce((SELECT jsonb_agg(to_jsonb(e) ORDER BY e.position) FROM edition e WHERE e.work_id = w.id), '[]'),
      'rows', coalesce((SELECT jsonb_agg(to_jsonb(r) ORDER BY r.position) FROM alignment_row r WHERE r.work_id = w.id), '[]'),
      'segments', coalesce((SELECT jsonb_agg(jsonb_build_array(s.id, s.row_id, s.version)) FROM segment s WHERE s.work_id = w.id), '[]'),
      'linkSets', coalesce((SELECT jsonb_agg(to_jsonb(l)) FROM word_link_set l WHERE l.work_id = w.id), '[]'),
      'rowWordStats', coalesce((SELECT jsonb_agg(to_jsonb(t)) FROM row_word_stat t WHERE t.work_id = w.id), '[]'),
      'rowSignals', coalesce((SELECT jsonb_agg(to_jsonb(g)) FROM row_signal g JOIN alignment_row r ON r.id = g.row_id WHERE r.work_id = w.id), '[]'),
      'variants', coalesce((SELECT jsonb_agg(jsonb_build_array(v.id, v.row_id, v.updated_at)) FROM variant v WHERE v.work_id = w.id), '[]'),
      'bookmarks', coalesce((SELECT jsonb_agg(to_jsonb(b)) FROM bookmark b JOIN alignment_row r ON r.id = b.row_id WHERE r.work_id = w.id), '[]'),
      'editions', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
          'edition', to_jsonb(e),
          'segments', coalesce((SELECT jsonb_agg(to_jsonb(s) ORDER BY s.position) FROM segment s WHERE s.edition_id = e.id), '[]'),
          'apparatus', coalesce((SELECT jsonb_agg(to_jsonb(a)) FROM apparatus_block a WHERE a.edition_id = e.id), '[]'),
          'corrections', coalesce((SELECT jsonb_agg(to_jsonb(c)) FROM source_correction c WHERE c.edition_id = e.id), '[]')
        ) ORDER BY e.position)
        FROM edition e WHERE e.work_id = w.id AND e.id = ANY(${[...removedEditionIds]}::uuid[])), '[]')
    )
    FROM work w WHERE w.id = ${workId}::uuid`;
  return id;
}

/** Ties the snapshot to the journal entry of the write that replaced the grid it holds. */
export async function attachSnapshot(tx: Tx, snapshotId: string, operationId: string): Promise<void> {
  await tx.gridSnapshot.update({ where: { id: snapshotId }, data: { operationId } });
}

/** Attaches the snapshot to the work's journal entry under `gridVersion` (for writers that do not get the entry's id back). */
export async function attachSnapshotToVersion(tx: Tx, snapshotId: string, workId: string, gridVersion: number): Promise<void> {
  const entry = await tx.gridOperation.findUniqueOrThrow({ where: { workId_gridVersion: { workId, gridVersion } }, select: { id: true } });
  await attachSnapshot(tx, snapshotId, entry.id);
}
