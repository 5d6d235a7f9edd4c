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
export function csvEditionName(edition: EditionExport): string {
  const working = edition.meta.provenance === "working-translation";
  if (edition.meta.standsInForOriginal) return `${edition.slug} ${working ? STANDS_IN_LABEL : STANDS_IN_ONLY_LABEL}`;
  return working ? `${edition.slug} ${WORKING_TRANSLATION_LABEL}` : edition.slug;
}

export function exportGridCsv(work: WorkExport, editionSlugs?: readonly string[], options: CsvOptions = {}): string {
  const editions = selectEditions(work, editionSlugs);
  const texts = new Map(editions.map((edition) => [edition.slug, segmentTexts(edition)]));
  const records = rowsInOrder(work).map((row) => [
    row.id,
    String(row.position),
    row.status,
    row.confidence == null ? "" : String(row.confidence),
    ...editions.map((edition) => cellTexts(row, edition, texts.get(edition.slug)!).join("\n")),
  ]);
  return stringify([[...CSV_ROW_COLUMNS, ...editions.map(csvEditionName)], ...records], { bom: options.bom ?? true, cast: { string: neutraliseCell } });
}

export const VARIANT_CSV_COLUMNS = ["id", "row_id", "row_position", "editions", "category", "status", "note", "author", "created_at"] as const;

export function exportVariantsCsv(work: WorkExport, options: CsvOptions = {}): string {
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
  return stringify([[...VARIANT_CSV_COLUMNS], ...records], { bom: options.bom ?? true, cast: { string: neutraliseCell } });
}
