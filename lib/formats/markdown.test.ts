import { describe, expect, it } from "vitest";
import { PROVENANCE_DEFAULTS } from "../text/edition-document";
import { parseMarkdownEdition } from "./markdown";
import { inlineText } from "./markdown-inline";
import { importErrorOf, readFixture } from "./test-helpers";

const texts = (doc: ReturnType<typeof parseMarkdownEdition>) => doc.blocks.map((b) => b.sentences.map((s) => s.text));

describe("parseMarkdownEdition on an edition with front matter", () => {
  const doc = parseMarkdownEdition(readFixture("thirst-en.md"), "thirst-en.md");

  it("reads the metadata from the front matter, with unknown values as null", () => {
    expect(doc.meta).toEqual({
      work: "thirst-for-power",
      workTitle: "Thirst for Power",
      author: "Leon Trotsky",
      edition: "en",
      language: "en",
      title: "Thirst for Power",
      translator: null,
      publisher: "Pathfinder Press",
      place: "New York",
      year: 2002,
      original: false,
      provenance: "published",
      source: null,
      ...PROVENANCE_DEFAULTS,
    });
  });

  it("reads headings (ATX and setext), paragraphs, quotations and date lines with their lines and labels", () => {
    expect(doc.blocks.map(({ kind, level, labels, line }) => ({ kind, level, labels, line }))).toEqual([
      { kind: "heading", level: 1, labels: ["h1"], line: 16 },
      { kind: "paragraph", level: null, labels: ["p1"], line: 18 },
      { kind: "blockquote", level: null, labels: ["p3"], line: 21 },
      { kind: "blockquote", level: null, labels: [], line: 24 },
      { kind: "heading", level: 2, labels: [], line: 26 },
      { kind: "paragraph", level: null, labels: ["p4"], line: 29 },
      { kind: "dateline", level: null, labels: ["p20"], line: 33 },
    ]);
  });

  it("splits paragraphs into sentences, keeps note references, strips inline markup and drops thematic breaks", () => {
    expect(texts(doc)).toEqual([
      ["“Thirst for Power”"],
      [
        "In the words of Vyshinsky (August 1936), the “United Center” had no program whatsoever.",
        "It was motivated only by “the naked thirst for power.”[^1]",
      ],
      ["“The bloc can be realized, it goes without saying, only if you intend to struggle for power.”"],
      ["A second quoted paragraph, with a link and code."],
      ["Trotsky on G.E. Zinoviev"],
      ["Mr. Smith met G.E. Zinoviev in 1926.", "Escaped *stars* stay."],
      ["January 1937"],
    ]);
  });

  it("puts footnote definitions, with their indented continuation, in the apparatus labelled n<number>", () => {
    expect(doc.apparatus).toEqual({
      blocks: [{ kind: "note", level: null, labels: ["n1"], line: 35, sentences: [{ text: "Report of Court Proceedings (Moscow, 1936), pg. 124." }] }],
    });
  });
});

describe("parseMarkdownEdition with metadata from the caller", () => {
  it("takes metadata from the caller, the title from the first heading and the edition from the language", () => {
    const doc = parseMarkdownEdition(readFixture("no-front-matter.md"), "ru.md", { work: "thirst-for-power", language: "ru" });
    expect(doc.meta).toMatchObject({ work: "thirst-for-power", edition: "ru", language: "ru", title: "Жажда власти", provenance: "imported", original: false, year: null });
    expect(texts(doc)).toEqual([
      ["Жажда власти"],
      ["По словам Вышинского (август 1936 г.), «Объединённый центр» не имел никакой программы.", "Им двигала лишь «голая жажда власти»."],
      ["Ответ"],
      ["Революционер, который не стремится поставить государственный аппарат на службу своей программе, ничего не стоит."],
    ]);
  });

  it("lets values in the file win over the caller's defaults", () => {
    const doc = parseMarkdownEdition(readFixture("thirst-en.md"), "en.md", { publisher: "Other", translator: "Someone" });
    expect(doc.meta.publisher).toBe("Pathfinder Press");
    expect(doc.meta.translator).toBe("Someone");
  });

  it("rejects a front matter language that contradicts the declared one, naming the line", () => {
    const error = importErrorOf(() => parseMarkdownEdition(readFixture("thirst-en.md"), "en.md", { language: "ru" }));
    expect(error.line).toBe(6);
    expect(error.reason).toBe("the front matter says the language is “en”, which contradicts the declared language “ru”");
  });

  it("names the missing metadata", () => {
    const error = importErrorOf(() => parseMarkdownEdition("Some text.", "x.md", { language: "en" }));
    expect(error.message).toBe("x.md:1: missing metadata: work, title — give them in the file or in the import form");
  });
});

describe("parseMarkdownEdition rejects bad input with its line", () => {
  it.each([
    ["---\nwork: w\ncolour: red\n---\nText.", 3, "unknown front matter key “colour”"],
    ["---\nwork: w\napparatus: a.txt\n---\nText.", 3, "(apparatus and correction files are read only with the plain format)"],
    ["---\nyear: 37\n---\nText.", 2, "year must have four digits, not “37”"],
    ["---\noriginal: yes\n---\nText.", 2, "original must be true or false, not “yes”"],
    ["---\nprovenance: pirated\n---\nText.", 2, "provenance must be one of published, working-translation, imported, not “pirated”"],
    ["---\nwork: w\nthis line has no colon\n---\nText.", 3, "front matter line is not `key: value`"],
    ["---\nwork: w\n\ntitle: T\n", 1, "the front matter opened with `---` is never closed"],
    ["---\nwork: w\n---\n{#p1 .poem} Text.", 4, "unknown block attribute “.poem”"],
    ["---\nwork: w\n---\n\n***\n", 4, "the file has no text"],
  ])("%j", (text, line, reason) => {
    const error = importErrorOf(() => parseMarkdownEdition(text, "bad.md", { edition: "en", language: "en", title: "T" }));
    expect(error.line).toBe(line);
    expect(error.reason).toContain(reason);
  });

  it("rejects invalid metadata values through the schema", () => {
    const error = importErrorOf(() => parseMarkdownEdition("---\nwork: Thirst For Power\n---\nText.", "bad.md", { edition: "en", language: "en", title: "T" }));
    expect(error.reason).toBe("invalid metadata — work: use a–z, 0–9 and hyphens");
  });
});

describe("inlineText", () => {
  it.each([
    ["*emphasis* and **strong** and __also__ and _under_", "emphasis and strong and also and under"],
    ["snake_case_word stays", "snake_case_word stays"],
    ["a [link](http://x.org/a_(b)) here", "a link here"],
    ["![figure](img.png)Text", "Text"],
    ["<https://example.org>", "https://example.org"],
    ["H<sub>2</sub>O and <br/> break", "H2O and break"],
    ["\\*not emphasis\\* and \\[^1] \\\\", "*not emphasis* and [^1] \\"],
    ["note[^12] stays", "note[^12] stays"],
    ["5 * 3 * 2 = 30", "5 * 3 * 2 = 30"],
    ["A < B & C > D", "A < B & C > D"],
  ])("%j → %j", (markdown, text) => {
    expect(inlineText(markdown)).toBe(text);
  });
});
