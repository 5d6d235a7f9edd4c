import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { splitNoteRefs, stripNoteRefs, type TextPart } from "./note-refs";

const render = (parts: TextPart[]) => parts.map((part) => (part.kind === "text" ? part.text : `[^${part.label}]`)).join("");

describe("splitNoteRefs", () => {
  it("splits a note reference out of the running text", () => {
    expect(splitNoteRefs("my late co-thinker, Kote Tsintsadze,[^6] who died in exile")).toEqual([
      { kind: "text", text: "my late co-thinker, Kote Tsintsadze," },
      { kind: "note", label: "6" },
      { kind: "text", text: " who died in exile" },
    ]);
  });

  it("returns a reference at the start or the end without empty text parts", () => {
    expect(splitNoteRefs("[^1]proceeding.[^2]")).toEqual([
      { kind: "note", label: "1" },
      { kind: "text", text: "proceeding." },
      { kind: "note", label: "2" },
    ]);
  });

  it("splits adjacent references into two notes", () => {
    expect(splitNoteRefs("dock.[^3][^4]")).toEqual([
      { kind: "text", text: "dock." },
      { kind: "note", label: "3" },
      { kind: "note", label: "4" },
    ]);
  });

  it("accepts labels of letters, digits, hyphens and underscores in any script", () => {
    expect(splitNoteRefs("a[^n-12]b[^прим_3]").filter((part) => part.kind === "note")).toEqual([
      { kind: "note", label: "n-12" },
      { kind: "note", label: "прим_3" },
    ]);
  });

  it("leaves text that only looks like a reference as text", () => {
    for (const text of ["[^]", "[^ 6]", "[6]", "^6", "[^6 ]", "[^a.b]"]) {
      expect(splitNoteRefs(text)).toEqual([{ kind: "text", text }]);
    }
  });

  it("returns no part for empty text and one text part for text without references", () => {
    expect(splitNoteRefs("")).toEqual([]);
    expect(splitNoteRefs("Plain text.")).toEqual([{ kind: "text", text: "Plain text." }]);
  });

  it("gives back the original text when the parts are put together again (property)", () => {
    const piece = fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9_-]{1,4}$/).map((label) => `[^${label}]`));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("");
        expect(render(splitNoteRefs(text))).toBe(text);
      }),
    );
  });
});

describe("stripNoteRefs", () => {
  it("removes every reference and keeps the rest of the text", () => {
    expect(stripNoteRefs("proceeding.[^1] In 1994,[^2] the dock.”[^3]")).toBe("proceeding. In 1994, the dock.”");
  });

  it("leaves text without references unchanged", () => {
    expect(stripNoteRefs("Kote Tsintsadze, who died in exile [sic]")).toBe("Kote Tsintsadze, who died in exile [sic]");
  });

  it("leaves the same text as the text parts of splitNoteRefs", () => {
    const text = "a[^1] b [^x]c[^ 2]";
    expect(stripNoteRefs(text)).toBe(
      splitNoteRefs(text)
        .map((part) => (part.kind === "text" ? part.text : ""))
        .join(""),
    );
  });
});
