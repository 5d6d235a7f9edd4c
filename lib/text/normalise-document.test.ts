import { describe, expect, it } from "vitest";
import type { EditionDocument } from "./edition-document";
import { combineNormalisations, normaliseDocument, normalisationSentence } from "./normalise-document";

const nfd = (text: string) => text.normalize("NFD");

function documentOf(texts: string[], extra: Partial<EditionDocument> = {}): EditionDocument {
  return {
    meta: { work: "w", workTitle: null, author: null, edition: "vi", language: "vi", title: "Tuyên ngôn", translator: null, publisher: null, place: null, year: null, original: true, provenance: "published", source: null },
    blocks: [{ kind: "paragraph", level: null, labels: [], line: 1, sentences: texts.map((text) => ({ text })) }],
    apparatus: null,
    corrections: [],
    ...extra,
  };
}

describe("normaliseDocument", () => {
  it("returns a document in NFC as it was, with nothing to record", () => {
    const document = documentOf(["Mọi người đều có quyền."]);
    expect(normaliseDocument(document)).toEqual({ document, normalisation: null });
  });

  it("brings every text to NFC and counts the letters changed and the segments they are in", () => {
    const document = documentOf([nfd("Mọi người."), "Giáo dục.", nfd("quyền")], {
      meta: { ...documentOf([]).meta, title: nfd("Tuyên ngôn") },
      apparatus: { blocks: [{ kind: "note", level: null, labels: [], line: 9, sentences: [{ text: nfd("Chú thích") }] }] },
      corrections: [{ line: 3, kind: "emendation", before: nfd("đươc"), after: nfd("được"), reason: "misprint" }],
    });
    const { document: normalised, normalisation } = normaliseDocument(document);
    expect(normalised.blocks[0].sentences.map((sentence) => sentence.text)).toEqual(["Mọi người.", "Giáo dục.", "quyền"]);
    expect([normalised.meta.title, normalised.apparatus!.blocks[0].sentences[0].text, normalised.corrections[0].after]).toEqual(["Tuyên ngôn", "Chú thích", "được"]);
    /* text 3 + 1, title 2, apparatus 2, the correction 2 + 2 */
    expect(normalisation).toEqual({ form: "NFC", letters: 12, segments: 2 });
    expect(normaliseDocument(normalised).normalisation).toBeNull();
  });
});

describe("combineNormalisations", () => {
  const earlier = { form: "NFC", letters: 12, segments: 3 } as const;
  it("keeps a record when the new import changes nothing, and the new one when there was none", () => {
    expect(combineNormalisations(earlier, null, 10)).toEqual(earlier);
    expect(combineNormalisations(null, earlier, 10)).toEqual(earlier);
    expect(combineNormalisations(null, null, 10)).toBeNull();
  });

  it("adds both counts, the segments at most the edition's", () => {
    expect(combineNormalisations(earlier, { form: "NFC", letters: 2, segments: 1 }, 10)).toEqual({ form: "NFC", letters: 14, segments: 4 });
    expect(combineNormalisations(earlier, { form: "NFC", letters: 5, segments: 2 }, 4)).toEqual({ form: "NFC", letters: 17, segments: 4 });
  });
});

describe("normalisationSentence", () => {
  it("says how many letters and segments changed, in the singular too", () => {
    expect(normalisationSentence({ letters: 1234, segments: 1 })).toMatch(/^1,234 letters written in another Unicode form .* are stored in normal form C \(NFC\); 1 segment of the text changed so\./);
    expect(normalisationSentence({ letters: 1, segments: 0 })).toMatch(/^1 letter .* is stored in normal form C.*; only the metadata, apparatus or corrections changed so\./);
  });
});
