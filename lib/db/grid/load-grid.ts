/**
 * The grid as the editor page shows it, read in one snapshot so that the version matches the rows: the whole
 * grid (the API), or for the page of a grid of any length its first rows, the outline of every row without text,
 * pages of rows by id as they come into view, and what changed since a version (see editor-grid.ts).
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import type { EditorEdition, EditorGrid, EditorOutline, EditorRow, EditorSegment, EditorStart, GridPatch, OutlineEntry } from "./editor-grid";
import { changesSince, coversVersions } from "./list-changes";
import type { Tx } from "./types";

const SNAPSHOT = { isolationLevel: "RepeatableRead" as const, maxWait: 10_000, timeout: 30_000 };

export async function loadEditorGrid(db: Db, workId: string): Promise<EditorGrid> {
  return db.$transaction(async (tx) => {
    const work = await requireWork(tx, workId);
    const editions = await gridEditions(tx, workId);
    const rows = await editorRows(tx, workId, null);
    return { workId, version: work.gridVersion, editions, rows };
  }, SNAPSHOT);
}

/** The grid's editions, in display order (the pivot first). */
export async function loadGridEditions(db: Db, workId: string): Promise<EditorEdition[]> {
  return db.$transaction((tx) => gridEditions(tx, workId));
}

/** The first `count` rows in full (the shown editions' cells), with the editions and the number of rows. */
export async function loadEditorStart(db: Db, workId: string, editionIds: readonly string[], count: number): Promise<EditorStart> {
  return db.$transaction(async (tx) => {
    const work = await requireWork(tx, workId);
    const editions = await gridEditions(tx, workId);
    const rowCount = await tx.alignmentRow.count({ where: { workId } });
    const first = await tx.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, take: count, select: { id: true } });
    const rows = await editorRows(tx, workId, first.map((r) => r.id), editionIds);
    return { workId, version: work.gridVersion, editions, rowCount, rows };
  }, SNAPSHOT);
}

/** Every row without its text: id, version, status, confidence and the number of segments of each named edition. */
export async function loadEditorOutline(db: Db, workId: string, editionIds: readonly string[]): Promise<EditorOutline> {
  return db.$transaction(async (tx) => {
    const work = await requireWork(tx, workId);
    const rows = await tx.$queryRaw<{ id: string; version: number; confirmed: boolean; confidence: number | null; editions: string[] | null; sizes: number[] | null }[]>`
      SELECT r.id::text, r.version, r.status = 'confirmed' AS confirmed, r.confidence, c.editions, c.sizes
      FROM alignment_row r
      LEFT JOIN (
        SELECT row_id, array_agg(edition_id::text) AS editions, array_agg(n) AS sizes
        FROM (SELECT row_id, edition_id, count(*)::int AS n FROM segment
              WHERE work_id = ${workId}::uuid AND row_id IS NOT NULL AND edition_id = ANY(${[...editionIds]}::uuid[])
              GROUP BY row_id, edition_id) counted
        GROUP BY row_id
      ) c ON c.row_id = r.id
      WHERE r.work_id = ${workId}::uuid
      ORDER BY r.position`;
    const column = new Map(editionIds.map((id, index) => [id, index]));
    const entries = rows.map((row): OutlineEntry => {
      const sizes = editionIds.map(() => 0);
      row.editions?.forEach((edition, k) => (sizes[column.get(edition)!] = row.sizes![k]));
      return [row.id, row.version, row.confirmed ? 1 : 0, row.confidence, sizes];
    });
    return { version: work.gridVersion, editionIds: [...editionIds], rows: entries };
  }, SNAPSHOT);
}

/** These rows in full (the named editions' cells), in reading order, with the version they were read at. */
export async function loadEditorRows(db: Db, workId: string, rowIds: readonly string[], editionIds: readonly string[]): Promise<{ version: number; rows: EditorRow[] }> {
  return db.$transaction(async (tx) => {
    const work = await requireWork(tx, workId);
    return { version: work.gridVersion, rows: await editorRows(tx, workId, [...rowIds], editionIds) };
  }, SNAPSHOT);
}

export async function loadGridChanges(db: Db, workId: string, since: number): Promise<GridPatch> {
  return db.$transaction(async (tx) => {
    const { gridVersion: version } = await requireWork(tx, workId);
    if (since > version) throw new DomainError("invalid", `Version ${since} is newer than the grid (version ${version}).`);
    const changes = await changesSince(tx, workId, since);
    if (!coversVersions(changes, since, version)) return { full: true, since, version };
    const touched = new Set(changes.flatMap((c) => c.rowIds));
    if (touched.size === 0) return { full: false, since, version, rows: [], removed: [] };
    const rows = await editorRows(tx, workId, [...touched]);
    const previous = await previousRows(tx, workId, rows.map((row) => row.id));
    const patchRows = rows.map((row) => ({ row, after: previous.get(row.id) ?? null }));
    const present = new Set(rows.map((row) => row.id));
    return { full: false, since, version, rows: patchRows, removed: [...touched].filter((id) => !present.has(id)) };
  }, SNAPSHOT);
}

/** The row just before each of these rows (none for the first row): one index lookup each. */
async function previousRows(tx: Tx, workId: string, rowIds: string[]): Promise<Map<string, string>> {
  if (rowIds.length === 0) return new Map();
  const found = await tx.$queryRaw<{ id: string; previous: string }[]>`
    SELECT r.id::text, p.id::text AS previous FROM alignment_row r
    CROSS JOIN LATERAL (SELECT q.id FROM alignment_row q WHERE q.work_id = r.work_id AND q.position < r.position ORDER BY q.position DESC LIMIT 1) p
    WHERE r.id = ANY(${rowIds}::uuid[]) AND r.work_id = ${workId}::uuid`;
  return new Map(found.map((r) => [r.id, r.previous]));
}

async function requireWork(tx: Tx, workId: string) {
  const work = await tx.work.findUnique({ where: { id: workId }, select: { gridVersion: true } });
  if (!work) throw new DomainError("not_found", "There is no such work.");
  return work;
}

/** The editions with aligned segments, in display order (the pivot first). */
async function gridEditions(tx: Tx, workId: string): Promise<EditorEdition[]> {
  const work = await tx.work.findUniqueOrThrow({ where: { id: workId }, select: { pivotEditionId: true } });
  const editions = await tx.edition.findMany({
    where: { workId, segments: { some: { rowId: { not: null } } } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, title: true, language: true, isOriginal: true, standsInForOriginal: true, provenance: true },
  });
  return [...editions].sort((a, b) => Number(b.id === work.pivotEditionId) - Number(a.id === work.pivotEditionId));
}

/** Rows in reading order with their segments; only the named rows when `rowIds` is given, only these editions' cells when `editionIds` is. */
async function editorRows(tx: Tx, workId: string, rowIds: string[] | null, editionIds?: readonly string[]): Promise<EditorRow[]> {
  const rowFilter = rowIds === null ? {} : { id: { in: rowIds } };
  const editionFilter = editionIds === undefined ? {} : { editionId: { in: [...editionIds] } };
  const [rows, segments] = await Promise.all([
    tx.alignmentRow.findMany({
      where: { workId, ...rowFilter },
      orderBy: { position: "asc" },
      select: { id: true, version: true, status: true, confidence: true },
    }),
    tx.segment.findMany({
      where: { workId, ...editionFilter, ...(rowIds === null ? { rowId: { not: null } } : { rowId: { in: rowIds } }) },
      orderBy: { position: "asc" },
      select: { id: true, rowId: true, editionId: true, text: true, version: true, kind: true, paragraph: true, headingLevel: true },
    }),
  ]);
  const byId = new Map<string, EditorRow>();
  const result = rows.map((row) => {
    const editorRow: EditorRow = { ...row, cells: {} };
    byId.set(row.id, editorRow);
    return editorRow;
  });
  for (const { rowId, editionId, ...segment } of segments) {
    const row = byId.get(rowId!);
    if (row) (row.cells[editionId] ??= []).push(segment as EditorSegment);
  }
  return result;
}

/**
 * A page of the editor's grid: at most `limit` rows after the row at position `after`, with the grid's version and
 * editions, and the position to continue after (null on the last page). Paging a grid that changes between pages
 * gives pages of different versions: a client that sees the version change starts again.
 */
export async function loadEditorGridPage(db: Db, workId: string, page: { limit: number; after?: number }): Promise<EditorGrid & { next: number | null }> {
  return db.$transaction(async (tx) => {
    const work = await requireWork(tx, workId);
    const editions = await gridEditions(tx, workId);
    const ids = await tx.alignmentRow.findMany({
      where: { workId, ...(page.after === undefined ? {} : { position: { gt: page.after } }) },
      orderBy: { position: "asc" },
      take: page.limit + 1,
      select: { id: true, position: true },
    });
    const shown = ids.slice(0, page.limit);
    const rows = shown.length === 0 ? [] : await editorRows(tx, workId, shown.map((row) => row.id));
    return { workId, version: work.gridVersion, editions, rows, next: ids.length > page.limit ? shown[shown.length - 1].position : null };
  }, SNAPSHOT);
}
