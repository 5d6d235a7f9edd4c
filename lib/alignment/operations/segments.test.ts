import { describe, expect, it } from "vitest";
import { applyOperation } from "../operations";
import { metasOf, refusalOf, rowsOf, stateOf } from "../grid.fixtures";

const CONFIRMED = { status: "confirmed", confidence: 0.6 } as const;
const start = stateOf(["ru", "fr"], ["r1: a1 a2 | b1", "r2: a3 | b2"], { r1: CONFIRMED });

describe("splitSegment", () => {
  it("puts the new segment right after the split one, in the cell and in the edition, keeping the row's status", () => {
    const { state, inverse, touchedRowIds } = applyOperation(start, { type: "splitSegment", editionId: "ru", segmentId: "a1", newSegmentId: "a1b" });
    expect(rowsOf(state)).toEqual(["r1: a1 a1b a2 | b1", "r2: a3 | b2"]);
    expect(state.segments.ru).toEqual(["a1", "a1b", "a2", "a3"]);
    expect(metasOf(state).r1).toEqual(CONFIRMED);
    expect(touchedRowIds).toEqual(["r1"]);
    expect(inverse).toEqual({ type: "mergeSegments", editionId: "ru", segmentId: "a1" });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("refuses a new id that a segment already has", () => {
    expect(refusalOf(start, { type: "splitSegment", editionId: "ru", segmentId: "a1", newSegmentId: "b2" }).message).toBe(
      'The new segment id "b2" is already used in edition "fr".',
    );
  });
});

describe("mergeSegments", () => {
  it("removes the next segment of the edition, keeping the first id; the inverse splits it out again", () => {
    const { state, inverse } = applyOperation(start, { type: "mergeSegments", editionId: "ru", segmentId: "a1" });
    expect(rowsOf(state)).toEqual(["r1: a1 | b1", "r2: a3 | b2"]);
    expect(state.segments.ru).toEqual(["a1", "a3"]);
    expect(inverse).toEqual({ type: "splitSegment", editionId: "ru", segmentId: "a1", newSegmentId: "a2" });
    expect(applyOperation(state, inverse).state).toEqual(start);
  });

  it("refuses segments in different rows and tells the user to bring them into one row", () => {
    const error = refusalOf(start, { type: "mergeSegments", editionId: "ru", segmentId: "a2" });
    expect(error.code).toBe("segments-in-different-rows");
    expect(error.message).toBe(
      'Segment "a2" (row 1 (id "r1")) and the next segment of edition "ru", "a3" (row 2 (id "r2")), are in different rows. ' +
        'Move them into one row first (shift "a3" up or pop "a2" down), then merge.',
    );
  });

  it("refuses the edition's last segment and an unknown segment", () => {
    expect(refusalOf(start, { type: "mergeSegments", editionId: "ru", segmentId: "a3" }).code).toBe("no-next-segment");
    expect(refusalOf(start, { type: "mergeSegments", editionId: "ru", segmentId: "zz" }).message).toBe('Edition "ru" has no segment "zz".');
  });
});
