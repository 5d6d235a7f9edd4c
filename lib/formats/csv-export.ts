/**
 * CSV exports: the grid (row id, position, status, confidence, then one column per edition; a cell's segments on
 * separate lines inside the quoted field, so that a re-import restores them) and the variant register.
 * A UTF-8 BOM is written by default so that spreadsheet programs read Cyrillic and accents correctly.
 */
import { stringify } from "csv-stringify/sync";
import { CSV_ROW_COLUMNS } from "./csv-import";
import { cellTexts, rowsInOrder, selectEditions, segmentTexts, type WorkExport } from "./work-export";

export interface CsvOptions {
  /** Write a UTF-8 byte order mark (default true). */
  bom?: boolean;
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
  return stringify([[...CSV_ROW_COLUMNS, ...editions.map((e) => e.slug)], ...records], { bom: options.bom ?? true });
}

export const VARIANT_CSV_COLUMNS = ["id", "row_id", "row_position", "editions", "category", "status", "note", "author", "created_at"] as const;

export function exportVariantsCsv(work: WorkExport, options: CsvOptions = {}): string {
  const positions = new Map(work.rows.map((row) => [row.id, row.position]));
  const records = work.variants.map((variant) => [
    variant.id,
    variant.rowId,
    positions.has(variant.rowId) ? String(positions.get(variant.rowId)) : "",
    variant.editionSlugs.join(" "),
    variant.category,
    variant.status,
    variant.note,
    variant.author ?? "",
    variant.createdAt,
  ]);
  return stringify([[...VARIANT_CSV_COLUMNS], ...records], { bom: options.bom ?? true });
}
