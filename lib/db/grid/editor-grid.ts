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
export function applyGridPatch(rows: readonly EditorRow[], patch: GridPatch): EditorRow[] | null {
  if (patch.full) return null;
  const replaced = new Set([...patch.removed, ...patch.rows.map(({ row }) => row.id)]);
  const result = rows.filter((row) => !replaced.has(row.id));
  for (const { row, after } of patch.rows) {
    const index = after === null ? 0 : result.findIndex((r) => r.id === after) + 1;
    if (index === 0 && after !== null) return null;
    result.splice(index, 0, row);
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
