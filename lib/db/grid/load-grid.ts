/**
 * The grid as the editor page shows it, read in one snapshot so that the version matches the rows: the whole
 * grid for a page, or what changed since a version for a page that is open (see editor-grid.ts).
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import type { EditorEdition, EditorGrid, EditorRow, EditorSegment, GridPatch } from "./editor-grid";
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

export async function loadGridChanges(db: Db, workId: string, since: number): Promise<GridPatch> {
  return db.$transaction(async (tx) => {
    const { gridVersion: version } = await requireWork(tx, workId);
    if (since > version) throw new DomainError("invalid", `Version ${since} is newer than the grid (version ${version}).`);
    const changes = await changesSince(tx, workId, since);
    if (!coversVersions(changes, since, version)) return { full: true, since, version };
    const touched = new Set(changes.flatMap((c) => c.rowIds));
    if (touched.size === 0) return { full: false, since, version, rows: [], removed: [] };
    const order = (await tx.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
    const rows = new Map((await editorRows(tx, workId, [...touched])).map((row) => [row.id, row]));
    const patchRows: Array<{ row: EditorRow; after: string | null }> = [];
    order.forEach((id, index) => {
      const row = rows.get(id);
      if (row) patchRows.push({ row, after: index === 0 ? null : order[index - 1] });
    });
    return { full: false, since, version, rows: patchRows, removed: [...touched].filter((id) => !rows.has(id)) };
  }, SNAPSHOT);
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

/** Rows in reading order with their segments; only the named rows when `rowIds` is given. */
async function editorRows(tx: Tx, workId: string, rowIds: string[] | null): Promise<EditorRow[]> {
  const rowFilter = rowIds === null ? {} : { id: { in: rowIds } };
  const [rows, segments] = await Promise.all([
    tx.alignmentRow.findMany({
      where: { workId, ...rowFilter },
      orderBy: { position: "asc" },
      select: { id: true, version: true, status: true, confidence: true },
    }),
    tx.segment.findMany({
      where: { workId, ...(rowIds === null ? { rowId: { not: null } } : { rowId: { in: rowIds } }) },
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
