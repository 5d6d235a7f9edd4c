import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EditionMeta } from "../text/edition-document";
import { exportGridCsv } from "./csv-export";
import { parseAlignedCsv } from "./csv-import";
import { exportWorkJson, parseWorkExport } from "./json-export";
import { exportTeiEdition } from "./tei-export";
import { parseTeiEdition } from "./tei-import";
import { exportTmx } from "./tmx-export";
import { parseTmx } from "./tmx-import";
import type { WorkExport } from "./work-export";

/** Characters that stress escaping: markup, quotes, entities, Cyrillic, accents, note references, CJK. */
const TRICKY = [..."ab Жж«»“”‘’'\"&<>;,.-—[^1]é\u00a0\t\n#*_>{}=+@汉"];
const sentence = fc
  .array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 40 })
  .map((chars) => chars.join("").replace(/\s+/g, " ").trim())
  .filter((text) => text !== "");

/** The later provenance fields, arbitrary (with text that stresses escaping), as every exporter must carry them. */
const provenanceFields = fc.record({
  standsInForOriginal: fc.boolean(),
  editor: fc.option(sentence, { nil: null }),
  basedOn: fc.option(sentence, { nil: null }),
  translatedFrom: fc.option(fc.constantFrom("ru", "en", "en-gb"), { nil: null }),
  made: fc.option(fc.constantFrom("2026", "2026-11", "2026-11-25", "2026-11-25/2026-12-06"), { nil: null }),
  titleOurs: fc.boolean(),
  departures: fc.option(sentence, { nil: null }),
});

type ProvenanceFields = Pick<EditionMeta, "standsInForOriginal" | "editor" | "basedOn" | "translatedFrom" | "made" | "titleOurs" | "departures">;

/** An edition's metadata; the original is never the one standing in for it. */
const meta = (edition: string, language: string, fields: ProvenanceFields): EditionMeta => ({
  work: "w",
  workTitle: null,
  author: null,
  edition,
  language,
  title: `Title ${edition}`,
  translator: null,
  publisher: null,
  place: null,
  year: null,
  original: edition === "ru",
  provenance: "imported",
  source: null,
  ...fields,
  standsInForOriginal: edition !== "ru" && fields.standsInForOriginal,
});

/** A two-edition work with one row per Russian segment and 0–2 English segments per row. */
const work = fc
  .array(fc.record({ ru: sentence, en: fc.array(sentence, { maxLength: 2 }), kind: fc.constantFrom("paragraph" as const, "blockquote" as const, "heading" as const) }), {
    minLength: 1,
    maxLength: 12,
  })
  .chain((rows) => fc.tuple(fc.constant(rows), provenanceFields, provenanceFields))
  .map(([rows, ruFields, enFields]): WorkExport => {
    const ru = rows.map((row, i) => ({ id: `ru${i}`, blockIndex: i, kind: row.kind, text: row.ru }));
    const en = rows.flatMap((row, i) => row.en.map((text, j) => ({ id: `en${i}_${j}`, blockIndex: i, kind: row.kind, text })));
    return {
      work: { slug: "w", title: "W", author: null },
      editions: [
        { slug: "ru", meta: meta("ru", "ru", ruFields), segments: ru },
        ...(en.length > 0 ? [{ slug: "en", meta: meta("en", "en", enFields), segments: en }] : []),
      ],
      rows: rows.map((row, i) => ({
        id: `r${i}`,
        position: i,
        status: "automatic" as const,
        confidence: 0.5,
        cells: { ru: [`ru${i}`], ...(en.length > 0 ? { en: row.en.map((_, j) => `en${i}_${j}`) } : {}) },
      })),
      variants: [],
    };
  });

describe("round trips hold for arbitrary text", () => {
  it("TEI export → import gives back every sentence with its xml:id", () => {
    fc.assert(
      fc.property(work, (w) => {
        for (const edition of w.editions) {
          const doc = parseTeiEdition(exportTeiEdition(w, edition.slug), `${edition.slug}.xml`);
          expect(doc.meta).toEqual(edition.meta);
          expect(doc.blocks.flatMap((b) => b.sentences)).toEqual(edition.segments.map((s) => ({ text: s.text, xmlId: s.id })));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("TMX export → import gives back every row's joined text", () => {
    fc.assert(
      fc.property(work, (w) => {
        const aligned = parseTmx(exportTmx(w), "w.tmx");
        const own = (meta: EditionMeta) => Object.fromEntries(Object.entries(meta).filter(([key]) => !["work", "workTitle", "author"].includes(key)));
        expect(aligned.editions.map((d) => own(d.meta))).toEqual(w.editions.map((e) => own(e.meta)));
        const texts = new Map(aligned.editions.map((d) => [d.meta.edition, d.blocks.flatMap((b) => b.sentences.map((s) => s.text))]));
        const segments = new Map(w.editions.map((e) => [e.slug, new Map(e.segments.map((s) => [s.id, s.text]))]));
        expect(aligned.rows.map((row) => Object.fromEntries(Object.entries(row.cells).map(([slug, ix]) => [slug, ix.map((i) => texts.get(slug)![i])])))).toEqual(
          w.rows.map((row) =>
            Object.fromEntries(
              Object.entries(row.cells)
                .filter(([, ids]) => ids.length > 0)
                .map(([slug, ids]) => [slug, [ids.map((id) => segments.get(slug)!.get(id)).join(" ")]]),
            ),
          ),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("CSV export → import gives back every row's segments, and no exported cell starts a spreadsheet formula", () => {
    fc.assert(
      fc.property(work, (w) => {
        const csv = exportGridCsv(w);
        const cells = (parse(csv.replace(/^\uFEFF/, "")) as string[][]).flat();
        expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
        const aligned = parseAlignedCsv(csv, "w.csv", { common: { work: "w" } });
        expect(aligned.editions.map((d) => d.meta.standsInForOriginal)).toEqual(w.editions.map((e) => e.meta.standsInForOriginal));
        const texts = new Map(aligned.editions.map((d) => [d.meta.edition, d.blocks.flatMap((b) => b.sentences.map((s) => s.text))]));
        const segments = new Map(w.editions.map((e) => [e.slug, new Map(e.segments.map((s) => [s.id, s.text]))]));
        expect(aligned.rows.map((row) => Object.fromEntries(Object.entries(row.cells).map(([slug, ix]) => [slug, ix.map((i) => texts.get(slug)![i])])))).toEqual(
          w.rows.map((row) =>
            Object.fromEntries(
              Object.entries(row.cells)
                .filter(([, ids]) => ids.length > 0)
                .map(([slug, ids]) => [slug, ids.map((id) => segments.get(slug)!.get(id))]),
            ),
          ),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("full JSON export → parse gives back the same structure", () => {
    fc.assert(
      fc.property(work, (w) => {
        expect(parseWorkExport(exportWorkJson(w))).toEqual(w);
      }),
      { numRuns: 100 },
    );
  });
});
