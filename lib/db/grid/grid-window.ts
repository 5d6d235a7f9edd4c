/**
 * The part of a work's grid one change concerns, read and checked without the rest: a run of consecutive rows
 * (the rows the change names, widened by its scope) with their segments. Because every column of a valid grid
 * reads as its edition's segments in order, such a run is itself a valid grid whose columns are consecutive runs
 * of the editions' segments, so the pure operations apply to it unchanged. After the write, `verifyWindow` reads
 * the run back and checks that it is exactly what the operation computed and that it still joins the rows around
 * it (each edition's segments just before and after it lie in the rows before and after it, with none between):
 * given a valid grid before, that keeps the whole grid valid. `loadGridState` and the `check-grid` job check
 * whole grids.
 */
import type { GridRow, RowStatus } from "../../alignment/grid";
import { checkGridInvariant } from "../../alignment/grid";
import type { GridState } from "../../alignment/operations";
import type { StoredGrid } from "./load-grid-state";
import type { Change, LayoutOperation, Tx } from "./types";
import { gridKey } from "./verify-grid";

/** Which rows a change needs: those it names, and optionally one or all rows above and below them. */
export interface GridScope {
  rowIds: string[];
  above: "none" | "one" | "all";
  below: "none" | "one" | "all";
}

export interface NeighbourRow {
  id: string;
  position: number;
}

export interface GridWindow extends StoredGrid {
  /** How many rows of the work come before the window (row numbers in messages count them). */
  rowsBefore: number;
  /** The rows just outside the window, when there are any. */
  previous: NeighbourRow | null;
  next: NeighbourRow | null;
}

const scope = (rowIds: string[], above: GridScope["above"] = "none", below: GridScope["below"] = "none"): GridScope => ({ rowIds, above, below });

/** The rows a grid operation reads: its rows and the neighbours it moves segments to or from. */
export function scopeOfOperation(op: LayoutOperation): GridScope {
  switch (op.type) {
    case "mergeRows":
    case "popDown":
    case "moveCellDown":
      return scope([op.rowId], "none", "one");
    case "shiftUp":
    case "moveCellUp":
      return scope([op.rowId], "one", "none");
    case "splitRow":
    case "setStatus":
      return scope([op.rowId]);
    case "insertEmptyCell":
    case "deleteEmptyCell":
      return scope([op.rowId], "none", "all");
    case "confirmUpTo":
      return scope([op.rowId], "all", "none");
    case "restoreStatuses":
      return scope(op.rows.map((r) => r.rowId));
  }
}

/** The segments whose rows a change's scope needs before it can be known (see `scopeOfChange`). */
export function segmentsNamedBy(change: Change): string[] {
  switch (change.type) {
    case "splitSegment":
    case "editText":
      return [change.segmentId];
    case "mergeSegments":
      return [change.segmentId, change.removedId];
    case "layout":
    case "wordLinks":
      return [];
  }
}

export function scopeOfChange(change: Change, rowsOfSegments: (ids: string[]) => string[]): GridScope {
  switch (change.type) {
    case "layout":
      return scopeOfOperation(change.op);
    case "splitSegment":
    case "editText":
      return scope(rowsOfSegments([change.segmentId]));
    case "mergeSegments":
      return scope(rowsOfSegments([change.segmentId, change.removedId]));
    case "wordLinks":
      return scope([change.rowId]);
  }
}

/** The rows holding these segments (segments in no row, or of another work, have none). */
export async function rowsHolding(tx: Tx, workId: string, segmentIds: string[]): Promise<Map<string, string>> {
  if (segmentIds.length === 0) return new Map();
  const found = await tx.$queryRaw<{ id: string; row_id: string }[]>`
    SELECT id::text, row_id::text FROM segment WHERE id = ANY(${segmentIds}::uuid[]) AND work_id = ${workId}::uuid AND row_id IS NOT NULL`;
  return new Map(found.map((s) => [s.id, s.row_id]));
}

/** The grid's editions (those with aligned segments), in display order, as `loadGridState` lists them. */
async function gridEditionIds(tx: Tx, workId: string): Promise<string[]> {
  const editions = await tx.$queryRaw<{ id: string }[]>`
    SELECT e.id::text FROM edition e
    WHERE e.work_id = ${workId}::uuid AND EXISTS (SELECT 1 FROM segment s WHERE s.edition_id = e.id AND s.row_id IS NOT NULL)
    ORDER BY e.position, e.id`;
  return editions.map((e) => e.id);
}

const NO_POSITION = -1;

export async function loadGridWindow(tx: Tx, workId: string, wanted: GridScope): Promise<GridWindow> {
  const editionIds = await gridEditionIds(tx, workId);
  const named = wanted.rowIds.length
    ? await tx.$queryRaw<{ position: number }[]>`
        SELECT position FROM alignment_row WHERE work_id = ${workId}::uuid AND id = ANY(${[...new Set(wanted.rowIds)]}::uuid[]) ORDER BY position`
    : [];
  if (named.length === 0) {
    return { state: { grid: { editionIds, rows: [] }, segments: Object.fromEntries(editionIds.map((e) => [e, []])) }, rowPositions: new Map(), editionOfSegment: new Map(), rowsBefore: 0, previous: null, next: null };
  }
  let low = named[0].position;
  let high = named[named.length - 1].position;
  if (wanted.above === "all") low = NO_POSITION;
  if (wanted.above === "one") low = (await neighbour(tx, workId, low, "before"))?.position ?? low;
  if (wanted.below === "all") high = Number.MAX_SAFE_INTEGER;
  if (wanted.below === "one") high = (await neighbour(tx, workId, high, "after"))?.position ?? high;

  const rowList = await tx.$queryRaw<{ id: string; position: number; status: RowStatus; confidence: number | null }[]>`
    SELECT id::text, position, status::text AS status, confidence FROM alignment_row
    WHERE work_id = ${workId}::uuid AND position BETWEEN ${low} AND ${Math.min(high, 2 ** 31 - 1)} ORDER BY position`;
  const first = rowList[0].position;
  const last = rowList[rowList.length - 1].position;
  const [previous, next, count] = [await neighbour(tx, workId, first, "before"), await neighbour(tx, workId, last, "after"), await countRowsBefore(tx, workId, first)];
  const { rows, segments, editionOfSegment } = await windowCells(tx, editionIds, rowList);
  return {
    state: { grid: { editionIds, rows }, segments },
    rowPositions: new Map(rowList.map((r) => [r.id, r.position])),
    editionOfSegment,
    rowsBefore: count,
    previous,
    next,
  };
}

/**
 * How many rows of the work come before this position, counted in the index of (work, position) alone. Near the
 * end of a large work the planner would rather read the whole table (every work's rows), so it is told not to.
 */
async function countRowsBefore(tx: Tx, workId: string, position: number): Promise<number> {
  await tx.$executeRaw`SELECT set_config('enable_seqscan', 'off', true)`;
  const [{ count }] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM alignment_row WHERE work_id = ${workId}::uuid AND position < ${position}`;
  await tx.$executeRaw`SELECT set_config('enable_seqscan', 'on', true)`;
  return count;
}

async function neighbour(tx: Tx, workId: string, position: number, side: "before" | "after"): Promise<NeighbourRow | null> {
  const [row] =
    side === "before"
      ? await tx.$queryRaw<NeighbourRow[]>`
          SELECT id::text, position FROM alignment_row WHERE work_id = ${workId}::uuid AND position < ${position} ORDER BY position DESC LIMIT 1`
      : await tx.$queryRaw<NeighbourRow[]>`
          SELECT id::text, position FROM alignment_row WHERE work_id = ${workId}::uuid AND position > ${position} ORDER BY position LIMIT 1`;
  return row ?? null;
}

/** The rows' cells and each edition's segments within them, in order. */
async function windowCells(tx: Tx, editionIds: string[], rowList: Array<{ id: string; status: RowStatus; confidence: number | null }>) {
  const rowIds = rowList.map((r) => r.id);
  const segmentList = await tx.$queryRaw<{ id: string; edition_id: string; row_id: string }[]>`
    SELECT id::text, edition_id::text, row_id::text FROM segment WHERE row_id = ANY(${rowIds}::uuid[]) ORDER BY position`;
  const rows: GridRow[] = rowList.map((r) => ({ id: r.id, status: r.status, confidence: r.confidence, cells: Object.fromEntries(editionIds.map((e) => [e, [] as string[]])) }));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const segments: Record<string, string[]> = Object.fromEntries(editionIds.map((e) => [e, [] as string[]]));
  const editionOfSegment = new Map<string, string>();
  for (const s of segmentList) {
    (rowById.get(s.row_id)!.cells[s.edition_id] ??= []).push(s.id);
    (segments[s.edition_id] ??= []).push(s.id);
    editionOfSegment.set(s.id, s.edition_id);
  }
  return { rows, segments, editionOfSegment };
}

/**
 * Reads the window back after the write and checks it: the rows between the window's old neighbours are exactly
 * the rows the operation computed, holding exactly the segments it computed, the run satisfies the invariant, and
 * each edition's run joins the segments before and after it. Any difference is a bug: throwing rolls the write back.
 */
export async function verifyWindow(tx: Tx, workId: string, window: GridWindow, expected: GridState): Promise<void> {
  const bounds = [window.previous, window.next].filter((row) => row !== null);
  const neighbours = new Map(
    (
      await tx.$queryRaw<NeighbourRow[]>`
        SELECT id::text, position FROM alignment_row WHERE work_id = ${workId}::uuid AND id = ANY(${bounds.map((row) => row.id)}::uuid[])`
    ).map((row) => [row.id, row.position]),
  );
  if (neighbours.size !== bounds.length) throw new Error("The write removed a row outside the rows the operation concerns.");
  const low = window.previous === null ? NO_POSITION : neighbours.get(window.previous.id)!;
  const high = window.next === null ? 2 ** 31 - 1 : neighbours.get(window.next.id)!;
  const rowList = await tx.$queryRaw<{ id: string; position: number; status: RowStatus; confidence: number | null }[]>`
    SELECT id::text, position, status::text AS status, confidence FROM alignment_row
    WHERE work_id = ${workId}::uuid AND position > ${low} AND position < ${high} ORDER BY position`;
  const editionIds = expected.grid.editionIds;
  const { rows, segments } = await windowCells(tx, editionIds, rowList);
  const actual: GridState = { grid: { editionIds, rows }, segments };
  const violations = checkGridInvariant(actual.grid, actual.segments);
  if (violations.length > 0) {
    throw new Error(`The write would leave the grid inconsistent: ${violations.slice(0, 3).map((v) => v.message).join(" ")}`);
  }
  if (gridKey(actual) !== gridKey(expected)) {
    throw new Error("The grid written to the database differs from the grid the operation computed.");
  }
  await verifyJoins(tx, workId, actual, low, high);
}

/**
 * For each edition with segments in the window: no segment of the edition lies between the window's first and
 * last by position outside it, the one just before lies in a row before the window and the one just after in a
 * row after it (or is unaligned: an edition's segments outside the grid are the invariant's business only where
 * they fall between aligned ones).
 */
async function verifyJoins(tx: Tx, workId: string, state: GridState, low: number, high: number): Promise<void> {
  const runs = state.grid.editionIds
    .filter((e) => (state.segments[e] ?? []).length > 0)
    .map((e) => ({ edition: e, first: state.segments[e][0], last: state.segments[e].at(-1)!, count: state.segments[e].length }));
  if (runs.length === 0) return;
  const problems = await tx.$queryRaw<{ edition_id: string; problem: string }[]>`
    WITH run AS (
      SELECT u.edition_id, f.position AS first_position, l.position AS last_position, u.count
      FROM unnest(${runs.map((r) => r.edition)}::uuid[], ${runs.map((r) => r.first)}::uuid[], ${runs.map((r) => r.last)}::uuid[], ${runs.map((r) => r.count)}::int[])
        AS u(edition_id, first_id, last_id, count)
      JOIN segment f ON f.id = u.first_id
      JOIN segment l ON l.id = u.last_id
    )
    SELECT run.edition_id::text, 'gap' AS problem FROM run
      WHERE (SELECT count(*) FROM segment s WHERE s.edition_id = run.edition_id AND s.position BETWEEN run.first_position AND run.last_position) <> run.count
    UNION ALL
    SELECT run.edition_id::text, 'before' FROM run
      CROSS JOIN LATERAL (SELECT s.row_id FROM segment s WHERE s.edition_id = run.edition_id AND s.position < run.first_position ORDER BY s.position DESC LIMIT 1) p
      JOIN alignment_row r ON r.id = p.row_id
      WHERE r.position > ${low}
    UNION ALL
    SELECT run.edition_id::text, 'after' FROM run
      CROSS JOIN LATERAL (SELECT s.row_id FROM segment s WHERE s.edition_id = run.edition_id AND s.position > run.last_position ORDER BY s.position LIMIT 1) n
      JOIN alignment_row r ON r.id = n.row_id
      WHERE r.position < ${high}`;
  if (problems.length > 0) {
    throw new Error(`The write would leave the grid inconsistent: the segments of edition ${problems[0].edition_id} no longer join the rows around the change (${problems[0].problem}).`);
  }
}

/** Row numbers in a refusal's message count from the window's first row; these count from the grid's. */
export function numberRowsInMessage(message: string, rowsBefore: number): string {
  if (rowsBefore === 0) return message;
  return message.replace(/\b([Rr]ows?) (\d+)(?= \(id "|\b)/g, (_, word: string, n: string) => `${word} ${Number(n) + rowsBefore}`);
}
