/**
 * The last step of every write: read the grid back inside the transaction, check the invariant and that it is
 * exactly the grid the pure operation computed. Any difference is a bug: throwing rolls the write back.
 */
import { checkGridInvariant, type Grid } from "../../alignment/grid";
import type { GridState } from "../../alignment/operations";
import { loadGridState } from "./load-grid-state";
import type { Tx } from "./types";

export async function verifyGrid(tx: Tx, workId: string, expected: GridState): Promise<void> {
  const { state } = await loadGridState(tx, workId);
  const violations = checkGridInvariant(state.grid, state.segments);
  if (violations.length > 0) {
    throw new Error(`The write would leave the grid inconsistent: ${violations.slice(0, 3).map((v) => v.message).join(" ")}`);
  }
  if (gridKey(state) !== gridKey(expected)) {
    throw new Error("The grid written to the database differs from the grid the operation computed.");
  }
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
