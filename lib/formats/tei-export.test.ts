import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { FR_IDS, sampleWork } from "./fixtures/sample-work";
import { editionXmlId, exportTeiAlignment, exportTeiEdition, exportTeiParallel, segmentXmlId } from "./tei-export";
import { parseTeiEdition } from "./tei-import";
import type { WorkExport } from "./work-export";
import { childElements, collapse, parseXml, path, textContent, type XmlElement } from "./xml-tree";

function descendants(element: XmlElement, local: string): XmlElement[] {
  return childElements(element).flatMap((child) => [...(child.local === local ? [child] : []), ...descendants(child, local)]);
}

/** The edition's segments grouped into blocks, as the TEI import should give them back. */
function expectedBlocks(work: WorkExport, slug: string) {
  const edition = work.editions.find((e) => e.slug === slug)!;
  const blocks = new Map<number, { kind: string; level: number | null; sentences: { text: string; xmlId: string }[] }>();
  for (const segment of edition.segments) {
    const block = blocks.get(segment.blockIndex) ?? { kind: segment.kind, level: segment.kind === "heading" ? (segment.headingLevel ?? 1) : null, sentences: [] };
    block.sentences.push({ text: segment.text, xmlId: segmentXmlId(segment.id) });
    blocks.set(segment.blockIndex, block);
  }
  return [...blocks.values()];
}

describe("TEI edition export", () => {
  it.each(["ru", "en", "fr"])("writes well-formed XML for %s", (slug) => {
    expect(XMLValidator.validate(exportTeiEdition(sampleWork, slug))).toBe(true);
  });

  it.each(["ru", "en", "fr"])("round-trips %s through the TEI importer: same metadata, blocks, sentences and xml:ids", (slug) => {
    const doc = parseTeiEdition(exportTeiEdition(sampleWork, slug), `${slug}.xml`);
    expect(doc.meta).toEqual(sampleWork.editions.find((e) => e.slug === slug)!.meta);
    expect(doc.blocks.map(({ kind, level, sentences }) => ({ kind, level, sentences }))).toEqual(expectedBlocks(sampleWork, slug));
    expect(doc.apparatus).toBeNull();
  });

  it("keeps ampersands, angle brackets and an escaped entity as text", () => {
    const xml = exportTeiEdition(sampleWork, "ru");
    expect(xml).toContain("Формула A &lt; B &amp; B &gt; C — не наша; «кавычки» и &amp;amp; остаются текстом.");
    expect(xml).toContain("<note type=\"source\">Преступления Сталина (М.: Терра, 1994) &amp; рукопись &lt;Harvard&gt;.</note>");
  });

  it("labels a working translation as such in the header", () => {
    const header = path(parseXml(exportTeiEdition(sampleWork, "fr"), "fr.xml"), "teiHeader", "fileDesc")!;
    const provenance = childElements(path(header, "notesStmt")!, "note").find((n) => n.attrs.type === "provenance")!;
    expect(provenance.attrs.subtype).toBe("working-translation");
    expect(textContent(provenance)).toMatch(/^Working translation: an unpublished translation/);
    expect(collapse(textContent(path(header, "sourceDesc")!))).toBe("Working translation made for this project; it has no printed source.");
  });

  it("describes a published edition's printed source in sourceDesc/bibl", () => {
    const bibl = path(parseXml(exportTeiEdition(sampleWork, "en"), "en.xml"), "teiHeader", "fileDesc", "sourceDesc", "bibl")!;
    expect(childElements(bibl).map((e) => [e.local, collapse(textContent(e))])).toEqual([
      ["title", "“Thirst for Power”"],
      ["author", "Leon Trotsky"],
      ["editor", "Tim Davenport"],
      ["editor", "Tim Davenport (introduction & notes)"],
      ["publisher", "Pathfinder Press"],
      ["pubPlace", "New York"],
      ["date", "2002"],
    ]);
  });

  it("nests divisions by heading level and writes a date line that ends the text as dateline", () => {
    const body = path(parseXml(exportTeiEdition(sampleWork, "ru"), "ru.xml"), "text", "body")!;
    const outer = childElements(body, "div");
    expect(outer).toHaveLength(1);
    expect(childElements(outer[0]).map((e) => e.local)).toEqual(["head", "p", "div"]);
    expect(childElements(childElements(outer[0], "div")[0]).map((e) => e.local)).toEqual(["head", "quote", "p", "dateline"]);
  });

  it("writes a date line followed by other text as p type=dateline, which TEI allows mid-division", () => {
    const work: WorkExport = {
      ...sampleWork,
      editions: [
        {
          ...sampleWork.editions[1],
          segments: [
            { id: "d1", blockIndex: 0, kind: "dateline", text: "January 1937" },
            { id: "p1", blockIndex: 1, kind: "paragraph", text: "Text." },
          ],
        },
      ],
    };
    const xml = exportTeiEdition(work, "en");
    expect(xml).toContain('<p type="dateline">');
    expect(parseTeiEdition(xml, "en.xml").blocks.map((b) => b.kind)).toEqual(["dateline", "paragraph"]);
  });

  it("drops characters XML cannot carry and stays well-formed", () => {
    const work: WorkExport = {
      ...sampleWork,
      editions: [{ ...sampleWork.editions[1], segments: [{ id: "p1", blockIndex: 0, kind: "paragraph", text: "Bell\u0007 and form\u000cfeed." }] }],
    };
    const xml = exportTeiEdition(work, "en");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parseTeiEdition(xml, "en.xml").blocks[0].sentences[0].text).toBe("Bell and formfeed.");
  });

  it("refuses two segments whose ids map to the same xml:id", () => {
    const work: WorkExport = {
      ...sampleWork,
      editions: [
        {
          ...sampleWork.editions[1],
          segments: [
            { id: "1", blockIndex: 0, kind: "paragraph", text: "A." },
            { id: "s-1", blockIndex: 0, kind: "paragraph", text: "B." },
          ],
        },
      ],
    };
    expect(() => exportTeiEdition(work, "en")).toThrow("edition en: two segments share the xml:id “s-1”");
  });
});

describe("TEI stand-off alignment export", () => {
  const xml = exportTeiAlignment(sampleWork);
  const root = parseXml(xml, "alignment.xml");
  const links = descendants(root, "link");

  it("is well-formed and has one link per row with text", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(path(root, "standOff", "linkGrp")!.attrs).toEqual({ type: "alignment", n: "ru en fr" });
    expect(links.map((l) => l.attrs.n)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });

  it("writes xtargets with one side per edition, status as type and confidence as cert", () => {
    expect(links[1].attrs).toMatchObject({
      type: "automatic",
      cert: "0.82",
      xtargets: `ru/ru-s2 ru/ru-s3;en/en-s2 en/en-s3;fr/s-${FR_IDS[1]}`,
      target: `ru.xml#ru-s2 ru.xml#ru-s3 en.xml#en-s2 en.xml#en-s3 fr.xml#s-${FR_IDS[1]}`,
    });
    expect(links[0].attrs.cert).toBeUndefined();
    expect(links[0].attrs.type).toBe("confirmed");
    expect(links[5].attrs.xtargets).toBe(";en/en-s7;");
    expect(links[5].attrs.target).toBeUndefined();
  });

  it("points at xml:ids that exist in the exported editions", () => {
    const idsByEdition = new Map(
      ["ru", "en", "fr"].map((slug) => [slug, new Set(descendants(parseXml(exportTeiEdition(sampleWork, slug), slug), "s").map((s) => s.attrs["xml:id"]))]),
    );
    const pointers = links.flatMap((l) => l.attrs.xtargets.split(/[; ]/).filter(Boolean));
    expect(pointers.length).toBe(3 + 5 + 2 + 2 + 3 + 1 + 3);
    for (const pointer of pointers) {
      const [slug, id] = pointer.split("/");
      expect(idsByEdition.get(slug)!.has(id)).toBe(true);
    }
  });

  it("exports only the chosen editions", () => {
    const chosen = descendants(parseXml(exportTeiAlignment(sampleWork, ["fr", "ru"]), "a.xml"), "link");
    expect(chosen[0].attrs.xtargets).toBe(`fr/s-${FR_IDS[0]};ru/ru-s1`);
    expect(chosen.map((l) => l.attrs.n)).toEqual(["1", "2", "3", "4", "5", "7"]);
  });
});

describe("TEI parallel-segmentation export", () => {
  const xml = exportTeiParallel(sampleWork);
  const root = parseXml(xml, "parallel.xml");

  it("is well-formed and lists the editions as witnesses", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const witnesses = descendants(root, "witness");
    expect(witnesses.map((w) => w.attrs["xml:id"])).toEqual(["ru", "en", "fr"]);
    expect(textContent(witnesses[2])).toBe("« Soif de pouvoir » (French; translated by Équipe Hexapla; working translation)");
    expect(path(root, "teiHeader", "encodingDesc", "variantEncoding")!.attrs).toEqual({ method: "parallel-segmentation", location: "internal" });
  });

  it("writes one app per row with one rdg per witness, holding the cell's sentences joined with a space", () => {
    const apps = descendants(root, "app");
    expect(apps).toHaveLength(7);
    const readings = childElements(apps[1], "rdg").map((r) => [r.attrs.wit, textContent(r)]);
    expect(readings).toEqual([
      ["#ru", "По словам Вышинского (август 1936 г.), «Объединённый центр» не имел никакой программы. Им двигала лишь «голая жажда власти»."],
      ["#en", "In the words of Vyshinsky (August 1936), the “United Center” had no program whatsoever. It was motivated only by “the naked thirst for power.”"],
      ["#fr", "Selon Vychinski (août 1936), le « Centre uni » n’avait aucun programme ; il n’était mû que par « la soif nue du pouvoir »."],
    ]);
    expect(textContent(childElements(apps[4], "rdg")[1])).toBe("The formula A < B & B > C is not ours; “quotes” and &amp; stay text.");
    expect(childElements(apps[2], "rdg")[2].children).toEqual([]);
  });

  it("attaches the row's variants as notes naming category and witnesses", () => {
    const notes = descendants(root, "note").filter((n) => n.attrs.type === "variant");
    expect(notes.map((n) => [n.attrs.subtype, n.attrs.target, textContent(n)])).toEqual([
      ["softening_intensifying", "#en #fr", "«голая жажда» → “naked thirst”, “soif nue”"],
      ["omission", "#fr", "La citation <de Piatakov> manque & n’est pas signalée."],
    ]);
  });

  it("gives editions whose slug is not an XML name a prefixed witness id", () => {
    expect(editionXmlId("1937")).toBe("ed-1937");
    expect(editionXmlId("ru")).toBe("ru");
  });
});

describe("TEI edition export of the apparatus", () => {
  const apparatus = [
    { kind: "heading" as const, headingLevel: 1, label: "intro", text: "Introduction" },
    { kind: "paragraph" as const, label: "i1", text: "This pamphlet was one of 26 chapters. It appeared in 1937." },
    { kind: "note" as const, label: "n1", text: "The first Moscow trial, August 1936." },
  ];
  const work: WorkExport = { ...sampleWork, editions: sampleWork.editions.map((e) => (e.slug === "en" ? { ...e, apparatus } : e)) };

  it("writes it in <back> and reads it back as the edition's apparatus with its labels", () => {
    const xml = exportTeiEdition(work, "en");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<note n="1">The first Moscow trial, August 1936.</note>');
    const doc = parseTeiEdition(xml, "en.xml");
    expect(doc.apparatus?.blocks.map((b) => [b.kind, b.level, b.labels, b.sentences.map((s) => s.text).join(" ")])).toEqual([
      ["heading", 1, ["intro"], "Introduction"],
      ["paragraph", null, ["i1"], "This pamphlet was one of 26 chapters. It appeared in 1937."],
      ["note", null, ["n1"], "The first Moscow trial, August 1936."],
    ]);
    expect(doc.blocks.map((b) => b.sentences.map((s) => s.xmlId))).toEqual(parseTeiEdition(exportTeiEdition(sampleWork, "en"), "en.xml").blocks.map((b) => b.sentences.map((s) => s.xmlId)));
  });

  it("writes no <back> when the edition has no apparatus", () => {
    expect(exportTeiEdition(sampleWork, "en")).not.toContain("<back>");
  });
});

describe("TEI exports of an edition whose text was brought to Unicode NFC at its import", () => {
  const work: WorkExport = {
    ...sampleWork,
    editions: sampleWork.editions.map((edition) =>
      edition.slug === "ru" ? { ...edition, normalisation: { form: "NFC", letters: 19, segments: 3 } }
      : edition.slug === "en" ? { ...edition, normalisation: { form: "NFC", letters: 1, segments: 0 } }
      : { ...edition, normalisation: null },
    ),
  };
  const measures = (element: XmlElement) => descendants(element, "measure").map((m) => [m.attrs.quantity, m.attrs.commodity, textContent(m)]);

  it("says so in the edition's encodingDesc, between fileDesc and profileDesc, with the figures as measures", () => {
    const xml = exportTeiEdition(work, "ru");
    expect(XMLValidator.validate(xml)).toBe(true);
    const header = path(parseXml(xml, "ru.xml"), "teiHeader")!;
    expect(childElements(header).map((e) => e.local)).toEqual(["fileDesc", "encodingDesc", "profileDesc"]);
    const normalization = path(header, "encodingDesc", "editorialDecl", "normalization")!;
    expect(normalization.attrs).toEqual({ method: "silent", source: "https://www.unicode.org/reports/tr15/" });
    expect(collapse(textContent(normalization))).toMatch(/^The text was brought to Unicode normal form C \(NFC\) when it was imported: 19 letters that the imported file wrote in another Unicode form .* are stored in NFC; 3 segments of the text changed so\. The text reads the same\.$/);
    expect(measures(normalization)).toEqual([
      ["19", "letters", "19 letters"],
      ["3", "segments", "3 segments"],
    ]);
    expect(parseTeiEdition(xml, "ru.xml").meta).toEqual(sampleWork.editions[0].meta);
  });

  it("says when only the metadata, apparatus or corrections changed, and nothing for an edition without a record", () => {
    const en = path(parseXml(exportTeiEdition(work, "en"), "en.xml"), "teiHeader", "encodingDesc", "editorialDecl", "normalization")!;
    expect(collapse(textContent(en))).toContain("1 letter that the imported file wrote in another Unicode form (e.g. a letter followed by combining accents where Unicode has one character for both) is stored in NFC; no segment of the text changed so (only its metadata, apparatus or corrections).");
    expect(measures(en)[1]).toEqual(["0", "segments", "no segment"]);
    expect(exportTeiEdition(work, "fr")).not.toContain("encodingDesc");
    expect(exportTeiEdition(sampleWork, "ru")).toBe(exportTeiEdition({ ...sampleWork, editions: sampleWork.editions.map((e) => ({ ...e, normalisation: null })) }, "ru"));
  });

  it("names each normalised edition in the alignment's and the parallel text's editorialDecl, pointing at its bibl or witness", () => {
    for (const xml of [exportTeiAlignment(work), exportTeiParallel(work)]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      const declarations = descendants(path(parseXml(xml, "collection.xml"), "teiHeader", "encodingDesc")!, "normalization");
      expect(declarations.map((n) => [n.attrs.corresp, collapse(textContent(n)).slice(0, 40)])).toEqual([
        ["#ru", "ru: The text was brought to Unicode norm"],
        ["#en", "en: The text was brought to Unicode norm"],
      ]);
    }
    expect(path(parseXml(exportTeiParallel(work), "p.xml"), "teiHeader", "encodingDesc", "variantEncoding")).toBeDefined();
    expect(exportTeiAlignment(work, ["fr"])).not.toContain("encodingDesc");
  });
});
