/**
 * The grid as the editor page holds it (rows with their segments' text), and the patches that bring an open
 * page up to date after changes. Pure and free of Prisma, so the browser uses it too.
 */
import type { Grid } from "../../alignment/grid";

export interface EditorSegment {
  id: string;
  text: string;
  /** The segment's version: a text correction names the version it was based on. */
  version: number;
  kind: "heading" | "paragraph" | "blockquote" | "dateline" | "note";
  paragraph: number;
  headingLevel: number | null;
}

export interface EditorRow {
  id: string;
  /** The grid version that last changed this row. */
  version: number;
  status: "automatic" | "confirmed";
  confidence: number | null;
  /** Edition id -> the row's segments of that edition, in order. */
  cells: Record<string, EditorSegment[]>;
}

export interface EditorEdition {
  id: string;
  slug: string;
  title: string;
  language: string;
  isOriginal: boolean;
  standsInForOriginal: boolean;
  provenance: "published" | "working_translation" | "imported";
}

export interface EditorGrid {
  workId: string;
  /** The work's grid version this snapshot shows. */
  version: number;
  editions: EditorEdition[];
  rows: EditorRow[];
}

/**
 * One row of the outline the editor holds of a long grid: everything but the text, with the number of segments of
 * each shown edition (in the order the outline names them). The text comes in pages as rows come into view.
 */
export type OutlineEntry = [id: string, version: number, confirmed: 0 | 1, confidence: number | null, sizes: number[]];

export interface EditorOutline {
  version: number;
  editionIds: string[];
  rows: OutlineEntry[];
}

/** The first answer of the editor page: the grid's editions, its version and size, and its first rows in full. */
export interface EditorStart {
  workId: string;
  version: number;
  editions: EditorEdition[];
  rowCount: number;
  rows: EditorRow[];
}

/**
 * What changed since version `since`: every row touched since then as it is now, after the row that now
 * precedes it (null = first), and the ids of touched rows that no longer exist. `full` means the journal cannot
 * tell (the grid was replaced wholesale): load the whole grid again.
 */
export type GridPatch =
  | { full: false; since: number; version: number; rows: Array<{ row: EditorRow; after: string | null }>; removed: string[] }
  | { full: true; since: number; version: number };

/**
 * The rows after the patch, or null when it does not fit them (a row it places after is unknown): load the
 * whole grid then. Rows the patch does not name are kept as they are, objects included, so views of
 * unchanged rows need not re-render.
 */
export function applyGridPatch(rows: readonly EditorRow[], patch: GridPatch): EditorRow[] | null;
/** The same for rows of another shape, made from the patch's rows by `toRow`. */
export function applyGridPatch<R extends { id: string }>(rows: readonly R[], patch: GridPatch, toRow: (row: EditorRow) => R): R[] | null;
export function applyGridPatch(rows: ReadonlyArray<{ id: string }>, patch: GridPatch, toRow: (row: EditorRow) => { id: string } = (row) => row): Array<{ id: string }> | null {
  if (patch.full) return null;
  const replaced = new Set([...patch.removed, ...patch.rows.map(({ row }) => row.id)]);
  const result = rows.filter((row) => !replaced.has(row.id));
  for (const { row, after } of patch.rows) {
    const index = after === null ? 0 : result.findIndex((r) => r.id === after) + 1;
    if (index === 0 && after !== null) return null;
    result.splice(index, 0, toRow(row));
  }
  return result;
}

/** The grid of segment ids the navigation helpers of lib/alignment work on. */
export function gridOfRows(editionIds: readonly string[], rows: readonly EditorRow[]): Grid {
  return {
    editionIds: [...editionIds],
    rows: rows.map((row) => ({
      id: row.id,
      status: row.status,
      confidence: row.confidence,
      cells: Object.fromEntries(editionIds.map((e) => [e, (row.cells[e] ?? []).map((segment) => segment.id)])),
    })),
  };
}

/**
 * A row as a page of a long grid or a wide one holds it: its outline always, the text of its cells as they are
 * fetched (`cells` names the editions whose text has come; null until any has). `sizes` count the segments of each
 * shown edition, so that navigation works on rows whose text has not come yet.
 */
export interface ShownRow {
  id: string;
  version: number;
  status: "automatic" | "confirmed";
  confidence: number | null;
  sizes: Record<string, number>;
  cells: Record<string, EditorSegment[]> | null;
}

/** The row with the sizes of every shown edition and the text of those named by `textIds` (all of them by default). */
export function shownRowOf(row: EditorRow, editionIds: readonly string[], textIds: readonly string[] = editionIds): ShownRow {
  const sizes = Object.fromEntries(editionIds.map((e) => [e, row.cells[e]?.length ?? 0]));
  const cells = Object.fromEntries(textIds.map((e) => [e, row.cells[e] ?? []]));
  return { id: row.id, version: row.version, status: row.status, confidence: row.confidence, sizes, cells };
}

/**
 * A first row as the editor page carries it: the text of the editions it sends text for, and the number of segments
 * of every other shown edition (in shown order; left out when there are none), so the page stays small.
 */
export type StartRow = EditorRow & { otherSizes?: number[] };

export function startRowOf(row: EditorRow, editionIds: readonly string[], textIds: readonly string[]): StartRow {
  const others = editionIds.filter((e) => !textIds.includes(e));
  const start: StartRow = { ...row, cells: Object.fromEntries(textIds.flatMap((e) => (row.cells[e] ? [[e, row.cells[e]]] : []))) };
  if (others.length > 0) start.otherSizes = others.map((e) => row.cells[e]?.length ?? 0);
  return start;
}

/** The shown row of a first row as the page carried it (see startRowOf). */
export function shownRowOfStart(row: StartRow, editionIds: readonly string[], textIds: readonly string[]): ShownRow {
  const shown = shownRowOf(row, editionIds, textIds);
  editionIds.filter((e) => !textIds.includes(e)).forEach((e, k) => (shown.sizes[e] = row.otherSizes?.[k] ?? 0));
  return shown;
}

/** The segments of one cell of the row, or null while its text has not come (an empty cell has none to wait for). */
export function heldCell(row: ShownRow, editionId: string): EditorSegment[] | null {
  return row.cells?.[editionId] ?? ((row.sizes[editionId] ?? 0) === 0 ? [] : null);
}

/** The editions among `editionIds` whose text the row does not hold yet. */
export function missingText(row: ShownRow, editionIds: readonly string[]): string[] {
  return editionIds.filter((e) => heldCell(row, e) === null);
}

/**
 * The rows of an outline, keeping the text of rows already held at the same version (a row's version changes
 * with every change to it, so an unchanged version means unchanged text).
 */
export function rowsOfOutline(outline: EditorOutline, held: readonly ShownRow[]): ShownRow[] {
  const byId = new Map(held.map((row) => [row.id, row]));
  return outline.rows.map(([id, version, confirmed, confidence, sizes]) => {
    const old = byId.get(id);
    if (old && old.version === version && old.cells !== null) return old;
    return {
      id,
      version,
      status: confirmed ? "confirmed" : "automatic",
      confidence,
      sizes: Object.fromEntries(outline.editionIds.map((e, i) => [e, sizes[i]])),
      cells: null,
    };
  });
}

/**
 * The rows with the text of fetched rows filled in for the editions fetched (`editionIds`), where the fetched row
 * is at least as recent as the held one: added to the text already held at the same version, or replacing the text
 * of an older version.
 */
export function withFetchedRows(rows: readonly ShownRow[], fetched: readonly EditorRow[], editionIds: readonly string[]): ShownRow[] {
  const byId = new Map(fetched.map((row) => [row.id, row]));
  return rows.map((row) => {
    const found = byId.get(row.id);
    if (!found || found.version < row.version) return row;
    const cells = Object.fromEntries(editionIds.map((e) => [e, found.cells[e] ?? []]));
    return {
      id: row.id,
      version: found.version,
      status: found.status,
      confidence: found.confidence,
      sizes: { ...row.sizes, ...Object.fromEntries(editionIds.map((e) => [e, cells[e].length])) },
      cells: found.version === row.version && row.cells !== null ? { ...row.cells, ...cells } : cells,
    };
  });
}

/** The navigation grid of shown rows: cells hold as many (placeholder) segments as the row has. */
export function gridOfShownRows(editionIds: readonly string[], rows: readonly ShownRow[]): Grid {
  return {
    editionIds: [...editionIds],
    rows: rows.map((row) => ({
      id: row.id,
      status: row.status,
      confidence: row.confidence,
      cells: Object.fromEntries(editionIds.map((e) => [e, row.cells?.[e]?.map((s) => s.id) ?? Array.from({ length: row.sizes[e] ?? 0 }, (_, k) => `${row.id}:${k}`)])),
    })),
  };
}
