import { describe, expect, it } from "vitest";
import { applyOperation } from "../operations";
import { ALIGNED, metasOf, refusalOf, rowsOf, stateOf } from "../grid.fixtures";

const E = ["ru", "fr", "en"];
const HAND_MADE = { status: "automatic", confidence: null };

describe("mergeRows", () => {
  const start = stateOf(E, ["r1: a1 | b1 | c1", "r2: a2 | - | c2 c3", "r3: a3 | b2 | c4"], {
    r2: { status: "confirmed", confidence: 0.9 },
  });

  it("joins the row with the next under the first row's id, unconfirmed and hand-made", () => {
    const { state, touchedRowIds } = applyOperation(start, { type: "mergeRows", rowId: "r2" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1 | c1", "r2: a2 a3 | b2 | c2 c3 c4"]);
    expect(metasOf(state)).toEqual({ r1: ALIGNED, r2: HAND_MADE });
    expect(touchedRowIds).toEqual(["r2", "r3"]);
  });

  it("keeps the next row's id with keep: next", () => {
    const { state } = applyOperation(start, { type: "mergeRows", rowId: "r1", keep: "next" });
    expect(rowsOf(state)).toEqual(["r2: a1 a2 | b1 | c1 c2 c3", "r3: a3 | b2 | c4"]);
  });

  it("is undone by a split that recreates the removed row with its id, status and confidence", () => {
    const { state, inverse } = applyOperation(start, { type: "mergeRows", rowId: "r2" });
    expect(inverse).toEqual({
      type: "splitRow",
      rowId: "r2",
      at: { ru: 1, fr: 0, en: 2 },
      newRowId: "r3",
      rowMeta: { r2: { status: "confirmed", confidence: 0.9 }, r3: ALIGNED },
    });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("refuses to merge the last row, saying why", () => {
    const error = refusalOf(start, { type: "mergeRows", rowId: "r3" });
    expect(error.code).toBe("no-next-row");
    expect(error.message).toBe('Row 3 (id "r3") is the last row: there is no next row to merge it with.');
  });

  it("refuses an unknown row", () => {
    expect(refusalOf(start, { type: "mergeRows", rowId: "r9" }).message).toBe('There is no row with id "r9".');
  });
});

describe("splitRow", () => {
  const start = stateOf(E, ["r1: a1 a2 | b1 b2 b3 | c1", "r2: a3 | b4 | c2"], { r1: { status: "confirmed", confidence: 0.7 } });

  it("keeps each edition's first at[e] segments in the row and moves the rest to a new row after it", () => {
    const { state, touchedRowIds } = applyOperation(start, { type: "splitRow", rowId: "r1", at: { ru: 1, fr: 2, en: 1 }, newRowId: "n1" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1 b2 | c1", "n1: a2 | b3 | -", "r2: a3 | b4 | c2"]);
    expect(metasOf(state)).toEqual({ r1: HAND_MADE, n1: HAND_MADE, r2: ALIGNED });
    expect(touchedRowIds).toEqual(["r1", "n1"]);
  });

  it("leaves an edition missing from `at` wholly in the first part", () => {
    const { state } = applyOperation(start, { type: "splitRow", rowId: "r1", at: { ru: 1 }, newRowId: "n1" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1 b2 b3 | c1", "n1: a2 | - | -", "r2: a3 | b4 | c2"]);
  });

  it("puts the new row first with newRowBefore", () => {
    const { state } = applyOperation(start, { type: "splitRow", rowId: "r1", at: { ru: 1, fr: 1, en: 0 }, newRowId: "n1", newRowBefore: true });
    expect(rowsOf(state)).toEqual(["n1: a1 | b1 | -", "r1: a2 | b2 b3 | c1", "r2: a3 | b4 | c2"]);
  });

  it("is undone by merging the parts back, restoring the confirmed status", () => {
    const { state, inverse } = applyOperation(start, { type: "splitRow", rowId: "r1", at: { ru: 1, fr: 2, en: 1 }, newRowId: "n1" });
    expect(inverse).toEqual({ type: "mergeRows", rowId: "r1", rowMeta: { r1: { status: "confirmed", confidence: 0.7 } } });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("refuses a split that leaves a part empty in every edition", () => {
    const error = refusalOf(start, { type: "splitRow", rowId: "r1", at: { ru: 0, fr: 0, en: 0 }, newRowId: "n1" });
    expect(error.code).toBe("would-empty-row");
    expect(error.message).toContain("first part empty in every edition");
  });

  it("refuses a split point beyond the cell and a taken row id", () => {
    expect(refusalOf(start, { type: "splitRow", rowId: "r1", at: { ru: 3 }, newRowId: "n1" }).message).toBe(
      'Row 1 (id "r1") cannot be split after 3 segment(s) of edition "ru": its cell holds 2.',
    );
    expect(refusalOf(start, { type: "splitRow", rowId: "r1", at: { ru: 1 }, newRowId: "r2" }).code).toBe("row-id-taken");
  });
});
