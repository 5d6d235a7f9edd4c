import { describe, expect, it } from "vitest";
import { PROVENANCE_DEFAULTS } from "../text/edition-document";
import { parseTeiEdition } from "./tei-import";
import { importErrorOf, readFixture } from "./test-helpers";

const tei = (body: string, header = "", rootAttrs = 'xml:lang="en"') =>
  `<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" ${rootAttrs}>\n<teiHeader><fileDesc><titleStmt><title>T</title>${header}</titleStmt></fileDesc></teiHeader>\n<text><body>\n${body}\n</body></text>\n</TEI>`;

describe("parseTeiEdition on a TEI file from elsewhere", () => {
  const doc = parseTeiEdition(readFixture("trotsky-ru.tei.xml"), "trotsky-ru.tei.xml", { work: "thirst-for-power" });

  it("reads the metadata from the header, preferring the printed source to the digital publication", () => {
    expect(doc.meta).toEqual({
      work: "thirst-for-power",
      workTitle: null,
      author: "Л. Д. Троцкий",
      edition: "ru",
      language: "ru",
      title: "Жажда власти",
      translator: null,
      publisher: "Терра",
      place: "Москва",
      year: 1994,
      original: false,
      provenance: "imported",
      source: null,
      ...PROVENANCE_DEFAULTS,
    });
  });

  it("reads divisions, heads, paragraphs, quotations and the closing date line with their lines", () => {
    expect(doc.blocks.map(({ kind, level, line, labels }) => ({ kind, level, line, labels }))).toEqual([
      { kind: "heading", level: 1, line: 41, labels: [] },
      { kind: "paragraph", level: null, line: 42, labels: ["p1", "p2"] },
      { kind: "paragraph", level: null, line: 47, labels: [] },
      { kind: "blockquote", level: null, line: 50, labels: [] },
      { kind: "heading", level: 2, line: 53, labels: [] },
      { kind: "paragraph", level: null, line: 54, labels: [] },
      { kind: "dateline", level: null, line: 57, labels: [] },
    ]);
  });

  it("keeps s elements with their xml:id, splits p without s, drops running heads and page breaks, takes the correction", () => {
    expect(doc.blocks.map((b) => b.sentences)).toEqual([
      [{ text: "Жажда власти" }],
      [
        { text: "По словам Вышинского (август 1936 г.), «Объединённый центр» не имел никакой программы.", xmlId: "s1" },
        { text: "Им двигала лишь голая жажда власти.[^1]", xmlId: "s2" },
      ],
      [
        { text: "Г.Е. Зиновьев и Л.Б. Каменев были осуждены." },
        { text: "Революционер, который не стремится поставить аппарат на службу своей программе, ничего не стоит.[^2]" },
      ],
      [{ text: "«Блок может быть осуществлён только если вы намерены бороться за власть»." }],
      [{ text: "Ответ" }],
      [{ text: "Борьба за власть — не самоцель." }],
      [{ text: "Январь 1937 г." }],
    ]);
  });

  it("puts front matter and inline notes (numbered by n, else in order) in the apparatus", () => {
    expect(doc.apparatus?.blocks).toEqual([
      { kind: "paragraph", level: null, labels: [], line: 36, sentences: [{ text: "Вступительная заметка издателя." }] },
      { kind: "note", level: null, labels: ["n1"], line: 43, sentences: [{ text: "Процесс «Троцкистско-зиновьевского центра», 19–24 августа 1936 г." }] },
      { kind: "note", level: null, labels: ["n2"], line: 48, sentences: [{ text: "Ср. стр. 12." }] },
    ]);
  });
});

describe("parseTeiEdition reads the header's other conventions", () => {
  it("finds the translator in editor role=translator and the year in a date's when attribute", () => {
    const doc = parseTeiEdition(
      tei("<p>Text.</p>", '<editor role="translator">John G. Wright</editor>').replace(
        "</fileDesc>",
        '<publicationStmt><publisher>Pathfinder</publisher><pubPlace>New York</pubPlace><date when="1970-03-01">March</date></publicationStmt></fileDesc>',
      ),
      "en.xml",
      { work: "w" },
    );
    expect(doc.meta).toMatchObject({ translator: "John G. Wright", publisher: "Pathfinder", place: "New York", year: 1970 });
  });

  it("finds the translator in a respStmt whose resp mentions translation, in any of several languages", () => {
    const header = "<respStmt><resp>Traduction</resp><persName>Victor Serge</persName></respStmt>";
    expect(parseTeiEdition(tei("<p>Texte.</p>", header, 'xml:lang="fr"'), "fr.xml", { work: "w" }).meta.translator).toBe("Victor Serge");
  });

  it("reads Hexapla's idno, provenance and derivation notes; an older export's working translation marked as the original stands in for it", () => {
    const text = tei("<p>Text.</p>").replace(
      "</fileDesc>",
      '<publicationStmt><idno type="hexapla-work">thirst</idno><idno type="hexapla-edition">en-1970</idno></publicationStmt>' +
        '<notesStmt><note type="provenance" subtype="working-translation">W</note><note type="derivation" subtype="original">O</note>' +
        '<note type="source">From  the\n  manuscript.</note></notesStmt></fileDesc>',
    );
    expect(parseTeiEdition(text, "en.xml").meta).toMatchObject({
      work: "thirst",
      edition: "en-1970",
      provenance: "working-translation",
      original: false,
      standsInForOriginal: true,
      source: "From the manuscript.",
    });
  });

  it("reads the later provenance notes: stands in for the original, editor, based on, translated from, made, our title, departures", () => {
    const text = tei("<p>Text.</p>", "<editor>Tim Davenport</editor><editor role=\"translator\">Anon</editor>").replace(
      "</fileDesc>",
      '<notesStmt><note type="provenance" subtype="working-translation">W</note><note type="derivation" subtype="stands-in-for-original">S</note>' +
        '<note type="based-on">Writings</note><note type="translated-from" target="#en">en</note><note type="title" subtype="ours">T</note>' +
        '<note type="departures">Leaves out one sentence.</note></notesStmt></fileDesc><profileDesc><creation><date from="2026-11-25" to="2026-12-06">x</date></creation></profileDesc>',
    );
    expect(parseTeiEdition(text, "ru.xml", { work: "w" }).meta).toMatchObject({
      original: false,
      standsInForOriginal: true,
      editor: "Tim Davenport",
      translator: "Anon",
      basedOn: "Writings",
      translatedFrom: "en",
      made: "2026-11-25/2026-12-06",
      titleOurs: true,
      departures: "Leaves out one sentence.",
    });
  });
});

describe("parseTeiEdition reads the body's other structures", () => {
  it("reads ab, verse, lists, block-level notes and p type=dateline", () => {
    const doc = parseTeiEdition(
      tei(
        '<div><ab>One. Two.</ab><lg><l>First line</l><l>Second line</l></lg><list><item>Item one.</item></list>' +
          '<note>A translator’s note.</note><p type="dateline">Coyoacán, 1937</p><p>End.</p></div>',
      ),
      "x.xml",
      { work: "w" },
    );
    expect(doc.blocks.map((b) => [b.kind, b.sentences.map((s) => s.text)])).toEqual([
      ["paragraph", ["One.", "Two."]],
      ["paragraph", ["First line", "Second line"]],
      ["paragraph", ["Item one."]],
      ["note", ["A translator’s note."]],
      ["dateline", ["Coyoacán, 1937"]],
      ["paragraph", ["End."]],
    ]);
  });

  it("reads s elements standing directly in a division as one-sentence paragraphs", () => {
    const doc = parseTeiEdition(tei('<div><s xml:id="x1">First.</s><s xml:id="x2">Second.</s></div>'), "x.xml", { work: "w" });
    expect(doc.blocks.map((b) => b.sentences)).toEqual([[{ text: "First.", xmlId: "x1" }], [{ text: "Second.", xmlId: "x2" }]]);
  });

  it("labels notes in back matter by their number, like inline notes", () => {
    const text = tei("<p>Text.<note>Inline.</note></p>").replace("</body>", '</body><back><div><note n="7">Seven.</note></div></back>');
    expect(parseTeiEdition(text, "x.xml", { work: "w" }).apparatus?.blocks.map((b) => [b.labels, b.sentences[0].text])).toEqual([
      [["n1"], "Inline."],
      [["n7"], "Seven."],
    ]);
  });

  it("handles mixed content: text between s elements, lb, entities and CDATA", () => {
    const doc = parseTeiEdition(
      tei('<p><s xml:id="a">A &amp; B &lt; C.</s> Loose text here. <s xml:id="b">Word<lb break="no"/>break and<lb/>line <![CDATA[<raw>]]>.</s></p>'),
      "x.xml",
      { work: "w" },
    );
    expect(doc.blocks[0].sentences).toEqual([
      { text: "A & B < C.", xmlId: "a" },
      { text: "Loose text here." },
      { text: "Wordbreak and line <raw>.", xmlId: "b" },
    ]);
  });

  it("takes the title from the first head when the header has none, and the language from the caller", () => {
    const text = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><head>Heading</head><p>Text.</p></body></text></TEI>';
    expect(parseTeiEdition(text, "x.xml", { work: "w", language: "it" }).meta).toMatchObject({ title: "Heading", language: "it", edition: "it" });
  });
});

describe("parseTeiEdition rejects bad input, naming line and column or element", () => {
  it("rejects malformed XML with the validator's line and column", () => {
    const error = importErrorOf(() => parseTeiEdition(readFixture("malformed.tei.xml"), "malformed.tei.xml"));
    expect(error.line).toBe(6);
    expect(error.column).toBe(55);
    expect(error.reason).toBe("malformed XML: Expected closing tag 'hi' (opened in line 6, col 31) instead of closing tag 'p'.");
  });

  it("rejects a body whose xml:lang contradicts the language declared in langUsage", () => {
    const error = importErrorOf(() => parseTeiEdition(readFixture("lang-mismatch.tei.xml"), "lang-mismatch.tei.xml", { work: "w" }));
    expect(error.message).toBe(
      "lang-mismatch.tei.xml:8: xml:lang “fr” on <body> contradicts the declared language “ru” (from <langUsage> on line 5)",
    );
  });

  it("rejects a text whose xml:lang contradicts the language declared by the caller", () => {
    const error = importErrorOf(() => parseTeiEdition(readFixture("trotsky-ru.tei.xml"), "ru.xml", { work: "w", language: "en" }));
    expect(error.line).toBe(33);
    expect(error.reason).toBe("xml:lang “ru” on <text> contradicts the declared language “en” (from the import form)");
  });

  it("accepts a regional variant of the declared language", () => {
    expect(parseTeiEdition(tei("<p>Colour.</p>", "", 'xml:lang="en-GB"'), "x.xml", { work: "w", language: "en" }).meta.language).toBe("en-GB");
  });

  it("rejects a duplicate xml:id, naming both lines", () => {
    const error = importErrorOf(() => parseTeiEdition(tei('<p><s xml:id="s1">A.</s></p>\n<p><s xml:id="s1">B.</s></p>'), "dup.xml", { work: "w" }));
    expect(error.line).toBe(6);
    expect(error.reason).toBe("duplicate xml:id “s1” (first used on line 5)");
  });

  it.each([
    ['<tmx version="1.4"><body/></tmx>', 1, "not a TEI document: the root element is <tmx>, expected <TEI>"],
    ['<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>', 1, "the TEI document has no <text> with a <body>"],
    [tei("<div><pb/></div>"), 4, "the TEI <body> holds no text"],
  ])("rejects %j", (text, line, reason) => {
    const error = importErrorOf(() => parseTeiEdition(text, "x.xml", { work: "w" }));
    expect(error.line).toBe(line);
    expect(error.reason).toBe(reason);
  });
});
