/**
 * CSV exports: the grid (row id, position, status, confidence, then one column per edition; a cell's segments on
 * separate lines inside the quoted field, so that a re-import restores them) and the variant register.
 * A UTF-8 BOM is written by default so that spreadsheet programs read Cyrillic and accents correctly.
 * A working translation is labelled as such wherever an edition is named: `fr (working translation)`, and one that
 * stands in for the original `ru (working translation, stands in for the original)`. A cell a spreadsheet would run
 * as a formula is neutralised (csv-cells.ts; the grid import reverses it).
 */
import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "./csv-cells";
import { CSV_ROW_COLUMNS, STANDS_IN_LABEL, STANDS_IN_ONLY_LABEL, WORKING_TRANSLATION_LABEL } from "./csv-import";
import { cellTexts, rowsInOrder, selectEditions, segmentTexts, type EditionExport, type WorkExport } from "./work-export";

export interface CsvOptions {
  /** Write a UTF-8 byte order mark (default true). */
  bom?: boolean;
}

/** How an edition is named in a CSV header or field: its slug, labelled when it is a working translation or stands in for the original. */
export function csvEditionName(edition: Pick<EditionExport, "slug" | "meta">): string {
  const working = edition.meta.provenance === "working-translation";
  if (edition.meta.standsInForOriginal) return `${edition.slug} ${working ? STANDS_IN_LABEL : STANDS_IN_ONLY_LABEL}`;
  return working ? `${edition.slug} ${WORKING_TRANSLATION_LABEL}` : edition.slug;
}

/** Records per piece when a CSV export is written as a stream. */
export const CSV_BATCH = 500;

/** The header (with the byte order mark unless `bom` is false), then the records, a batch of CSV_BATCH at a time. */
function* csvChunks(header: string[], records: Iterable<string[]>, options: CsvOptions): Generator<string> {
  const cast = { string: neutraliseCell };
  yield stringify([header], { bom: options.bom ?? true, cast });
  let batch: string[][] = [];
  for (const record of records) {
    batch.push(record);
    if (batch.length === CSV_BATCH) {
      yield stringify(batch, { cast });
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, { cast });
}

/** The grid CSV a batch of rows at a time (the export route streams it). */
export function gridCsvChunks(work: WorkExport, editionSlugs?: readonly string[], options: CsvOptions = {}): Iterable<string> {
  const editions = selectEditions(work, editionSlugs);
  const texts = new Map(editions.map((edition) => [edition.slug, segmentTexts(edition)]));
  const records = rowsInOrder(work).map((row) => [
    row.id,
    String(row.position),
    row.status,
    row.confidence == null ? "" : String(row.confidence),
    ...editions.map((edition) => cellTexts(row, edition, texts.get(edition.slug)!).join("\n")),
  ]);
  return csvChunks([...CSV_ROW_COLUMNS, ...editions.map(csvEditionName)], records, options);
}

export function exportGridCsv(work: WorkExport, editionSlugs?: readonly string[], options: CsvOptions = {}): string {
  return [...gridCsvChunks(work, editionSlugs, options)].join("");
}

export const VARIANT_CSV_COLUMNS = ["id", "row_id", "row_position", "editions", "category", "status", "note", "author", "created_at"] as const;

/** The variant register's CSV a batch of variants at a time (the export route streams it). */
export function variantsCsvChunks(work: WorkExport, options: CsvOptions = {}): Iterable<string> {
  const positions = new Map(work.rows.map((row) => [row.id, row.position]));
  const names = new Map(work.editions.map((edition) => [edition.slug, csvEditionName(edition)]));
  const records = work.variants.map((variant) => [
    variant.id,
    variant.rowId,
    positions.has(variant.rowId) ? String(positions.get(variant.rowId)) : "",
    variant.editionSlugs.map((slug) => names.get(slug) ?? slug).join(", "),
    variant.category,
    variant.status,
    variant.note,
    variant.author ?? "",
    variant.createdAt,
  ]);
  return csvChunks([...VARIANT_CSV_COLUMNS], records, options);
}

export function exportVariantsCsv(work: WorkExport, options: CsvOptions = {}): string {
  return [...variantsCsvChunks(work, options)].join("");
}
