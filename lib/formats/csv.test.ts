import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { AlignedImport } from "./aligned";
import { exportGridCsv, exportVariantsCsv } from "./csv-export";
import { detectDelimiter, parseAlignedCsv } from "./csv-import";
import { sampleWork } from "./fixtures/sample-work";
import { importErrorOf, readFixture } from "./test-helpers";
import { rowsInOrder } from "./work-export";

function importedRows(aligned: AlignedImport): Record<string, string[]>[] {
  const sentences = new Map(aligned.editions.map((doc) => [doc.meta.edition, doc.blocks.flatMap((b) => b.sentences.map((s) => s.text))]));
  return aligned.rows.map((row) =>
    Object.fromEntries(Object.entries(row.cells).map(([slug, indexes]) => [slug, indexes.map((i) => sentences.get(slug)![i])])),
  );
}

describe("grid CSV export and re-import", () => {
  const csv = exportGridCsv(sampleWork);

  it("starts with a BOM and a header of row columns and edition slugs, labelling the working translation", () => {
    expect(csv.startsWith("\uFEFFrow_id,row_position,row_status,row_confidence,ru,en,fr (working translation)\n")).toBe(true);
    expect(exportGridCsv(sampleWork, ["en"], { bom: false }).split("\n")[0]).toBe("row_id,row_position,row_status,row_confidence,en");
  });

  it("gives back every row with the same segments in each cell", () => {
    const aligned = parseAlignedCsv(csv, "grid.csv", { common: { work: "thirst-for-power" } });
    const expected = rowsInOrder(sampleWork).map((row) =>
      Object.fromEntries(
        sampleWork.editions
          .filter((edition) => (row.cells[edition.slug] ?? []).length > 0)
          .map((edition) => [edition.slug, row.cells[edition.slug].map((id) => edition.segments.find((s) => s.id === id)!.text)]),
      ),
    );
    expect(importedRows(aligned)).toEqual(expected);
    expect(aligned.rows[1].cells).toEqual({ ru: [1, 2], en: [1, 2], fr: [1] });
  });

  it("reads each row's status and confidence back", () => {
    const aligned = parseAlignedCsv(csv, "grid.csv", { common: { work: "thirst-for-power" } });
    expect(aligned.rows.map((row) => [row.status, row.confidence])).toEqual(rowsInOrder(sampleWork).map((row) => [row.status, row.confidence ?? undefined]));
  });

  it("rejects a row status it does not know, naming the line", () => {
    const error = importErrorOf(() => parseAlignedCsv("row_status,ru,en\ncertain,а,b\n", "grid.csv", { common: { work: "w" } }));
    expect([error.line, error.reason]).toEqual([2, "row status must be automatic or confirmed, not “certain”"]);
  });

  it("reads the working-translation label of a column back as the edition's provenance", () => {
    const aligned = parseAlignedCsv(csv, "grid.csv", { common: { work: "thirst-for-power" } });
    expect(aligned.editions.map((d) => [d.meta.edition, d.meta.provenance])).toEqual([
      ["ru", "imported"],
      ["en", "imported"],
      ["fr", "working-translation"],
    ]);
  });

  it("writes row id, position, status and confidence (empty when unknown)", () => {
    const records: string[][] = parse(csv, { bom: true });
    expect(records[1].slice(0, 4)).toEqual(["row-1", "1", "confirmed", ""]);
    expect(records[2].slice(0, 4)).toEqual(["row-2", "2", "automatic", "0.82"]);
  });
});

describe("variant register CSV export", () => {
  it("writes one record per variant with its row position and editions, labelling a working translation", () => {
    const records: string[][] = parse(exportVariantsCsv(sampleWork), { bom: true });
    expect(records).toEqual([
      ["id", "row_id", "row_position", "editions", "category", "status", "note", "author", "created_at"],
      ["var-1", "row-4", "4", "fr (working translation)", "omission", "open", "La citation <de Piatakov> manque & n’est pas signalée.", "Анна", "2025-01-02T03:04:05.000Z"],
      ["var-2", "row-2", "2", "en, fr (working translation)", "softening_intensifying", "confirmed", "«голая жажда» → “naked thirst”, “soif nue”", "", "2025-02-03T04:05:06.000Z"],
    ]);
  });
});

describe("parseAlignedCsv on hand-made files", () => {
  it("reads quoted cells, keeps a cell as one segment and splits only at line breaks", () => {
    const aligned = parseAlignedCsv(readFixture("aligned.csv"), "aligned.csv", { common: { work: "thirst-for-power", workTitle: "Thirst for Power" } });
    expect(importedRows(aligned)).toEqual([
      { ru: ["Жажда власти"], "en-gb": ["Thirst for Power"], "fr-1937": ["Soif de pouvoir"] },
      {
        ru: ["По словам Вышинского, «Объединённый центр» не имел никакой программы. Им двигала лишь «голая жажда власти»."],
        "en-gb": ["In the words of Vyshinsky, the \"United Center\" had no program whatsoever.", "It was motivated only by \"the naked thirst for power.\""],
        "fr-1937": ["Selon Vychinski, le « Centre uni » n’avait aucun programme, dit-il."],
      },
      { ru: ["Январь 1937 г."], "en-gb": ["January 1937"] },
    ]);
  });

  it("guesses languages from the column slugs and gives each cell's block the line of its record", () => {
    const aligned = parseAlignedCsv(readFixture("aligned.csv"), "aligned.csv", { common: { work: "thirst-for-power" } });
    expect(aligned.editions.map((d) => [d.meta.edition, d.meta.language, d.meta.title])).toEqual([
      ["ru", "ru", "thirst-for-power (ru)"],
      ["en-gb", "en-gb", "thirst-for-power (en-gb)"],
      ["fr-1937", "fr", "thirst-for-power (fr-1937)"],
    ]);
    expect(aligned.editions[0].blocks.map((b) => b.line)).toEqual([2, 3, 7]);
  });

  it("reads a semicolon-separated file with CRLF line ends and capitalised language codes", () => {
    const aligned = parseAlignedCsv(readFixture("aligned-semicolon.csv"), "a.csv", { common: { work: "w" } });
    expect(importedRows(aligned)).toEqual([
      { ru: ["Жажда власти"], en: ["Thirst for Power"] },
      { ru: ["Им двигала лишь «голая жажда власти»."], en: ["It was motivated; only by power."] },
    ]);
  });

  it("takes the caller's language over the guess from the slug", () => {
    const aligned = parseAlignedCsv(readFixture("aligned.csv"), "a.csv", { common: { work: "w" }, editions: { "fr-1937": { language: "fr-CA" } } });
    expect(aligned.editions[2].meta.language).toBe("fr-CA");
  });
});

describe("parseAlignedCsv rejects bad input, naming the line", () => {
  it("rejects a record with the wrong number of fields", () => {
    expect(importErrorOf(() => parseAlignedCsv(readFixture("broken-row.csv"), "broken-row.csv", { common: { work: "w" } })).message).toBe(
      "broken-row.csv:4: the row has 3 fields but the header has 2",
    );
  });

  it("rejects a header that is not an edition slug, naming the column", () => {
    const error = importErrorOf(() => parseAlignedCsv(readFixture("bad-header.csv"), "bad-header.csv"));
    expect([error.line, error.column]).toEqual([1, 2]);
    expect(error.reason).toBe("column 2 header “English (Pathfinder)” is not an edition slug or language code (use e.g. ru, en, fr-1937)");
  });

  it.each([
    ["ru,en\n\"Жажда власти,Thirst\n", 2, "malformed CSV: Quote Not Closed: the parsing is finished with an opening quote"],
    ["ru,,en\na,b,c\n", 1, "column 2 has no header"],
    ["ru,RU\na,b\n", 1, "column 2: edition “ru” appears twice in the header"],
    ["row_id,row_status\n1,confirmed\n", 1, "the header names no edition columns"],
  ])("rejects %j", (text, line, reason) => {
    const error = importErrorOf(() => parseAlignedCsv(text, "x.csv", { common: { work: "w" } }));
    expect(error.line).toBe(line);
    expect(error.reason).toContain(reason);
  });

  it("rejects a column whose language cannot be guessed and is not given", () => {
    expect(importErrorOf(() => parseAlignedCsv("ru,pathfinder\na,b\n", "x.csv", { common: { work: "w" } })).message).toBe(
      "x.csv:1: edition “pathfinder”: missing metadata: language — give it in the file or in the import form",
    );
  });

  it("rejects a column with no text at all", () => {
    expect(importErrorOf(() => parseAlignedCsv("ru,en\na,\n", "x.csv", { common: { work: "w" } })).message).toBe("x.csv:1: edition “en” has no text");
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["ru,en", ","],
    ["ru;en", ";"],
    ["ru\ten", "\t"],
    ['"a,b";c', ";"],
    ["ru", ","],
  ])("%j → %j", (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});
