import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffMarks, joinSegments, markPieces, marksOfSegment } from "./text-marks";
import { wordChunks } from "./word-chunks";

describe("markPieces", () => {
  it("cuts the text at every mark boundary and lists the marks covering each piece", () => {
    const pieces = markPieces("Zinoviev and Kamenev", [
      { start: 0, end: 8, kind: "anchor" },
      { start: 0, end: 12, kind: "added" },
    ]);
    expect(pieces.map((piece) => [piece.text, piece.marks.map((mark) => mark.kind)])).toEqual([
      ["Zinoviev", ["anchor", "added"]],
      [" and", ["added"]],
      [" Kamenev", []],
    ]);
  });

  it("gives pieces that concatenate back to the text whatever the marks", () => {
    const mark = fc.record({ start: fc.integer({ min: -5, max: 40 }), end: fc.integer({ min: -5, max: 40 }), kind: fc.constant("k") });
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(mark, { maxLength: 6 }), (text, marks) => {
        expect(markPieces(text, marks).map((piece) => piece.text).join("")).toBe(text);
      }),
    );
  });
});

describe("joinSegments and marksOfSegment", () => {
  it("bring marks of a joined cell back to each segment", () => {
    const { text, starts } = joinSegments(["Kirov was killed.", "Nikolaev shot him."]);
    const start = text.indexOf("killed. Nikolaev");
    const marks = [{ start, end: start + "killed. Nikolaev".length, kind: "removed" }];
    expect(marksOfSegment(marks, starts[0], 17).map((m) => "Kirov was killed.".slice(m.start, m.end))).toEqual(["killed."]);
    expect(marksOfSegment(marks, starts[1], 18).map((m) => "Nikolaev shot him.".slice(m.start, m.end))).toEqual(["Nikolaev"]);
  });
});

describe("wordChunks", () => {
  it("finds the words with their offsets, without the punctuation around them", () => {
    const text = "«Жажда власти» — “thirst”";
    expect(wordChunks(text, "ru").map((word) => text.slice(word.start, word.end))).toEqual(["Жажда", "власти", "thirst"]);
  });
});

describe("diffMarks", () => {
  it("marks the parts of one kind in the offsets of the text they rebuild", () => {
    const parts = [
      { kind: "equal", text: "Zinoviev and " },
      { kind: "removed", text: "Kamenev" },
      { kind: "equal", text: " were shot" },
    ];
    expect(diffMarks(parts, "removed")).toEqual([{ start: 13, end: 20, kind: "removed" }]);
  });
});
