import { describe, expect, it } from "vitest";
import { isNotOneToOne, nextRow } from "../../alignment/row-navigation";
import { applyGridPatch, gridOfRows, gridOfShownRows, heldCell, missingText, rowsOfOutline, shownRowOf, shownRowOfStart, startRowOf, withFetchedRows, type EditorRow } from "./editor-grid";

const row = (id: string, text = id): EditorRow => ({
  id,
  version: 1,
  status: "automatic",
  confidence: null,
  cells: { e: [{ id: `s-${text}`, text, version: 0, kind: "paragraph", paragraph: 0, headingLevel: null }] },
});

describe("applyGridPatch", () => {
  it("replaces changed rows, drops removed ones and inserts new ones after the row that now precedes them", () => {
    const rows = [row("a"), row("b"), row("c"), row("d")];
    const patched = applyGridPatch(rows, {
      full: false,
      since: 1,
      version: 3,
      rows: [
        { row: row("new-first"), after: null },
        { row: row("b", "b2"), after: "a" },
        { row: row("x"), after: "b" },
      ],
      removed: ["c"],
    });
    expect(patched?.map((r) => r.cells.e[0].text)).toEqual(["new-first", "a", "b2", "x", "d"]);
  });

  it("keeps the objects of rows the patch does not name", () => {
    const rows = [row("a"), row("b")];
    const patched = applyGridPatch(rows, { full: false, since: 1, version: 2, rows: [{ row: row("b", "b2"), after: "a" }], removed: [] })!;
    expect(patched[0]).toBe(rows[0]);
  });

  it("gives null (load everything) for a full reload or a row it cannot place", () => {
    expect(applyGridPatch([row("a")], { full: true, since: 1, version: 2 })).toBeNull();
    expect(applyGridPatch([row("a")], { full: false, since: 1, version: 2, rows: [{ row: row("b"), after: "zzz" }], removed: [] })).toBeNull();
  });
});

describe("gridOfRows", () => {
  it("gives every row a cell for every edition, of segment ids", () => {
    expect(gridOfRows(["e", "f"], [row("a")])).toEqual({
      editionIds: ["e", "f"],
      rows: [{ id: "a", status: "automatic", confidence: null, cells: { e: ["s-a"], f: [] } }],
    });
  });
});

describe("the rows of a long grid held as an outline", () => {
  const outline = {
    version: 3,
    editionIds: ["e"],
    rows: [
      ["a", 1, 0, 0.5, [1]],
      ["b", 2, 1, null, [2]],
      ["c", 1, 0, 0.9, [1]],
    ] as Array<[string, number, 0 | 1, number | null, number[]]>,
  };

  it("keeps the text of rows held at the same version and leaves the others to be fetched", () => {
    const held = [shownRowOf(row("a"), ["e"]), shownRowOf(row("b"), ["e"])];
    const rows = rowsOfOutline(outline, held);
    expect(rows.map((r) => [r.id, r.cells === null, r.status])).toEqual([
      ["a", false, "automatic"],
      ["b", true, "confirmed"],
      ["c", true, "automatic"],
    ]);
    expect(rows[0]).toBe(held[0]);
  });

  it("fills in fetched rows no older than the outline, and navigates by the outline's sizes before any text comes", () => {
    const rows = rowsOfOutline(outline, []);
    const filled = withFetchedRows(rows, [{ ...row("c"), version: 1 }, { ...row("a"), version: 0 }], ["e"]);
    expect(filled.map((r) => r.cells !== null)).toEqual([false, false, true]);
    expect(nextRow(gridOfShownRows(["e"], rows), -1, isNotOneToOne)).toBe(1);
  });
});

describe("the text of a wide grid, column by column", () => {
  const segment = (id: string) => ({ id, text: id, version: 0, kind: "paragraph" as const, paragraph: 0, headingLevel: null });
  const wide: EditorRow = { id: "r", version: 2, status: "automatic", confidence: null, cells: { a: [segment("a1")], b: [segment("b1"), segment("b2")] } };

  it("holds the sizes of every shown edition and the text of the editions sent; empty cells need no text", () => {
    const shown = shownRowOf(wide, ["a", "b", "c"], ["a"]);
    expect(shown.sizes).toEqual({ a: 1, b: 2, c: 0 });
    expect(heldCell(shown, "a")?.map((s) => s.id)).toEqual(["a1"]);
    expect(heldCell(shown, "b")).toBeNull();
    expect(heldCell(shown, "c")).toEqual([]);
    expect(missingText(shown, ["a", "b", "c"])).toEqual(["b"]);
  });

  it("carries a first row with the text of some editions and the sizes of the others, and shows it as held", () => {
    const start = startRowOf(wide, ["b", "c", "a"], ["b"]);
    expect(Object.keys(start.cells)).toEqual(["b"]);
    expect(start.otherSizes).toEqual([0, 1]);
    const shown = shownRowOfStart(JSON.parse(JSON.stringify(start)), ["b", "c", "a"], ["b"]);
    expect(shown).toEqual(shownRowOf(wide, ["b", "c", "a"], ["b"]));
    expect(startRowOf(wide, ["a", "b"], ["a", "b"]).otherSizes).toBeUndefined();
  });

  it("adds fetched columns to the text held at the same version, and replaces the text of an older version", () => {
    const held = [shownRowOf(wide, ["a", "b", "c"], ["a"])];
    const same = withFetchedRows(held, [wide], ["b"]);
    expect(missingText(same[0], ["a", "b", "c"])).toEqual([]);
    expect(heldCell(same[0], "b")?.map((s) => s.id)).toEqual(["b1", "b2"]);
    const newer = withFetchedRows(held, [{ ...wide, version: 3, cells: { b: [segment("b1")] } }], ["b"]);
    expect(newer[0].version).toBe(3);
    expect(newer[0].sizes).toEqual({ a: 1, b: 1, c: 0 });
    expect(missingText(newer[0], ["a", "b", "c"])).toEqual(["a"]);
    expect(withFetchedRows(held, [{ ...wide, version: 1 }], ["b"])[0]).toBe(held[0]);
  });
});
