import { describe, expect, it } from "vitest";
import { describeChange, type DescribeContext } from "./describe-change";

const context: DescribeContext = {
  rowNumber: (id) => ({ r1: 1, r2: 2 })[id] ?? null,
  editionName: (id) => ({ e1: "ru", e2: "fr" })[id] ?? "?",
  rowOfSegment: (id) => (id === "s1" ? "r2" : null),
};

describe("describeChange", () => {
  it("names rows by their number and editions by their name", () => {
    expect(describeChange({ type: "layout", op: { type: "mergeRows", rowId: "r1" } }, context)).toBe("Merged row 1 with row 2");
    expect(describeChange({ type: "layout", op: { type: "popDown", rowId: "r2", editionId: "e2", count: 2 } }, context)).toBe(
      "Moved the last 2 segments of fr in row 2 down into the row below",
    );
    expect(describeChange({ type: "layout", op: { type: "setStatus", rowId: "r2", status: "automatic" } }, context)).toBe("Unconfirmed row 2");
    expect(describeChange({ type: "layout", op: { type: "confirmUpTo", rowId: "r9" } }, context)).toBe("Confirmed every row down to a new row");
  });

  it("says where a text correction was made and why, and tells a revert apart", () => {
    const edit = { type: "editText" as const, segmentId: "s1", before: "a", after: "b", reason: "typo" };
    expect(describeChange(edit, context)).toBe("Corrected the text of a segment in row 2: typo");
    expect(describeChange({ ...edit, revertOf: "rev", reason: "Revert of “typo”" }, context)).toBe("Reverted a correction of a segment in row 2: Revert of “typo”");
  });

  it("quotes the parts of a split segment, shortened", () => {
    const long = "word ".repeat(30).trim();
    const text = describeChange(
      {
        type: "splitSegment",
        editionId: "e1",
        segmentId: "s1",
        before: `${long} end.`,
        parts: [long, "end."],
        created: { id: "s9", paragraph: 0, kind: "paragraph", headingLevel: null, xmlId: null, createdAt: "2026-01-01T00:00:00Z" },
        revisionIds: [],
        lineage: { create: [], repoint: [] },
      },
      context,
    );
    expect(text).toMatch(/^Split a ru segment in row 2 in two: “word word .*…” \| “end\.”$/);
  });
});
