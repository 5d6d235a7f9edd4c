import { describe, expect, it } from "vitest";
import { applyOperation } from "../operations";
import { ALIGNED, metasOf, refusalOf, stateOf } from "../grid.fixtures";

const CONFIRMED_08 = { status: "confirmed", confidence: 0.8 };
const start = stateOf(["ru", "fr"], ["r1: a1 | b1", "r2: a2 | b2", "r3: a3 | b3", "r4: a4 | b4"], {
  r2: { status: "confirmed", confidence: null },
});

describe("setStatus", () => {
  it("confirms a row and keeps its confidence; the inverse unconfirms it", () => {
    const { state, inverse, touchedRowIds } = applyOperation(start, { type: "setStatus", rowId: "r1", status: "confirmed" });
    expect(metasOf(state).r1).toEqual(CONFIRMED_08);
    expect(touchedRowIds).toEqual(["r1"]);
    expect(inverse).toEqual({ type: "setStatus", rowId: "r1", status: "automatic" });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("leaves the cells and the other rows as they were", () => {
    const { state } = applyOperation(start, { type: "setStatus", rowId: "r2", status: "automatic" });
    expect(state.grid.rows[1].cells).toBe(start.grid.rows[1].cells);
    expect(state.grid.rows.filter((_, i) => i !== 1)).toEqual(start.grid.rows.filter((_, i) => i !== 1));
  });

  it("refuses a status the row already has", () => {
    expect(refusalOf(start, { type: "setStatus", rowId: "r2", status: "confirmed" }).message).toBe('Row 2 (id "r2") is already confirmed.');
  });
});

describe("confirmUpTo", () => {
  it("confirms every row from the first down to the given one", () => {
    const { state, inverse, touchedRowIds } = applyOperation(start, { type: "confirmUpTo", rowId: "r3" });
    expect(metasOf(state)).toEqual({ r1: CONFIRMED_08, r2: { status: "confirmed", confidence: null }, r3: CONFIRMED_08, r4: ALIGNED });
    expect(touchedRowIds).toEqual(["r1", "r3"]);
    expect(inverse).toEqual({
      type: "restoreStatuses",
      rows: [
        { rowId: "r1", ...ALIGNED },
        { rowId: "r3", ...ALIGNED },
      ],
    });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("refuses when every row up to there is confirmed already", () => {
    const { state } = applyOperation(start, { type: "confirmUpTo", rowId: "r3" });
    expect(refusalOf(state, { type: "confirmUpTo", rowId: "r2" }).code).toBe("no-change");
  });
});

describe("restoreStatuses", () => {
  it("refuses a row named twice and a confidence out of range", () => {
    const twice = { type: "restoreStatuses", rows: [{ rowId: "r1", ...ALIGNED }, { rowId: "r1", ...ALIGNED }] } as const;
    expect(refusalOf(start, { ...twice, rows: [...twice.rows] }).code).toBe("duplicate-row-in-operation");
    expect(refusalOf(start, { type: "restoreStatuses", rows: [{ rowId: "r1", status: "confirmed", confidence: 2 }] }).code).toBe(
      "invalid-row-meta",
    );
  });
});
