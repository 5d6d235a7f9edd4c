/**
 * Puts a work's grid back as a snapshot holds it (capture-snapshot.ts): the grid an alignment run or an import
 * replaced, or the one a restore replaced. One transaction, under the work's lock:
 *
 * 1. editions added since the snapshot (an import, or the new text of a replaced edition) are removed — refused, with
 *    the reason, when something an editor or a scholar made depends on them (variants naming them, corrected text,
 *    split or merged sentences, word links an editor edited, an edition it replaced or that replaced it, unless the
 *    restore undoes that replacement); an edition a replacement moved aside gets its slug and place back; editions
 *    the snapshot holds whole (removed by a restore) come back with their text;
 * 2. the segments must then be the snapshot's, each at the version it had (no text corrected, no sentence split or
 *    merged since): otherwise the restore is refused, naming what changed, and nothing is written;
 * 3. the rows come back whole (ids, positions, statuses, confidences, versions), every segment to its row, the word
 *    links, the rows' cached statistics, variants to their rows; variants and bookmarks made since on rows that go
 *    follow their text to the restored row holding its first segment;
 * 4. the restore is journalled (kind "restore") under the next grid version with a snapshot of the grid it replaced,
 *    so that it can itself be restored; open editor pages hear of it.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import { recordGridWrite } from "../grid/record-grid-write";
import { requireEditor } from "../grid/require-editor";
import type { Actor, Tx } from "../grid/types";
import { inWorkTransaction } from "../grid/work-lock";
import { attachSnapshot, captureSnapshot } from "./capture-snapshot";
import { refuseIfDepended } from "./edition-dependencies";

export interface RestoreResult {
  operationId: string;
  gridVersion: number;
  summary: string;
  rows: number;
  removedEditions: string[];
  restoredEditions: string[];
}

interface SnapshotMeta {
  snapshotId: string;
  createdAt: Date;
  pivotEditionId: string | null;
  editionIds: string[];
  heldEditions: { id: string; slug: string }[];
  rows: number;
}

/** Restores the grid that the journal entry `operationId` replaced. */
export async function restoreSnapshot(db: Db, workId: string, operationId: string, actor: Actor): Promise<RestoreResult> {
  requireEditor(actor);
  return inWorkTransaction(db, workId, async (tx, work) => {
    const entry = await tx.gridOperation.findFirst({ where: { id: operationId, workId }, select: { gridVersion: true, payload: true } });
    if (!entry) throw new DomainError("not_found", "There is no such entry in this work's journal.");
    const meta = await snapshotMeta(tx, operationId);
    const what = `the grid as it was before version ${entry.gridVersion} (“${summaryOf(entry.payload)}”)`;
    if (!meta) throw new DomainError("invalid", `Version ${entry.gridVersion} of the journal keeps no snapshot of the grid it replaced; only alignment runs, imports and restores do.`);
    if (meta === "pruned") {
      throw new DomainError("conflict", `The snapshot of the grid version ${entry.gridVersion} replaced is no longer kept (older snapshots are pruned: see HEXAPLA_SNAPSHOTS_KEEP and HEXAPLA_SNAPSHOTS_DAYS); nothing was changed.`);
    }

    const current = await tx.edition.findMany({ where: { workId }, select: { id: true, slug: true, supersededById: true } });
    const currentIds = new Set(current.map((e) => e.id));
    const kept = new Set(meta.editionIds);
    const removed = current.filter((e) => !kept.has(e.id));
    const places = await editionPlaces(tx, meta.snapshotId);
    const resettled = current.filter((e) => places.has(e.id) && places.get(e.id)!.supersededById !== e.supersededById);
    const comingBack = meta.heldEditions.filter((e) => !currentIds.has(e.id));
    const lost = meta.editionIds.filter((id) => !currentIds.has(id) && !comingBack.some((e) => e.id === id));
    if (lost.length > 0) {
      throw new DomainError("conflict", `Restoring ${what} is not possible: ${lost.length === 1 ? "an edition it aligned was" : `${lost.length} editions it aligned were`} removed since, and the snapshot does not hold their text.`);
    }
    await refuseIfDepended(tx, removed, `Restoring ${what}`, resettled.map((e) => e.id));

    const newSnapshot = await captureSnapshot(tx, workId, removed.map((e) => e.id));
    if (removed.length > 0) await tx.$executeRaw`DELETE FROM edition WHERE id = ANY(${removed.map((e) => e.id)}::uuid[])`;
    await restorePlaces(tx, meta.snapshotId, resettled.map((e) => e.id));
    if (comingBack.length > 0) await reinsertEditions(tx, meta.snapshotId, comingBack.map((e) => e.id));
    await restoreSuccessions(tx, resettled.map((e) => e.id), places);
    await refuseChangedSegments(tx, workId, meta.snapshotId, what);

    const heirs = await heirsOfGoingRows(tx, workId, meta.snapshotId);
    await restoreRows(tx, workId, meta.snapshotId);
    await restoreAttachments(tx, workId, meta, heirs);
    await tx.$executeRaw`
      DELETE FROM alignment_row WHERE work_id = ${workId}::uuid
        AND id NOT IN (SELECT (r->>'id')::uuid FROM grid_snapshot g, jsonb_array_elements(g.content->'rows') r WHERE g.id = ${meta.snapshotId}::uuid)`;
    await restoreWordData(tx, workId, meta.snapshotId);

    const version = work.gridVersion + 1;
    await tx.$executeRaw`UPDATE work SET grid_version = ${version}, pivot_edition_id = ${meta.pivotEditionId}::uuid, updated_at = now() WHERE id = ${workId}::uuid`;
    const parts = [`${meta.rows} rows`];
    if (removed.length > 0) parts.push(`removed the edition${removed.length === 1 ? "" : "s"} ${removed.map((e) => `“${e.slug}”`).join(", ")}`);
    if (comingBack.length > 0) parts.push(`brought back the edition${comingBack.length === 1 ? "" : "s"} ${comingBack.map((e) => `“${e.slug}”`).join(", ")}`);
    const renamed = resettled.filter((e) => places.get(e.id)!.slug !== e.slug);
    if (renamed.length > 0) parts.push(`gave back ${renamed.map((e) => `“${e.slug}” its name “${places.get(e.id)!.slug}”`).join(", ")}`);
    const summary = `Restored the grid as it was before version ${entry.gridVersion} (${parts.join("; ")})`;
    const newEntry = await recordGridWrite(tx, {
      workId,
      kind: "restore",
      version,
      userId: actor.id,
      summary,
      details: { restoredFrom: operationId, restoredVersion: entry.gridVersion },
    });
    await attachSnapshot(tx, newSnapshot, newEntry);
    return { operationId: newEntry, gridVersion: version, summary, rows: meta.rows, removedEditions: removed.map((e) => e.slug), restoredEditions: comingBack.map((e) => e.slug) };
  });
}

function summaryOf(payload: unknown): string {
  const summary = (payload as { summary?: unknown } | null)?.summary;
  return typeof summary === "string" ? summary : "an earlier change";
}

/**
 * The snapshot the entry kept, "pruned" when the retention policy emptied it (prune-snapshots.ts), or null when none.
 * The row is locked until the restore commits: pruning waits for it, and never empties a snapshot being restored.
 */
async function snapshotMeta(tx: Tx, operationId: string): Promise<SnapshotMeta | "pruned" | null> {
  const [meta] = await tx.$queryRaw<{ id: string; pruned: boolean; created_at: Date; pivot: string | null; edition_ids: string[]; held: { id: string; slug: string }[]; rows: number }[]>`
    SELECT g.id::text, g.content IS NULL AS pruned, g.created_at, g.content->>'pivotEditionId' AS pivot,
           ARRAY(SELECT jsonb_array_elements_text(g.content->'editionIds')) AS edition_ids,
           coalesce((SELECT jsonb_agg(jsonb_build_object('id', h->'edition'->>'id', 'slug', h->'edition'->>'slug')) FROM jsonb_array_elements(g.content->'editions') h), '[]') AS held,
           jsonb_array_length(g.content->'rows') AS rows
    FROM grid_snapshot g WHERE g.operation_id = ${operationId}::uuid
    FOR SHARE OF g`;
  if (!meta) return null;
  if (meta.pruned) return "pruned";
  return { snapshotId: meta.id, createdAt: meta.created_at, pivotEditionId: meta.pivot, editionIds: meta.edition_ids, heldEditions: meta.held, rows: meta.rows };
}

interface EditionPlace {
  slug: string;
  supersededById: string | null;
}

/** Each edition's slug and successor when the snapshot was taken (none in snapshots made before editions were kept). */
async function editionPlaces(tx: Tx, snapshotId: string): Promise<Map<string, EditionPlace>> {
  const places = await tx.$queryRaw<{ id: string; slug: string; superseded_by_id: string | null }[]>`
    SELECT x->>'id' AS id, x->>'slug' AS slug, x->>'superseded_by_id' AS superseded_by_id
    FROM grid_snapshot g, jsonb_array_elements(coalesce(g.content->'editionRows', '[]')) x WHERE g.id = ${snapshotId}::uuid`;
  return new Map(places.map((p) => [p.id, { slug: p.slug, supersededById: p.superseded_by_id }]));
}

/**
 * The editions as the snapshot holds them, whole but for their successor (restoreSuccessions): undoing a replacement
 * gives the old edition back its slug and place once the new edition is gone; redoing it moves the old one aside
 * before the new one comes back. Through a temporary slug, so that two editions trading slugs never collide.
 */
async function restorePlaces(tx: Tx, snapshotId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`UPDATE edition SET slug = id::text, superseded_by_id = NULL WHERE id = ANY(${ids}::uuid[])`;
  const columns = (
    await tx.$queryRaw<{ name: string }[]>`
      SELECT attname::text AS name FROM pg_attribute
      WHERE attrelid = 'edition'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
        AND attname NOT IN ('id', 'work_id', 'superseded_by_id') ORDER BY attnum`
  ).map((c) => `"${c.name}"`);
  await tx.$executeRawUnsafe(
    `UPDATE edition e SET (${columns.join(", ")}) = (SELECT ${columns.map((c) => `r.${c}`).join(", ")})
     FROM grid_snapshot g, jsonb_array_elements(g.content->'editionRows') x, jsonb_populate_record(null::edition, x) r
     WHERE g.id = $1::uuid AND r.id = e.id AND e.id = ANY($2::uuid[])`,
    snapshotId,
    ids,
  );
}

/** The successor each edition named, once every edition is back. */
async function restoreSuccessions(tx: Tx, ids: string[], places: Map<string, EditionPlace>): Promise<void> {
  for (const id of ids) {
    const successor = places.get(id)!.supersededById;
    if (successor) await tx.$executeRaw`UPDATE edition SET superseded_by_id = ${successor}::uuid WHERE id = ${id}::uuid`;
  }
}

/** Inserts editions the snapshot holds whole, with their segments (outside any row until the rows are restored), apparatus and corrections. */
async function reinsertEditions(tx: Tx, snapshotId: string, editionIds: string[]): Promise<void> {
  const held = (part: string, cast: string) => `
    SELECT x.* FROM grid_snapshot g, jsonb_array_elements(g.content->'editions') h,
      jsonb_populate_recordset(null::${cast}, ${part}) x
    WHERE g.id = $1::uuid AND (h->'edition'->>'id')::uuid = ANY($2::uuid[])`;
  await tx.$executeRawUnsafe(`INSERT INTO edition ${held("jsonb_build_array(h->'edition')", "edition")}`, snapshotId, editionIds);
  await tx.$executeRawUnsafe(
    `INSERT INTO segment ${held("(SELECT coalesce(jsonb_agg(s || '{\"row_id\": null}'), '[]') FROM jsonb_array_elements(h->'segments') s)", "segment")}`,
    snapshotId,
    editionIds,
  );
  await tx.$executeRawUnsafe(`INSERT INTO apparatus_block ${held("h->'apparatus'", "apparatus_block")}`, snapshotId, editionIds);
  await tx.$executeRawUnsafe(`INSERT INTO source_correction ${held("h->'corrections'", "source_correction")}`, snapshotId, editionIds);
}

/** Refuses when the work's segments are not the snapshot's at the same versions. */
async function refuseChangedSegments(tx: Tx, workId: string, snapshotId: string, what: string): Promise<void> {
  const [diff] = await tx.$queryRaw<{ missing: number; added: number; changed: number }[]>`
    WITH snap AS (
      SELECT (x->>0)::uuid AS id, (x->>2)::int AS version
      FROM grid_snapshot g, jsonb_array_elements(g.content->'segments') x WHERE g.id = ${snapshotId}::uuid
    ), now AS (SELECT id, version FROM segment WHERE work_id = ${workId}::uuid)
    SELECT (SELECT count(*) FROM snap WHERE id NOT IN (SELECT id FROM now))::int AS missing,
           (SELECT count(*) FROM now WHERE id NOT IN (SELECT id FROM snap))::int AS added,
           (SELECT count(*) FROM snap JOIN now USING (id) WHERE snap.version <> now.version)::int AS changed`;
  if (diff.missing + diff.added + diff.changed === 0) return;
  const reasons = [
    diff.changed > 0 ? `the text of ${diff.changed} segment${diff.changed === 1 ? " was" : "s were"} corrected` : null,
    diff.missing + diff.added > 0 ? "sentences were split or merged" : null,
  ].filter(Boolean);
  throw new DomainError(
    "conflict",
    `Restoring ${what} is not possible: since then ${reasons.join(" and ")}. Undo those changes first (or restore a later version); nothing was changed.`,
  );
}

/** Rows that the restore removes and that carry variants or bookmarks -> the restored row holding their first segment. */
async function heirsOfGoingRows(tx: Tx, workId: string, snapshotId: string): Promise<Map<string, string>> {
  const heirs = await tx.$queryRaw<{ row_id: string; heir: string }[]>`
    WITH snap AS (SELECT content FROM grid_snapshot WHERE id = ${snapshotId}::uuid),
    snap_rows AS (SELECT (r->>'id')::uuid AS id, (r->>'position')::int AS position FROM snap, jsonb_array_elements(snap.content->'rows') r),
    snap_segments AS (SELECT (x->>0)::uuid AS id, (x->>1)::uuid AS row_id FROM snap, jsonb_array_elements(snap.content->'segments') x),
    going AS (
      SELECT r.id FROM alignment_row r
      WHERE r.work_id = ${workId}::uuid AND r.id NOT IN (SELECT id FROM snap_rows)
        AND (EXISTS (SELECT 1 FROM variant v WHERE v.row_id = r.id) OR EXISTS (SELECT 1 FROM bookmark b WHERE b.row_id = r.id))
    ),
    firsts AS (
      SELECT DISTINCT ON (s.row_id) s.row_id, ss.row_id AS heir
      FROM segment s JOIN edition e ON e.id = s.edition_id JOIN snap_segments ss ON ss.id = s.id
      WHERE s.row_id IN (SELECT id FROM going) AND ss.row_id IS NOT NULL
      ORDER BY s.row_id, (s.edition_id IS NOT DISTINCT FROM (SELECT (content->>'pivotEditionId')::uuid FROM snap)) DESC, e.position, s.position
    )
    SELECT going.id::text AS row_id, coalesce(firsts.heir, (SELECT id FROM snap_rows ORDER BY position LIMIT 1))::text AS heir
    FROM going LEFT JOIN firsts ON firsts.row_id = going.id`;
  return new Map(heirs.filter((h) => h.heir !== null).map((h) => [h.row_id, h.heir]));
}

/** The snapshot's rows back, whole, and every segment in its row. */
async function restoreRows(tx: Tx, workId: string, snapshotId: string): Promise<void> {
  await tx.$executeRaw`UPDATE alignment_row SET position = -1 - position WHERE work_id = ${workId}::uuid AND position >= 0`;
  await tx.$executeRaw`
    INSERT INTO alignment_row
    SELECT r.* FROM grid_snapshot g, jsonb_populate_recordset(null::alignment_row, g.content->'rows') r WHERE g.id = ${snapshotId}::uuid
    ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, status = EXCLUDED.status, confidence = EXCLUDED.confidence,
      version = EXCLUDED.version, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`;
  await tx.$executeRaw`
    UPDATE segment SET row_id = m.row_id
    FROM (SELECT (x->>0)::uuid AS id, (x->>1)::uuid AS row_id FROM grid_snapshot g, jsonb_array_elements(g.content->'segments') x WHERE g.id = ${snapshotId}::uuid) m
    WHERE segment.id = m.id AND segment.work_id = ${workId}::uuid AND segment.row_id IS DISTINCT FROM m.row_id`;
}

/**
 * Variants back to their rows; variants and bookmarks made since on rows that go, to their heirs. Bookmarks older
 * than the snapshot are as the snapshot holds them (so the ones a write moved go back); newer ones stay.
 */
async function restoreAttachments(tx: Tx, workId: string, meta: SnapshotMeta, heirs: Map<string, string>): Promise<void> {
  await tx.$executeRaw`
    UPDATE variant SET row_id = m.row_id, updated_at = m.updated_at
    FROM (SELECT (x->>0)::uuid AS id, (x->>1)::uuid AS row_id, (x->>2)::timestamptz AS updated_at
          FROM grid_snapshot g, jsonb_array_elements(g.content->'variants') x WHERE g.id = ${meta.snapshotId}::uuid) m
    WHERE variant.id = m.id AND variant.work_id = ${workId}::uuid AND (variant.row_id <> m.row_id OR variant.updated_at <> m.updated_at)`;
  if (heirs.size > 0) {
    const from = [...heirs.keys()];
    const to = from.map((id) => heirs.get(id)!);
    await tx.$executeRaw`
      UPDATE variant SET row_id = u.heir, updated_at = now()
      FROM unnest(${from}::uuid[], ${to}::uuid[]) AS u(row_id, heir) WHERE variant.row_id = u.row_id`;
    await tx.$executeRaw`
      INSERT INTO bookmark (user_id, row_id, created_at)
      SELECT b.user_id, u.heir, b.created_at FROM bookmark b JOIN unnest(${from}::uuid[], ${to}::uuid[]) AS u(row_id, heir) ON u.row_id = b.row_id
      WHERE b.created_at > ${meta.createdAt}
      ON CONFLICT DO NOTHING`;
  }
  await tx.$executeRaw`
    DELETE FROM bookmark b USING alignment_row r
    WHERE r.id = b.row_id AND r.work_id = ${workId}::uuid AND b.created_at <= ${meta.createdAt}`;
  await tx.$executeRaw`
    INSERT INTO bookmark
    SELECT b.* FROM grid_snapshot g, jsonb_populate_recordset(null::bookmark, g.content->'bookmarks') b
    WHERE g.id = ${meta.snapshotId}::uuid AND EXISTS (SELECT 1 FROM "user" u WHERE u.id = b.user_id)
    ON CONFLICT DO NOTHING`;
}

/** The work's word links and the rows' cached statistics as the snapshot holds them. */
async function restoreWordData(tx: Tx, workId: string, snapshotId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM word_link_set WHERE work_id = ${workId}::uuid`;
  await tx.$executeRaw`
    INSERT INTO word_link_set
    SELECT l.* FROM grid_snapshot g, jsonb_populate_recordset(null::word_link_set, g.content->'linkSets') l WHERE g.id = ${snapshotId}::uuid`;
  await tx.$executeRaw`DELETE FROM row_word_stat WHERE work_id = ${workId}::uuid`;
  await tx.$executeRaw`
    INSERT INTO row_word_stat
    SELECT t.* FROM grid_snapshot g, jsonb_populate_recordset(null::row_word_stat, g.content->'rowWordStats') t WHERE g.id = ${snapshotId}::uuid`;
  await tx.$executeRaw`DELETE FROM row_signal s USING alignment_row r WHERE r.id = s.row_id AND r.work_id = ${workId}::uuid`;
  await tx.$executeRaw`
    INSERT INTO row_signal
    SELECT s.* FROM grid_snapshot g, jsonb_populate_recordset(null::row_signal, g.content->'rowSignals') s WHERE g.id = ${snapshotId}::uuid`;
}
