import { describe, expect, it } from "vitest";
import { applyOperation } from "../operations";
import { ALIGNED, metasOf, refusalOf, rowsOf, stateOf } from "../grid.fixtures";

const E = ["ru", "fr"];
const HAND_MADE = { status: "automatic", confidence: null };
const CONFIRMED = { status: "confirmed", confidence: 0.95 } as const;

describe("insertEmptyCell", () => {
  const start = stateOf(E, ["r1: a1 | b1", "r2: a2 | b2", "r3: a3 | b3"], { r3: CONFIRMED });

  it("shifts the edition's cells from the row down by one, the last one into a new row", () => {
    const { state, touchedRowIds } = applyOperation(start, { type: "insertEmptyCell", rowId: "r2", editionId: "fr", newRowId: "n1" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1", "r2: a2 | -", "r3: a3 | b2", "n1: - | b3"]);
    expect(metasOf(state)).toEqual({ r1: ALIGNED, r2: HAND_MADE, r3: HAND_MADE, n1: HAND_MADE });
    expect(touchedRowIds).toEqual(["r2", "r3", "n1"]);
  });

  it("needs no new row when the edition's last cell is empty", () => {
    const gap = stateOf(E, ["r1: a1 | b1", "r2: a2 | b2", "r3: a3 | -"]);
    const { state } = applyOperation(gap, { type: "insertEmptyCell", rowId: "r1", editionId: "fr" });
    expect(rowsOf(state)).toEqual(["r1: a1 | -", "r2: a2 | b1", "r3: a3 | b2"]);
  });

  it("is undone by deleting the empty cell, which removes the new row", () => {
    const { state, inverse } = applyOperation(start, { type: "insertEmptyCell", rowId: "r2", editionId: "fr", newRowId: "n1" });
    expect(inverse).toEqual({ type: "deleteEmptyCell", rowId: "r2", editionId: "fr", rowMeta: { r2: ALIGNED, r3: CONFIRMED } });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("refuses when a row would end up empty in every edition, naming it", () => {
    const lonely = stateOf(E, ["r1: a1 | b1", "r2: a2 | -", "r3: - | b2"]);
    const error = refusalOf(lonely, { type: "insertEmptyCell", rowId: "r1", editionId: "fr", newRowId: "n1" });
    expect(error.code).toBe("would-empty-row");
    expect(error.message).toBe(
      'Inserting an empty cell for edition "fr" in row 1 (id "r1") would leave row 3 (id "r3") empty in every edition; move its segments first or merge it with a neighbour.',
    );
  });

  it("refuses when the edition has nothing from the row down", () => {
    const gap = stateOf(E, ["r1: a1 | b1", "r2: a2 | -"]);
    expect(refusalOf(gap, { type: "insertEmptyCell", rowId: "r2", editionId: "fr" }).code).toBe("no-change");
  });

  it("refuses without a new row id when the last cell must move into a new row", () => {
    expect(refusalOf(start, { type: "insertEmptyCell", rowId: "r2", editionId: "fr" }).code).toBe("missing-new-row-id");
  });
});

describe("deleteEmptyCell", () => {
  const start = stateOf(E, ["r1: a1 | b1", "r2: a2 | -", "r3: a3 | b2", "r4: - | b3"]);

  it("shifts the edition's cells below the empty cell up by one and drops a trailing row left empty", () => {
    const { state, inverse, touchedRowIds } = applyOperation(start, { type: "deleteEmptyCell", rowId: "r2", editionId: "fr" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1", "r2: a2 | b2", "r3: a3 | b3"]);
    expect(touchedRowIds).toEqual(["r2", "r3", "r4"]);
    expect(inverse).toMatchObject({ type: "insertEmptyCell", rowId: "r2", editionId: "fr", newRowId: "r4" });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("keeps a last row that still has other editions' segments", () => {
    const kept = stateOf(E, ["r1: a1 | -", "r2: a2 | b1"]);
    const { state, inverse } = applyOperation(kept, { type: "deleteEmptyCell", rowId: "r1", editionId: "fr" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1", "r2: a2 | -"]);
    expect(applyOperation(state, inverse).state).toEqual(kept);
  });

  it("refuses a cell that holds segments, listing them", () => {
    expect(refusalOf(start, { type: "deleteEmptyCell", rowId: "r1", editionId: "fr" }).message).toBe(
      'Row 1 (id "r1") has segments of edition "fr" (b1); only an empty cell can be deleted.',
    );
  });

  it("refuses when nothing lies below", () => {
    expect(refusalOf(start, { type: "deleteEmptyCell", rowId: "r4", editionId: "ru" }).code).toBe("no-change");
  });
});
