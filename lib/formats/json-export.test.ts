import { describe, expect, it } from "vitest";
import { FR_IDS, sampleWork } from "./fixtures/sample-work";
import { exportGridJson, exportVariantsJson, exportWorkJson, parseWorkExport } from "./json-export";
import { importErrorOf } from "./test-helpers";
import type { WorkExport } from "./work-export";

const withChanges = (change: (work: WorkExport) => void): string => {
  const work = structuredClone(sampleWork);
  change(work);
  return exportWorkJson(work);
};

describe("full-work JSON export", () => {
  it("round-trips through parseWorkExport to the same structure", () => {
    expect(parseWorkExport(exportWorkJson(sampleWork))).toEqual(sampleWork);
  });

  it("keeps the pivot, an earlier witness, the apparatus, the corrections and who imported what", () => {
    const work = structuredClone(sampleWork);
    work.work.pivotEdition = "ru";
    work.editions[2] = {
      ...work.editions[2],
      supersededBy: "en",
      importedBy: "Анна",
      importedAt: "2025-01-02T03:04:05.000Z",
      apparatus: [{ kind: "note", headingLevel: null, label: "n1", text: "Note." }],
      corrections: [{ line: 3, before: "counterrevolution", after: "counter-revolution", reason: "hyphen lost at a line end" }],
    };
    expect(parseWorkExport(exportWorkJson(work))).toEqual(work);
  });

  it("keeps each edition's source file and what storing its text in Unicode NFC changed at its import", () => {
    const work = structuredClone(sampleWork);
    work.editions[0] = { ...work.editions[0], sourceFile: "ru-1994.tei.xml", normalisation: { form: "NFC", letters: 19, segments: 3 } };
    work.editions[1] = { ...work.editions[1], sourceFile: null, normalisation: null };
    const json = exportWorkJson(work);
    expect(JSON.parse(json).editions.map((e: { sourceFile?: string; normalisation?: unknown }) => [e.sourceFile, e.normalisation])).toEqual([
      ["ru-1994.tei.xml", { form: "NFC", letters: 19, segments: 3 }],
      [null, null],
      [undefined, undefined],
    ]);
    expect(parseWorkExport(json)).toEqual(work);
  });

  it("tags the file with its format and version", () => {
    expect(JSON.parse(exportWorkJson(sampleWork))).toMatchObject({ format: "hexapla-work", version: 1 });
  });

  it("accepts a BOM in front of the JSON", () => {
    expect(parseWorkExport(`\uFEFF${exportWorkJson(sampleWork)}`).work.slug).toBe("thirst-for-power");
  });
});

describe("parseWorkExport rejects bad input", () => {
  it("rejects malformed JSON, with line and column when the parser gives a position", () => {
    const error = importErrorOf(() => parseWorkExport('{\n  "format": "hexapla-work"\n  "version": 1\n}', "w.json"));
    expect(error.message).toBe("w.json:3:3: malformed JSON: Expected ',' or '}' after property value");
  });

  it("rejects JSON that is not a work export", () => {
    expect(importErrorOf(() => parseWorkExport('{"rows": []}')).reason).toBe('not a Hexapla work export (expected "format": "hexapla-work")');
    expect(importErrorOf(() => parseWorkExport('{"format": "hexapla-work", "version": 2}')).reason).toBe(
      "unsupported work export version 2 (this version reads 1)",
    );
  });

  it("names the invalid field", () => {
    const json = withChanges((work) => {
      work.editions[1].meta.language = "English";
    });
    expect(importErrorOf(() => parseWorkExport(json)).reason).toBe(
      "invalid work export — editions.1.meta.language: a BCP 47 language code such as ru, fr or en-GB",
    );
  });

  it.each([
    ["a normal form other than NFC", (w: WorkExport) => (w.editions[0].normalisation = { form: "NFD" as "NFC", letters: 2, segments: 1 }), "editions.0.normalisation.form"],
    ["a normalisation that changed no letter", (w: WorkExport) => (w.editions[0].normalisation = { form: "NFC", letters: 0, segments: 0 }), "editions.0.normalisation.letters"],
    ["an import time that is not a date", (w: WorkExport) => (w.editions[0].importedAt = "yesterday"), "editions.0.importedAt: an ISO 8601 date and time"],
  ])("names the invalid provenance field: %s", (_, change, field) => {
    expect(importErrorOf(() => parseWorkExport(withChanges(change))).reason).toContain(`invalid work export — ${field}`);
  });

  it.each([
    ["an unknown segment in a row", (w: WorkExport) => w.rows[0].cells.en.push("en-s99"), "row “row-1” points at segment “en-s99”, which edition “en” does not have"],
    ["a cell for an unknown edition", (w: WorkExport) => (w.rows[0].cells.de = []), "row “row-1” has a cell for unknown edition “de”"],
    ["a segment in two rows", (w: WorkExport) => w.rows[2].cells.fr?.push(FR_IDS[0]) ?? (w.rows[2].cells.fr = [FR_IDS[0]]), `segment “${FR_IDS[0]}” of edition “fr” is in two rows`],
    ["a variant of an unknown row", (w: WorkExport) => (w.variants[0].rowId = "row-99"), "variant “var-1” refers to unknown row “row-99”"],
    ["a duplicate segment id", (w: WorkExport) => (w.editions[0].segments[1].id = "ru-s1"), "edition “ru” has two segments with id “ru-s1”"],
    ["an edition slug that differs from its metadata", (w: WorkExport) => (w.editions[0].meta.edition = "ru-1994"), "edition “ru” has meta.edition “ru-1994”"],
    ["a replacement that is not among the editions", (w: WorkExport) => (w.editions[2].supersededBy = "fr-1937"), "edition “fr” is superseded by unknown edition “fr-1937”"],
    ["a pivot that is not among the editions", (w: WorkExport) => (w.work.pivotEdition = "de"), "the pivot edition “de” is not among the editions"],
    [
      "a normalisation of more segments than the edition has",
      (w: WorkExport) => (w.editions[0].normalisation = { form: "NFC", letters: 40, segments: 9 }),
      "edition “ru” records 9 segments changed by normalisation but has 7",
    ],
  ])("rejects %s", (_, change, reason) => {
    expect(importErrorOf(() => parseWorkExport(withChanges(change))).reason).toBe(`invalid work export — ${reason}`);
  });
});

describe("grid and variant JSON exports", () => {
  it("writes the grid with cell texts in row order", () => {
    const grid = JSON.parse(exportGridJson(sampleWork, ["en", "fr"]));
    expect(grid.editions.map((e: { slug: string }) => e.slug)).toEqual(["en", "fr"]);
    expect(grid.rows[1]).toEqual({
      id: "row-2",
      position: 2,
      status: "automatic",
      confidence: 0.82,
      cells: {
        en: ["In the words of Vyshinsky (August 1936), the “United Center” had no program whatsoever.", "It was motivated only by “the naked thirst for power.”"],
        fr: ["Selon Vychinski (août 1936), le « Centre uni » n’avait aucun programme ; il n’était mû que par « la soif nue du pouvoir »."],
      },
    });
  });

  it("lists with each edition what storing its text in Unicode NFC changed at its import", () => {
    const work = structuredClone(sampleWork);
    work.editions[0].normalisation = { form: "NFC", letters: 19, segments: 3 };
    work.editions[1].normalisation = null;
    const grid = JSON.parse(exportGridJson(work));
    expect(grid.editions.map((e: { slug: string; normalisation?: unknown }) => [e.slug, e.normalisation])).toEqual([
      ["ru", { form: "NFC", letters: 19, segments: 3 }],
      ["en", null],
      ["fr", undefined],
    ]);
  });

  it("writes the variant register with each variant's row position", () => {
    const register = JSON.parse(exportVariantsJson(sampleWork));
    expect(register.variants.map((v: { id: string; rowPosition: number }) => [v.id, v.rowPosition])).toEqual([
      ["var-1", 4],
      ["var-2", 2],
    ]);
    expect(register.variants[0].note).toBe("La citation <de Piatakov> manque & n’est pas signalée.");
  });

  it("names the editions the register mentions with their provenance, so a working translation is labelled", () => {
    const register = JSON.parse(exportVariantsJson(sampleWork));
    expect(register.editions.map((e: { slug: string; provenance: string }) => [e.slug, e.provenance])).toEqual([
      ["en", "published"],
      ["fr", "working-translation"],
    ]);
  });
});
