import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertGridInvariant, checkGridInvariant, GridInvariantError, normalizeGrid, type Grid } from "./grid";
import { gridStateArbitrary } from "./grid.arbitraries";
import { stateOf } from "./grid.fixtures";

const codes = (grid: Grid, segments: Record<string, string[]>) => checkGridInvariant(grid, segments).map((v) => v.code);

describe("checkGridInvariant", () => {
  const valid = stateOf(["ru", "fr"], ["r1: a1 | b1 b2", "r2: - | b3", "r3: a2 a3 | b4"]);

  it("accepts a grid whose columns read as the editions", () => {
    expect(checkGridInvariant(valid.grid, valid.segments)).toEqual([]);
    expect(() => assertGridInvariant(valid.grid, valid.segments)).not.toThrow();
  });

  it("accepts every generated grid", () => {
    fc.assert(fc.property(gridStateArbitrary, ({ grid, segments }) => checkGridInvariant(grid, segments).length === 0));
  });

  it("accepts cells left out of a row as empty", () => {
    const grid: Grid = { editionIds: ["ru", "fr"], rows: [{ id: "r1", cells: { ru: ["a1"] }, status: "automatic", confidence: null }] };
    expect(checkGridInvariant(grid, { ru: ["a1"], fr: [] })).toEqual([]);
  });

  it("reports a missing segment with its edition and position", () => {
    const [violation] = checkGridInvariant(valid.grid, { ...valid.segments, fr: ["b1", "b2", "b3", "b4", "b5"] });
    expect(violation).toMatchObject({ code: "missing-segment", editionId: "fr", segmentId: "b5" });
    expect(violation.message).toBe('Edition "fr": segment "b5" (number 5 in the edition) is in no row.');
  });

  it("reports a segment placed twice, naming both rows", () => {
    const grid = stateOf(["ru", "fr"], ["r1: a1 | b1", "r2: a1 | b2"]).grid;
    const violations = checkGridInvariant(grid, { ru: ["a1"], fr: ["b1", "b2"] });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ code: "repeated-segment", rowId: "r2", segmentId: "a1" });
    expect(violations[0].message).toContain('row 1 (id "r1")');
    expect(violations[0].message).toContain('Row 2 (id "r2")');
  });

  it("reports segments out of the edition's order", () => {
    const grid = stateOf(["ru"], ["r1: a2", "r2: a1"]).grid;
    const violations = checkGridInvariant(grid, { ru: ["a1", "a2"] });
    expect(violations.map((v) => [v.code, v.segmentId, v.rowId])).toEqual([["segment-out-of-order", "a1", "r2"]]);
  });

  it("reports reordering inside one cell", () => {
    const grid = stateOf(["ru"], ["r1: a2 a1"]).grid;
    expect(codes(grid, { ru: ["a1", "a2"] })).toEqual(["segment-out-of-order"]);
  });

  it("reports a segment that is not the edition's", () => {
    const grid = stateOf(["ru", "fr"], ["r1: a1 b1 | -"]).grid;
    expect(codes(grid, { ru: ["a1"], fr: ["b1"] })).toEqual(["unknown-segment", "missing-segment"]);
  });

  it("reports a row that is empty in every edition", () => {
    const grid = stateOf(["ru", "fr"], ["r1: a1 | b1", "r2: - | -"]).grid;
    const violations = checkGridInvariant(grid, { ru: ["a1"], fr: ["b1"] });
    expect(violations).toEqual([{ code: "empty-row", rowId: "r2", message: 'Row 2 (id "r2") is empty in every edition.' }]);
  });

  it("reports a repeated row id", () => {
    const grid = stateOf(["ru"], ["r1: a1", "r1: a2"]).grid;
    expect(codes(grid, { ru: ["a1", "a2"] })).toEqual(["duplicate-row-id"]);
  });

  it("reports a cell for an edition outside the grid", () => {
    const grid: Grid = { editionIds: ["ru"], rows: [{ id: "r1", cells: { ru: ["a1"], de: ["c1"] }, status: "automatic", confidence: null }] };
    expect(codes(grid, { ru: ["a1"] })).toEqual(["unknown-edition-cell"]);
  });

  it("reports editions whose segments are missing or that the grid lacks", () => {
    const grid = stateOf(["ru"], ["r1: a1"]).grid;
    expect(codes(grid, { fr: [] })).toEqual(["missing-edition-segments", "edition-not-in-grid"]);
  });

  it("reports a repeated edition and a repeated segment in an edition's list", () => {
    const grid: Grid = { editionIds: ["ru", "ru"], rows: [{ id: "r1", cells: { ru: ["a1"] }, status: "automatic", confidence: null }] };
    expect(codes(grid, { ru: ["a1", "a1"] })).toEqual(["duplicate-edition", "duplicate-segment-in-edition"]);
  });

  it("reports a status or confidence out of range", () => {
    const grid: Grid = {
      editionIds: ["ru"],
      rows: [
        { id: "r1", cells: { ru: ["a1"] }, status: "done" as never, confidence: null },
        { id: "r2", cells: { ru: ["a2"] }, status: "confirmed", confidence: 1.5 },
      ],
    };
    expect(codes(grid, { ru: ["a1", "a2"] })).toEqual(["invalid-status", "invalid-confidence"]);
  });

  it("finds a dropped or moved segment in any generated grid", () => {
    fc.assert(
      fc.property(gridStateArbitrary, fc.nat(), ({ grid, segments }, pick) => {
        const placed = grid.rows.flatMap((row, r) => grid.editionIds.flatMap((e) => row.cells[e].map((_, i) => ({ r, e, i }))));
        fc.pre(placed.length > 0);
        const { r, e, i } = placed[pick % placed.length];
        const broken = structuredClone(grid);
        broken.rows[r].cells[e].splice(i, 1);
        return checkGridInvariant(broken, segments).some((v) => v.editionId === e || v.code === "empty-row");
      }),
    );
  });
});

describe("assertGridInvariant", () => {
  it("throws a GridInvariantError listing every violation", () => {
    const grid = stateOf(["ru"], ["r1: a2", "r2: -"]).grid;
    let error: unknown;
    try {
      assertGridInvariant(grid, { ru: ["a1", "a2"] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GridInvariantError);
    const { violations, message } = error as GridInvariantError;
    expect(violations.map((v) => v.code)).toEqual(["empty-row", "missing-segment"]);
    expect(message).toContain("2 problems");
    expect(message).toContain('segment "a1"');
  });
});

describe("normalizeGrid", () => {
  it("gives every row a cell for every edition and keeps the rest", () => {
    const grid: Grid = { editionIds: ["ru", "fr"], rows: [{ id: "r1", cells: { fr: ["b1"] }, status: "confirmed", confidence: 0.5 }] };
    expect(normalizeGrid(grid)).toEqual({
      editionIds: ["ru", "fr"],
      rows: [{ id: "r1", cells: { ru: [], fr: ["b1"] }, status: "confirmed", confidence: 0.5 }],
    });
  });
});
