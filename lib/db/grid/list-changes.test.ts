import { describe, expect, it } from "vitest";
import { coversVersions, touchingRows } from "./list-changes";
import type { ChangeSummary } from "./types";

function change(gridVersion: number, kind: string, rowIds: string[] = []): ChangeSummary {
  return { id: `c${gridVersion}`, gridVersion, kind, summary: kind, userId: null, userName: null, createdAt: "2026-01-01T00:00:00.000Z", rowIds, undoneAt: null, undoOfId: null };
}

describe("the journal seen row by row", () => {
  it("covers consecutive editor changes, but not a gap in the versions", () => {
    expect(coversVersions([change(4, "mergeRows", ["a"]), change(5, "setStatus", ["b"])], 3, 5)).toBe(true);
    expect(coversVersions([change(5, "setStatus", ["b"])], 3, 5)).toBe(false);
  });

  it.each(["align", "realign", "import", "replace-edition"])("does not cover a %s entry, which replaced or extended the grid as a whole", (kind) => {
    expect(coversVersions([change(4, "mergeRows", ["a"]), change(5, kind)], 3, 5)).toBe(false);
  });

  it.each(["align", "realign", "import", "replace-edition"])("counts a %s entry as touching every row, whatever rows it names", (kind) => {
    const later = [change(4, "setStatus", ["a"]), change(5, kind, ["x"])];
    expect(touchingRows(later, ["b"]).map((c) => c.kind)).toEqual([kind]);
    expect(touchingRows(later, ["a"]).map((c) => c.kind)).toEqual(["setStatus", kind]);
  });
});
