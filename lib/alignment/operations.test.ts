import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkGridInvariant, normalizeGrid, type Grid, type GridRow } from "./grid";
import { deepFreeze, gridStateArbitrary, operationFromRecipe, recipeArbitrary } from "./grid.arbitraries";
import { applyOperation, applyOperations, GridOperationError, type GridOperation, type GridState, type OperationResult } from "./operations";
import { stateOf } from "./grid.fixtures";

const unchecked = { checkInvariant: false } as const;

/** Applies the op without the built-in invariant check; null when refused (refusal must be a GridOperationError). */
function attempt(state: GridState, op: GridOperation): OperationResult | null {
  try {
    return applyOperation(state, op, unchecked);
  } catch (error) {
    if (!(error instanceof GridOperationError)) throw error;
    return null;
  }
}

function idSource(): () => string {
  let n = 0;
  return () => `new${++n}`;
}

const scenario = fc.record({ start: gridStateArbitrary, recipes: fc.array(recipeArbitrary, { maxLength: 25 }) });
const runs = { numRuns: 400 };

describe("applyOperation on random grids and operations", () => {
  it("keeps the invariant after every applied operation", () => {
    fc.assert(
      fc.property(scenario, ({ start, recipes }) => {
        const freshId = idSource();
        let state = start;
        for (const recipe of recipes) {
          const result = attempt(state, operationFromRecipe(state, recipe, freshId));
          if (result === null) continue;
          expect(checkGridInvariant(result.state.grid, result.state.segments)).toEqual([]);
          state = result.state;
        }
      }),
      runs,
    );
  });

  it("restores the exact prior state with each inverse, and redoes with the inverse's inverse", () => {
    fc.assert(
      fc.property(scenario, ({ start, recipes }) => {
        const freshId = idSource();
        let state = start;
        for (const recipe of recipes) {
          const result = attempt(state, operationFromRecipe(state, recipe, freshId));
          if (result === null) continue;
          const undone = applyOperation(result.state, result.inverse, unchecked);
          expect(undone.state).toEqual(state);
          expect(applyOperation(undone.state, undone.inverse, unchecked).state).toEqual(result.state);
          state = result.state;
        }
      }),
      runs,
    );
  });

  it("undoes a whole random sequence by applying the inverses in reverse", () => {
    fc.assert(
      fc.property(scenario, ({ start, recipes }) => {
        const freshId = idSource();
        let state = start;
        const inverses: GridOperation[] = [];
        for (const recipe of recipes) {
          const result = attempt(state, operationFromRecipe(state, recipe, freshId));
          if (result === null) continue;
          inverses.push(result.inverse);
          state = result.state;
        }
        for (const inverse of inverses.reverse()) state = applyOperation(state, inverse, unchecked).state;
        expect(state).toEqual(start);
      }),
      runs,
    );
  });

  it("never mutates its input, whether it applies or refuses", () => {
    fc.assert(
      fc.property(gridStateArbitrary, fc.array(recipeArbitrary, { minLength: 1, maxLength: 10 }), (start, recipes) => {
        const freshId = idSource();
        let state = deepFreeze(start);
        for (const recipe of recipes) {
          const snapshot = structuredClone(state);
          const result = attempt(state, operationFromRecipe(state, recipe, freshId));
          expect(state).toEqual(snapshot);
          if (result !== null) state = deepFreeze(result.state);
        }
      }),
      runs,
    );
  });

  it("reports exactly the rows that changed, appeared or disappeared as touched", () => {
    const rowKey = (row: GridRow | undefined) => JSON.stringify(row ?? null);
    fc.assert(
      fc.property(scenario, ({ start, recipes }) => {
        const freshId = idSource();
        let state = start;
        for (const recipe of recipes) {
          const result = attempt(state, operationFromRecipe(state, recipe, freshId));
          if (result === null) continue;
          const before = new Map(state.grid.rows.map((r) => [r.id, r]));
          const after = new Map(result.state.grid.rows.map((r) => [r.id, r]));
          const changed = [...new Set([...before.keys(), ...after.keys()])].filter((id) => rowKey(before.get(id)) !== rowKey(after.get(id)));
          expect([...result.touchedRowIds].sort()).toEqual(changed.sort());
          state = result.state;
        }
      }),
      runs,
    );
  });

  it("applies most generated operations, so the properties above are not vacuous", () => {
    let applied = 0;
    let tried = 0;
    const appliedTypes = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ start, recipes }) => {
        const freshId = idSource();
        let state = start;
        for (const recipe of recipes) {
          const op = operationFromRecipe(state, recipe, freshId);
          const result = attempt(state, op);
          tried += 1;
          if (result === null) continue;
          applied += 1;
          appliedTypes.add(op.type);
          state = result.state;
        }
      }),
      runs,
    );
    expect(applied / tried).toBeGreaterThan(0.3);
    expect(appliedTypes.size).toBe(13);
  });
});

describe("applyOperation safety net", () => {
  it("refuses with invariant-violated when the input grid was already broken", () => {
    const broken = stateOf(["ru"], ["r1: a1", "r2: a2"]);
    const state = { ...broken, segments: { ru: ["a1", "a2", "a3"] } };
    expect(() => applyOperation(state, { type: "mergeRows", rowId: "r1" })).toThrow(/already inconsistent.*"a3"/);
  });

  it("refuses an unknown operation type", () => {
    const state = stateOf(["ru"], ["r1: a1"]);
    const error = (() => {
      try {
        applyOperation(state, { type: "explode" } as unknown as GridOperation);
      } catch (e) {
        return e as GridOperationError;
      }
    })();
    expect(error?.code).toBe("unknown-operation");
  });
});

describe("grids not in normal form", () => {
  it("accept rows that leave out empty cells; undo gives back the normal form of the input", () => {
    const grid: Grid = {
      editionIds: ["ru", "fr"],
      rows: [
        { id: "r1", cells: { ru: ["a1"] }, status: "automatic", confidence: 0.5 },
        { id: "r2", cells: { ru: ["a2"], fr: ["b1"] }, status: "confirmed", confidence: 0.9 },
      ],
    };
    const start = { grid, segments: { ru: ["a1", "a2"], fr: ["b1"] } };
    const { state, inverse } = applyOperation(start, { type: "shiftUp", rowId: "r2", editionId: "fr" });
    expect(state.grid.rows[0].cells).toEqual({ ru: ["a1"], fr: ["b1"] });
    expect(applyOperation(state, inverse).state).toEqual({ ...start, grid: normalizeGrid(grid) });
  });
});

describe("applyOperations", () => {
  it("applies a sequence and returns the inverses in undo order", () => {
    const start = stateOf(["ru", "fr"], ["r1: a1 | b1", "r2: a2 | b2", "r3: a3 | b3"]);
    const { state, inverses, touchedRowIds } = applyOperations(start, [
      { type: "mergeRows", rowId: "r1" },
      { type: "shiftUp", rowId: "r3", editionId: "fr" },
    ]);
    expect(touchedRowIds).toEqual(["r1", "r2", "r3"]);
    expect(inverses.map((op) => op.type)).toEqual(["popDown", "splitRow"]);
    expect(applyOperations(state, inverses).state).toEqual(start);
  });

  it("is all or nothing: a refusal part-way throws", () => {
    const start = stateOf(["ru"], ["r1: a1", "r2: a2"]);
    expect(() =>
      applyOperations(start, [
        { type: "mergeRows", rowId: "r1" },
        { type: "mergeRows", rowId: "r1" },
      ]),
    ).toThrow(GridOperationError);
  });
});
