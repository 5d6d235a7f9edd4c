/**
 * Whole-grid checks: the invariant over a work's entire grid (the `check-grid` job and tests run it; each write
 * checks only the rows it concerns, grid-window.ts), and a canonical text of a grid state for comparisons.
 */
import { checkGridInvariant, type Grid, type InvariantViolation } from "../../alignment/grid";
import type { GridState } from "../../alignment/operations";
import { loadGridState } from "./load-grid-state";
import type { Tx } from "./types";

/** Every way the work's stored grid breaks the invariant; [] when it holds. */
export async function checkStoredGrid(tx: Tx, workId: string): Promise<InvariantViolation[]> {
  const { state } = await loadGridState(tx, workId);
  return checkGridInvariant(state.grid, state.segments);
}

/** A canonical text of a grid state: equal keys mean equal grids (rows, cells, statuses, segment order). */
export function gridKey(state: GridState): string {
  const { grid, segments } = state;
  return JSON.stringify({
    editionIds: grid.editionIds,
    rows: rowsKey(grid),
    segments: grid.editionIds.map((e) => segments[e] ?? []),
  });
}

function rowsKey(grid: Grid) {
  return grid.rows.map((row) => [row.id, row.status, row.confidence, grid.editionIds.map((e) => row.cells[e] ?? [])]);
}
