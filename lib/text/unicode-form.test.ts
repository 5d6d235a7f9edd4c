import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNfc, nfcWithOffsets, toNfc } from "./unicode-form";

const nfd = (text: string) => text.normalize("NFD");

describe("toNfc", () => {
  it("leaves NFC text alone and counts nothing", () => {
    expect(toNfc("Le café est fermé.")).toEqual({ text: "Le café est fermé.", changed: 0 });
    expect(toNfc("")).toEqual({ text: "", changed: 0 });
  });

  it("composes decomposed letters and counts each letter written otherwise once", () => {
    expect(toNfc(nfd("café"))).toEqual({ text: "café", changed: 1 });
    /* ệ is e + dot below + circumflex in NFD: three characters, one composed. */
    expect(toNfc(nfd("Mọi người đều có quyền"))).toEqual({ text: "Mọi người đều có quyền", changed: 6 });
    expect(toNfc(nfd("ガラス"))).toEqual({ text: "ガラス", changed: 1 });
    expect(toNfc(nfd("한국어"))).toEqual({ text: "한국어", changed: 3 });
  });

  it("counts a mark that composes with nothing as unchanged, and puts marks in canonical order", () => {
    /* Cyrillic а with a stress mark has no composed form. */
    expect(toNfc("на́ш")).toEqual({ text: "на́ш", changed: 0 });
    /* dot below (ccc 220) goes before the circumflex (ccc 230), then both compose. */
    expect(toNfc("e\u0302\u0323")).toEqual({ text: "ệ", changed: 1 });
    expect(toNfc("a\u0301\u0302")).toEqual({ text: "á\u0302", changed: 1 });
  });

  it("agrees with String.prototype.normalize on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite" }), fc.boolean(), (text, decompose) => {
        const input = decompose ? nfd(text) : text;
        const result = toNfc(input);
        expect(result.text).toBe(input.normalize("NFC"));
        expect(result.changed === 0).toBe(input === result.text);
        expect(isNfc(result.text)).toBe(true);
      }),
    );
  });
});

describe("nfcWithOffsets", () => {
  it("maps a range of the NFC text back to the same characters of the original", () => {
    const stored = nfd("Mọi người đều có quyền.");
    const mapped = nfcWithOffsets(stored);
    const at = mapped.text.indexOf("quyền");
    expect(stored.slice(mapped.start(at), mapped.end(at + "quyền".length))).toBe(nfd("quyền"));
    const first = mapped.text.indexOf("người");
    expect(stored.slice(mapped.start(first), mapped.end(first + 5))).toBe(nfd("người"));
  });

  it("never cuts a letter from its accent: a range ending inside a composed character takes it whole", () => {
    const stored = nfd("ệx");
    const mapped = nfcWithOffsets(stored);
    expect(mapped.text).toBe("ệx");
    expect(stored.slice(mapped.start(0), mapped.end(1))).toBe(nfd("ệ"));
    expect(stored.slice(mapped.start(1), mapped.end(2))).toBe("x");
  });

  it("is the identity on NFC text", () => {
    const mapped = nfcWithOffsets("café");
    expect([mapped.text, mapped.start(2), mapped.end(4)]).toEqual(["café", 2, 4]);
  });

  it("maps every range to one whose NFC is the range's text (any text, in either form)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 20 }), fc.nat(), fc.nat(), (text, a, b) => {
        const stored = nfd(text);
        const mapped = nfcWithOffsets(stored);
        const start = a % (mapped.text.length + 1);
        const end = start + (b % (mapped.text.length - start + 1));
        const slice = stored.slice(mapped.start(start), mapped.end(end));
        expect(slice.normalize("NFC")).toContain(mapped.text.slice(start, end));
      }),
    );
  });
});
