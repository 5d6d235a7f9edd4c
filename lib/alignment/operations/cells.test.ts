import { describe, expect, it } from "vitest";
import { applyOperation } from "../operations";
import { ALIGNED, metasOf, refusalOf, rowsOf, stateOf } from "../grid.fixtures";

const E = ["ru", "fr"];
const HAND_MADE = { status: "automatic", confidence: null };
const CONFIRMED = { status: "confirmed", confidence: 0.95 } as const;

describe("shiftUp", () => {
  const start = stateOf(E, ["r1: a1 | b1", "r2: a2 | b2 b3", "r3: - | b4"], { r2: CONFIRMED });

  it("moves the first segment of the cell to the end of the previous row's cell", () => {
    const { state, touchedRowIds } = applyOperation(start, { type: "shiftUp", rowId: "r2", editionId: "fr" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1 b2", "r2: a2 | b3", "r3: - | b4"]);
    expect(metasOf(state)).toEqual({ r1: HAND_MADE, r2: HAND_MADE, r3: ALIGNED });
    expect(touchedRowIds).toEqual(["r1", "r2"]);
  });

  it("moves `count` segments", () => {
    const { state } = applyOperation(start, { type: "shiftUp", rowId: "r2", editionId: "fr", count: 2 });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1 b2 b3", "r2: a2 | -", "r3: - | b4"]);
  });

  it("removes a row it leaves empty everywhere, and the inverse recreates it", () => {
    const { state, inverse, touchedRowIds } = applyOperation(start, { type: "shiftUp", rowId: "r3", editionId: "fr" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1", "r2: a2 | b2 b3 b4"]);
    expect(touchedRowIds).toEqual(["r2", "r3"]);
    expect(inverse).toEqual({ type: "splitRow", rowId: "r2", at: { ru: 1, fr: 2 }, newRowId: "r3", rowMeta: { r2: CONFIRMED, r3: ALIGNED } });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("is undone by popping the segment back down", () => {
    const { state, inverse } = applyOperation(start, { type: "shiftUp", rowId: "r2", editionId: "fr" });
    expect(inverse).toMatchObject({ type: "popDown", rowId: "r1", editionId: "fr" });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("refuses the first row, an empty cell and a count beyond the cell", () => {
    expect(refusalOf(start, { type: "shiftUp", rowId: "r1", editionId: "fr" }).code).toBe("no-previous-row");
    expect(refusalOf(start, { type: "shiftUp", rowId: "r3", editionId: "ru" }).message).toBe(
      'Row 3 (id "r3") has no segment of edition "ru" to move.',
    );
    expect(refusalOf(start, { type: "shiftUp", rowId: "r2", editionId: "fr", count: 3 }).code).toBe("invalid-count");
  });

  it("refuses an edition outside the grid", () => {
    expect(refusalOf(start, { type: "shiftUp", rowId: "r2", editionId: "de" }).message).toBe(
      'Edition "de" is not one of the grid\'s editions (ru, fr).',
    );
  });
});

describe("popDown", () => {
  const start = stateOf(E, ["r1: a1 | b1 b2", "r2: a2 | b3", "r3: a3 | b4 b5"], { r1: CONFIRMED });

  it("moves the last segment of the cell to the start of the next row's cell", () => {
    const { state, inverse } = applyOperation(start, { type: "popDown", rowId: "r1", editionId: "fr" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1", "r2: a2 | b2 b3", "r3: a3 | b4 b5"]);
    expect(metasOf(state)).toEqual({ r1: HAND_MADE, r2: HAND_MADE, r3: ALIGNED });
    expect(inverse).toMatchObject({ type: "shiftUp", rowId: "r2", editionId: "fr" });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("moves segments from the last row into a new row", () => {
    const { state, inverse, touchedRowIds } = applyOperation(start, { type: "popDown", rowId: "r3", editionId: "fr", newRowId: "n1" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1 b2", "r2: a2 | b3", "r3: a3 | b4", "n1: - | b5"]);
    expect(touchedRowIds).toEqual(["r3", "n1"]);
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("removes a row it leaves empty everywhere, and the inverse recreates it before the next row", () => {
    const single = stateOf(E, ["r1: a1 | b1", "r2: - | b2", "r3: a2 | b3"]);
    const { state, inverse } = applyOperation(single, { type: "popDown", rowId: "r2", editionId: "fr" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1", "r3: a2 | b2 b3"]);
    expect(inverse).toMatchObject({ type: "splitRow", rowId: "r3", at: { ru: 0, fr: 1 }, newRowId: "r2", newRowBefore: true });
    expect(applyOperation(state, inverse).state).toEqual(single);
  });

  it("needs a new row id to pop from the last row, and refuses to just rename a row", () => {
    expect(refusalOf(start, { type: "popDown", rowId: "r3", editionId: "fr" }).code).toBe("missing-new-row-id");
    const lastHoldsOne = stateOf(E, ["r1: a1 | b1", "r2: - | b2"]);
    expect(refusalOf(lastHoldsOne, { type: "popDown", rowId: "r2", editionId: "fr", newRowId: "n1" }).code).toBe("no-change");
  });
});

describe("moveCellUp / moveCellDown", () => {
  const start = stateOf(E, ["r1: a1 | b1", "r2: a2 a3 | b2", "r3: a4 | b3"]);

  it("appends the whole cell to the previous row's cell, leaving an empty cell", () => {
    const { state, inverse } = applyOperation(start, { type: "moveCellUp", rowId: "r2", editionId: "ru" });
    expect(rowsOf(state)).toEqual(["r1: a1 a2 a3 | b1", "r2: - | b2", "r3: a4 | b3"]);
    expect(inverse).toEqual({ type: "popDown", rowId: "r1", editionId: "ru", count: 2, rowMeta: { r1: ALIGNED, r2: ALIGNED } });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("prepends the whole cell to the next row's cell, leaving an empty cell", () => {
    const { state, inverse } = applyOperation(start, { type: "moveCellDown", rowId: "r2", editionId: "ru" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1", "r2: - | b2", "r3: a2 a3 a4 | b3"]);
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("removes a row left empty everywhere", () => {
    const { state } = applyOperation(stateOf(E, ["r1: a1 | b1", "r2: a2 | -"]), { type: "moveCellUp", rowId: "r2", editionId: "ru" });
    expect(rowsOf(state)).toEqual(["r1: a1 a2 | b1"]);
  });

  it("refuses to move a cell past the first or last row", () => {
    expect(refusalOf(start, { type: "moveCellUp", rowId: "r1", editionId: "ru" }).code).toBe("no-previous-row");
    expect(refusalOf(start, { type: "moveCellDown", rowId: "r3", editionId: "ru" }).message).toBe(
      'Row 3 (id "r3") is the last row: there is no next row to move its cell into.',
    );
  });
});

describe("rowMeta", () => {
  it("refuses to give a status to a row the operation does not change", () => {
    const start = stateOf(E, ["r1: a1 | b1", "r2: a2 | b2", "r3: a3 | b3"]);
    const error = refusalOf(start, { type: "shiftUp", rowId: "r2", editionId: "ru", rowMeta: { r3: CONFIRMED } });
    expect(error.code).toBe("invalid-row-meta");
  });
});
