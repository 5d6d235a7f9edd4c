import { describe, expect, it } from "vitest";
import { bareTitle, formatCitation, paragraphLocator, quote, splitName, type CitedEdition, type Citation } from "./citation";
import { compareHref, passagePath } from "./passage-link";

const edition = (overrides: Partial<CitedEdition>): CitedEdition => ({
  slug: "en",
  title: "“Thirst for Power”",
  language: "en",
  provenance: "published",
  isOriginal: false,
  standsInForOriginal: false,
  editor: "Tim Davenport (introduction and notes)",
  translator: null,
  publisher: null,
  place: null,
  year: null,
  translatedFrom: null,
  made: null,
  witness: false,
  ...overrides,
});

const ru = edition({
  slug: "ru",
  title: "«Жажда власти»",
  language: "ru",
  provenance: "working_translation",
  standsInForOriginal: true,
  editor: null,
  translator: "working translation made for Hexapla",
  publisher: "Издательство гуманитарной литературы",
  place: "Москва",
  year: 1994,
  translatedFrom: "en",
  made: "2026-11-25/2026-12-06",
});

const citation: Citation = {
  work: { slug: "thirst-for-power", title: "Thirst for Power", author: "Leon Trotsky" },
  rows: { from: 12, to: 12 },
  link: "https://hexapla.example/works/thirst-for-power/passage/0b7c2a52-6a3f-4c55-9a38-2f6d1d5b2c11?editions=en,ru",
  accessed: "2026-12-06",
  cells: [
    { edition: edition({}), sentences: ["That was our last conversation.", "He left."], paragraphs: [12] },
    { edition: ru, sentences: ["Это был наш последний разговор."], paragraphs: [12, 13] },
  ],
};

describe("a citation", () => {
  const formats = formatCitation(citation);

  it("gives the reference in one style: the author once, a published title with its paragraphs, a working translation named as one", () => {
    expect(formats.reference).toBe("Trotsky, “Thirst for Power”, ¶ 12; «Жажда власти», working translation (Hexapla), ¶¶ 12–13");
  });

  it("never gives a working translation the imprint of the edition it stands in for", () => {
    const [, russian] = formats.references;
    expect(russian.reference).not.toMatch(/1994|Москва|Издательство/);
    const entry = formats.bibtex.split("\n\n")[1];
    expect(entry).toMatch(/^@misc\{thirst-for-power-ru,/);
    expect(entry).not.toMatch(/publisher|address|year = \{1994\}/);
    expect(entry).toContain("howpublished = {Hexapla}");
    expect(entry).toContain("year = {2026}");
    expect(entry).toContain("note = {A working translation made for Hexapla from the edition en on 2026-11-25, last revised on 2026-12-06, not the published text");
    const csl = formats.csl[1];
    expect(csl).toMatchObject({ id: "thirst-for-power-ru", type: "manuscript", genre: "Working translation", publisher: "Hexapla", title: "Жажда власти", language: "ru" });
    expect(csl["publisher-place"]).toBeUndefined();
    expect(csl.issued).toEqual({ "date-parts": [[2026]] });
  });

  it("names a published edition's imprint when it is known", () => {
    const fr = edition({ slug: "fr1937", title: "« La soif du pouvoir »", language: "fr", publisher: "Grasset", place: "Paris", year: 1937, editor: null });
    const formatted = formatCitation({ ...citation, cells: [{ edition: fr, sentences: ["Texte."], paragraphs: [3] }] });
    expect(formatted.reference).toBe("Trotsky, « La soif du pouvoir » (Paris: Grasset, 1937), ¶ 3");
    expect(formatted.bibtex).toContain("publisher = {Grasset}");
    expect(formatted.bibtex).toContain("address = {Paris}");
    expect(formatted.csl[0]).toMatchObject({ type: "book", publisher: "Grasset", "publisher-place": "Paris", issued: { "date-parts": [[1937]] } });
  });

  it("quotes each edition in its language's marks, names empty cells, and ends with the reference and the link", () => {
    expect(formats.text).toBe(
      [
        "[en] “That was our last conversation. He left.”",
        "[ru] «Это был наш последний разговор.»",
        "",
        "Trotsky, “Thirst for Power”, ¶ 12; «Жажда власти», working translation (Hexapla), ¶¶ 12–13.",
        citation.link,
        "",
      ].join("\n"),
    );
    const empty = formatCitation({ ...citation, cells: [{ ...citation.cells[0], sentences: [], paragraphs: [] }] });
    expect(empty.text).toMatch(/^\[en\] \(no text in this edition here\)\n/);
    expect(empty.reference).toBe("Trotsky, “Thirst for Power”");
  });

  it("writes BibTeX with its special characters escaped and CSL-JSON with the published edition's editor", () => {
    const odd = edition({ title: "Costs & 100% {gains}_#1" });
    const formatted = formatCitation({ ...citation, cells: [{ edition: odd, sentences: ["x"], paragraphs: [1] }] });
    expect(formatted.bibtex).toContain("title = {Costs \\& 100\\% \\{gains\\}\\_\\#1}");
    expect(formats.bibtex.split("\n\n")[0]).toMatch(/^@book\{thirst-for-power-en,\n {2}author = \{Leon Trotsky\},\n {2}title = \{Thirst for Power\},\n {2}editor = \{Tim Davenport/);
    expect(formats.csl[0]).toMatchObject({ type: "book", author: [{ family: "Trotsky", given: "Leon" }], editor: [{ literal: "Tim Davenport (introduction and notes)" }], accessed: { "date-parts": [[2026, 12, 6]] } });
    expect(formats.csl[0].issued).toBeUndefined();
  });

  it("cites an earlier witness as one", () => {
    const witness = edition({ slug: "en-extracted", witness: true });
    const formatted = formatCitation({ ...citation, cells: [{ edition: witness, sentences: ["x"], paragraphs: [2] }] });
    expect(formatted.reference).toBe("Trotsky, “Thirst for Power”, earlier witness (Hexapla), ¶ 2");
    expect(formatted.csl[0]).toMatchObject({ type: "document", genre: "Earlier witness" });
  });
});

describe("the parts of a citation", () => {
  it("numbers paragraphs as runs", () => {
    expect(paragraphLocator([])).toBe("");
    expect(paragraphLocator([7])).toBe("¶ 7");
    expect(paragraphLocator([7, 5, 6, 9, 7])).toBe("¶¶ 5–7, 9");
  });

  it("takes titles out of their quotation marks and names apart", () => {
    expect(bareTitle("« La soif du pouvoir »")).toBe("La soif du pouvoir");
    expect(bareTitle("«Жажда власти»")).toBe("Жажда власти");
    expect(bareTitle("Plain")).toBe("Plain");
    expect(splitName("Лев Троцкий")).toEqual({ family: "Троцкий", given: "Лев" });
    expect(splitName("Trotsky")).toEqual({ family: "Trotsky" });
  });

  it("quotes in each language's marks", () => {
    expect(quote("a", "en-GB")).toBe("“a”");
    expect(quote("a", "fr")).toBe("«\u202fa\u202f»");
    expect(quote("a", "it")).toBe("«a»");
  });

  it("links a passage by its segments, not its rows, and shows it in the compare view", () => {
    const from = "0b7c2a52-6a3f-4c55-9a38-2f6d1d5b2c11";
    const to = "1c7c2a52-6a3f-4c55-9a38-2f6d1d5b2c12";
    expect(passagePath("thirst-for-power", { from }, ["en", "ru"])).toBe(`/works/thirst-for-power/passage/${from}?editions=en,ru`);
    expect(passagePath("thirst-for-power", { from, to }, [])).toBe(`/works/thirst-for-power/passage/${from}?to=${to}`);
    expect(passagePath("w", { from, to: from }, ["en"])).toBe(`/works/w/passage/${from}?editions=en`);
    expect(compareHref("w", { from: 4, to: 6 }, "en,ru")).toBe("/works/w/compare?editions=en,ru#r4");
  });
});
