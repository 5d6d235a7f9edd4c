import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { AlignedImport } from "./aligned";
import { sampleWork } from "./fixtures/sample-work";
import { importErrorOf, readFixture } from "./test-helpers";
import { exportTmx } from "./tmx-export";
import { parseTmx } from "./tmx-import";
import { rowsInOrder, type WorkExport } from "./work-export";

/** Each row as edition slug → the texts of its cell, read from an import. */
function importedRows(aligned: AlignedImport): Record<string, string[]>[] {
  const sentences = new Map(aligned.editions.map((doc) => [doc.meta.edition, doc.blocks.flatMap((b) => b.sentences.map((s) => s.text))]));
  return aligned.rows.map((row) =>
    Object.fromEntries(Object.entries(row.cells).map(([slug, indexes]) => [slug, indexes.map((i) => sentences.get(slug)![i])])),
  );
}

/** Each non-empty row of a work as edition slug → its cell's sentences joined with a space (one TMX segment). */
function exportedRows(work: WorkExport, slugs: string[]): Record<string, string[]>[] {
  return rowsInOrder(work)
    .map((row) => {
      const cells: Record<string, string[]> = {};
      for (const slug of slugs) {
        const edition = work.editions.find((e) => e.slug === slug)!;
        const texts = (row.cells[slug] ?? []).map((id) => edition.segments.find((s) => s.id === id)!.text);
        if (texts.length > 0) cells[slug] = [texts.join(" ")];
      }
      return cells;
    })
    .filter((cells) => Object.keys(cells).length > 0);
}

describe("TMX export and re-import", () => {
  const tmx = exportTmx(sampleWork);
  const aligned = parseTmx(tmx, "work.tmx");

  it("writes well-formed TMX 1.4 with the original's language as srclang", () => {
    expect(XMLValidator.validate(tmx)).toBe(true);
    expect(tmx).toContain('<tmx version="1.4">');
    expect(tmx).toMatch(/<header [^>]*srclang="ru"/);
  });

  it("gives back the same rows, one segment per edition and row", () => {
    expect(importedRows(aligned)).toEqual(exportedRows(sampleWork, ["ru", "en", "fr"]));
    expect(aligned.rows[1].cells).toEqual({ ru: [1], en: [1], fr: [1] });
  });

  it("gives back each edition's metadata and provenance from the header, with the work's fields", () => {
    aligned.editions.forEach((doc, i) => {
      expect(doc.meta).toEqual({ ...sampleWork.editions[i].meta, workTitle: "Thirst for Power", author: "Leon Trotsky" });
    });
  });

  it("gives back each row's status and confidence", () => {
    const rows = rowsInOrder(sampleWork).filter((row) => Object.values(row.cells).some((cell) => cell.length > 0));
    expect(aligned.rows.map((row) => [row.status, row.confidence])).toEqual(rows.map((row) => [row.status, row.confidence ?? undefined]));
  });

  it("labels the working translation in the header's note", () => {
    expect(tmx).toMatch(/<note>Editions: .*fr \(fr, “« Soif de pouvoir »”\): WORKING TRANSLATION made for this project, not a published edition/);
  });

  it("says in the header's note what storing an edition's text in Unicode NFC changed at its import", () => {
    const work = { ...sampleWork, editions: sampleWork.editions.map((e) => (e.slug === "ru" ? { ...e, normalisation: { form: "NFC" as const, letters: 19, segments: 3 } } : e)) };
    expect(exportTmx(work)).toMatch(/<note>Editions: ru \(ru, “«Жажда власти»”\): published edition, text stored in Unicode NFC at import \(19 letters written otherwise in the file, in 3 segments\); en /);
    expect(tmx).not.toContain("NFC");
  });

  it("falls back to guessed titles and srclang for the original without Hexapla's metadata", () => {
    const bare = parseTmx(tmx.replace(/\s*<prop type="x-hexapla-edition-meta">.*<\/prop>/g, ""), "work.tmx");
    expect(bare.editions.map((d) => [d.meta.edition, d.meta.original, d.meta.title])).toEqual([
      ["ru", true, "Thirst for Power (ru)"],
      ["en", false, "Thirst for Power (en)"],
      ["fr", false, "Thirst for Power (fr)"],
    ]);
  });

  it("rejects edition metadata that is not JSON, naming its line", () => {
    const broken = tmx.replace(/(<prop type="x-hexapla-edition-meta">)\{/, "$1{{");
    const error = importErrorOf(() => parseTmx(broken, "work.tmx"));
    expect(error.reason).toBe('<prop type="x-hexapla-edition-meta"> does not hold valid JSON');
    expect(broken.split("\n")[error.line! - 1]).toContain("{{");
  });

  it("restores blocks and their kinds from Hexapla's properties", () => {
    const en = aligned.editions[1];
    expect(en.blocks.map((b) => [b.kind, b.level, b.sentences.length])).toEqual([
      ["heading", 1, 1],
      ["paragraph", null, 1],
      ["heading", 2, 1],
      ["blockquote", null, 1],
      ["paragraph", null, 1],
      ["note", null, 1],
      ["dateline", null, 1],
    ]);
  });

  it("exports a chosen set of editions, with srclang from the first when the original is not among them", () => {
    const subset = exportTmx(sampleWork, ["fr", "en"]);
    expect(subset).toMatch(/<header [^>]*srclang="fr"/);
    const reimported = parseTmx(subset, "subset.tmx");
    expect(reimported.editions.map((d) => d.meta.edition)).toEqual(["fr", "en"]);
    expect(importedRows(reimported)).toEqual(exportedRows(sampleWork, ["fr", "en"]));
  });

  it("keeps two editions in the same language apart", () => {
    const en = sampleWork.editions[1];
    const work: WorkExport = {
      ...sampleWork,
      editions: [en, { ...en, slug: "en-1970", meta: { ...en.meta, edition: "en-1970" }, segments: en.segments.map((s) => ({ ...s, text: `${s.text} (1970)` })) }],
      rows: sampleWork.rows.map((row) => ({ ...row, cells: { en: row.cells.en ?? [], "en-1970": row.cells.en ?? [] } })),
      variants: [],
    };
    const reimported = parseTmx(exportTmx(work), "two.tmx");
    expect(reimported.editions.map((d) => [d.meta.edition, d.meta.language])).toEqual([
      ["en", "en"],
      ["en-1970", "en"],
    ]);
    expect(importedRows(reimported)[0]).toEqual({ en: ["“Thirst for Power”"], "en-1970": ["“Thirst for Power” (1970)"] });
  });
});

describe("parseTmx on a file from a CAT tool", () => {
  const aligned = parseTmx(readFixture("cat-tool.tmx"), "cat-tool.tmx", { common: { work: "thirst-for-power", workTitle: "Thirst for Power" } });

  it("makes one edition per language, taking the srclang one as the original", () => {
    expect(aligned.editions.map((d) => [d.meta.edition, d.meta.language, d.meta.original])).toEqual([
      ["ru-ru", "ru-RU", true],
      ["en-us", "en-US", false],
      ["fr-fr", "fr-FR", false],
    ]);
  });

  it("makes one row per tu, drops inline codes, keeps hi text and skips empty segments", () => {
    expect(importedRows(aligned)).toEqual([
      { "ru-ru": ["Жажда власти"], "en-us": ["Thirst for Power"], "fr-fr": ["Soif de pouvoir"] },
      { "ru-ru": ["Им двигала лишь голая жажда власти."], "en-us": ["It was motivated only by the naked thirst for power."] },
      { "ru-ru": ["Январь 1937 г. & далее"], "en-us": ["January 1937 & after"] },
    ]);
  });

  it("puts each segment in its own paragraph, with the line of its seg", () => {
    expect(aligned.editions[0].blocks.map((b) => [b.kind, b.line])).toEqual([
      ["paragraph", 7],
      ["paragraph", 12],
      ["paragraph", 17],
    ]);
  });

  it("lets the caller's per-edition metadata override guesses", () => {
    const withDefaults = parseTmx(readFixture("cat-tool.tmx"), "cat-tool.tmx", {
      common: { work: "thirst-for-power" },
      editions: { "ru-ru": { original: false, title: "Жажда власти" } },
    });
    expect(withDefaults.editions[0].meta).toMatchObject({ original: false, title: "Жажда власти" });
  });
});

describe("parseTmx rejects bad input, naming the line", () => {
  it("rejects a tuv without a language", () => {
    const error = importErrorOf(() => parseTmx(readFixture("tmx-without-lang.tmx"), "x.tmx", { common: { work: "w" } }));
    expect(error.message).toBe("x.tmx:7: <tuv> has no xml:lang attribute");
  });

  it("rejects a declared language that contradicts the tuv's", () => {
    const error = importErrorOf(() => parseTmx(readFixture("cat-tool.tmx"), "x.tmx", { common: { work: "w" }, editions: { "en-us": { language: "de" } } }));
    expect(error.line).toBe(8);
    expect(error.reason).toBe("the file (edition “en-us”) says the language is “en-US”, which contradicts the declared language “de”");
  });

  it("names the edition whose metadata is missing", () => {
    const error = importErrorOf(() => parseTmx(readFixture("cat-tool.tmx"), "x.tmx"));
    expect(error.reason).toBe("edition “ru-ru”: missing metadata: work, title — give them in the file or in the import form");
  });

  it("rejects malformed XML with line and column", () => {
    const error = importErrorOf(() => parseTmx('<tmx version="1.4">\n<body><tu><tuv xml:lang="en"><seg>x</tuv></tu></body></tmx>', "x.tmx"));
    expect([error.line, error.column]).toEqual([2, 36]);
    expect(error.reason).toMatch(/^malformed XML: Expected closing tag 'seg'/);
  });

  it("rejects a document that is not TMX", () => {
    expect(importErrorOf(() => parseTmx("<TEI/>", "x.tmx")).reason).toBe("not a TMX document: the root element is <TEI>, expected <tmx>");
  });
});
