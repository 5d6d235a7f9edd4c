import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gridStateArbitrary } from "../../alignment/grid.arbitraries";
import { checkGridInvariant, type Grid } from "../../alignment/grid";
import type { GridState } from "../../alignment/operations";
import { betweenConfirmed, computeAlignment, wholeWork, withinEachRow, type AlignedEdition, type ExistingRow } from "./compute-alignment";
import type { NewRow } from "./replace-grid";

const WORDS = ["power", "Kamenev", "1936", "program", "«centre»", "thirst", "party", "(August)", "Zinoviev", "opposition"];

/** Each segment's text follows from its id, so both runs of a test see the same texts. */
function textOf(segmentId: string): string {
  const n = [...segmentId].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return Array.from({ length: 2 + (n % 9) }, (_, k) => WORDS[(n + k * 7) % WORDS.length]).join(" ") + ".";
}

function editionsOf(state: GridState): AlignedEdition[] {
  return state.grid.editionIds.map((id, index) => ({
    editionId: id,
    name: id,
    lang: ["ru", "fr", "en", "xx"][index],
    segmentIds: state.segments[id],
    segments: state.segments[id].map((s) => ({ text: textOf(s), paragraph: 0 })),
  }));
}

function existingRows(state: GridState): ExistingRow[] {
  return state.grid.rows.map((row) => ({
    id: row.id,
    status: row.status,
    confidence: row.confidence,
    cells: Object.fromEntries(state.grid.editionIds.map((e) => [e, (row.cells[e] ?? []).map((s) => state.segments[e].indexOf(s))])),
  }));
}

function asGrid(editionIds: string[], rows: NewRow[]): Grid {
  return { editionIds, rows: rows.map((row, i) => ({ id: row.id ?? `new${i}`, cells: row.cells, status: row.status, confidence: row.confidence })) };
}

describe("computing a work's rows", () => {
  it("re-aligning keeps every confirmed row exactly, in order, and the grid invariant holds", async () => {
    await fc.assert(
      fc.asyncProperty(gridStateArbitrary, async (state) => {
        const [pivot, ...others] = editionsOf(state);
        const rows = existingRows(state);
        const { rows: result, kept } = await computeAlignment(betweenConfirmed(rows), pivot, others, { previous: rows });
        expect(checkGridInvariant(asGrid(state.grid.editionIds, result), state.segments)).toEqual([]);
        const confirmed = state.grid.rows.filter((row) => row.status === "confirmed");
        expect(kept).toBe(confirmed.length);
        const resultConfirmed = result.filter((row) => row.status === "confirmed");
        expect(resultConfirmed.map((row) => ({ id: row.id, cells: row.cells, status: row.status, confidence: row.confidence }))).toEqual(
          confirmed.map((row) => ({ id: row.id, cells: row.cells, status: row.status, confidence: row.confidence })),
        );
        for (const row of result.filter((r) => r.status === "automatic")) {
          expect(row.confidence).not.toBeNull();
          expect(row.confidence!).toBeGreaterThanOrEqual(0);
          expect(row.confidence!).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("refining within each row never moves a segment out of its row", async () => {
    await fc.assert(
      fc.asyncProperty(gridStateArbitrary, async (state) => {
        const [pivot, ...others] = editionsOf(state);
        const { rows: result } = await computeAlignment(withinEachRow(existingRows(state)), pivot, others);
        expect(checkGridInvariant(asGrid(state.grid.editionIds, result), state.segments)).toEqual([]);
        const rowOf = new Map(state.grid.rows.flatMap((row) => Object.values(row.cells).flat().map((s) => [s, row.id] as const)));
        for (const row of result) expect(new Set(Object.values(row.cells).flat().map((s) => rowOf.get(s))).size).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it("gives a new row the id of an old row with exactly its cells", async () => {
    const state: GridState = {
      grid: {
        editionIds: ["ru", "fr"],
        rows: [
          { id: "a", cells: { ru: ["ru0", "ru1"], fr: ["fr0", "fr1"] }, status: "automatic", confidence: null },
          { id: "b", cells: { ru: ["ru2"], fr: ["fr2"] }, status: "automatic", confidence: null },
        ],
      },
      segments: { ru: ["ru0", "ru1", "ru2"], fr: ["fr0", "fr1", "fr2"] },
    };
    const [pivot, ...others] = editionsOf(state);
    const first = await computeAlignment(wholeWork([pivot, ...others]), pivot, others, { previous: existingRows(state) });
    expect(first.rows.every((row) => row.id === undefined || ["a", "b"].includes(row.id))).toBe(true);
    const stored: ExistingRow[] = first.rows.map((row, i) => ({
      id: row.id ?? `n${i}`,
      status: "automatic",
      confidence: row.confidence,
      cells: { ru: row.cells.ru.map((s) => state.segments.ru.indexOf(s)), fr: row.cells.fr.map((s) => state.segments.fr.indexOf(s)) },
    }));
    const again = await computeAlignment(wholeWork([pivot, ...others]), pivot, others, { previous: stored });
    expect(again.reused).toBe(stored.length);
    expect(again.rows.map((row) => row.id)).toEqual(stored.map((row) => row.id));
  });

  it("reports progress that rises to 1 with the editions it aligned", async () => {
    const state: GridState = {
      grid: { editionIds: ["ru", "fr", "en"], rows: [{ id: "a", cells: { ru: ["ru0"], fr: ["fr0"], en: ["en0"] }, status: "automatic", confidence: null }] },
      segments: { ru: ["ru0"], fr: ["fr0"], en: ["en0"] },
    };
    const [pivot, ...others] = editionsOf(state);
    const reports: Array<[number, string]> = [];
    await computeAlignment(wholeWork([pivot, ...others]), pivot, others, { onProgress: (done, message) => void reports.push([done, message]) });
    expect(reports).toEqual([
      [0.5, "Aligned “fr” with the pivot “ru”."],
      [1, "Aligned “en” with the pivot “ru”."],
    ]);
  });
});
