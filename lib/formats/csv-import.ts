/**
 * Aligned CSV importer: a header row naming one edition per column (edition slugs or language codes: `ru`, `en`,
 * `en-gb`, `fr-1937`), then one aligned row per record. The delimiter (comma, semicolon or tab) is taken from the
 * header line. A cell is one segment — it is not split into sentences — unless it holds line breaks: then each
 * non-empty line is a segment (Hexapla's own CSV export writes a cell's segments on separate lines). Each non-empty
 * cell is a paragraph of its edition. Columns `row_status` and `row_confidence` (written by the export) give the row's
 * status and confidence; `row_id` and `row_position` are ignored. A column's language is guessed from its slug (`en-gb` → `en-gb`, `fr-1937` → `fr`)
 * unless the caller gives it. A header `fr (working translation)` (as the export writes it) marks the column's edition
 * as a working translation, `ru (working translation, stands in for the original)` also as standing in for the
 * original. Records with all cells empty are skipped. A cell the export neutralised against formula injection
 * (`'=…`, csv-cells.ts) is read back as it was.
 */
import { CsvError, parse } from "csv-parse/sync";
import { ImportError } from "../text/edition-document";
import { AlignedBuilder, rowState, type AlignedDefaults, type AlignedImport } from "./aligned";
import { restoreCell } from "./csv-cells";
import { assertTextSize } from "../text/limits";
import { collapseSpaces } from "./spaces";

/** Columns the grid export adds besides the editions. */
export const CSV_ROW_COLUMNS = ["row_id", "row_position", "row_status", "row_confidence"] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What follows an edition's slug in the header of a working translation's column. */
export const WORKING_TRANSLATION_LABEL = "(working translation)";
/** … and of a working translation that stands in for the original. */
export const STANDS_IN_LABEL = "(working translation, stands in for the original)";
/** … and of another text that stands in for the original. */
export const STANDS_IN_ONLY_LABEL = "(stands in for the original)";

const HEADER_LABELS: ReadonlyArray<[string, { provenance?: "working-translation"; standsInForOriginal?: true }]> = [
  [STANDS_IN_LABEL, { provenance: "working-translation", standsInForOriginal: true }],
  [WORKING_TRANSLATION_LABEL, { provenance: "working-translation" }],
  [STANDS_IN_ONLY_LABEL, { standsInForOriginal: true }],
];

/** An edition column's slug and what its header label says of it (`fr (working translation)`). */
function readHeading(name: string): { slug: string; found: { provenance?: "working-translation"; standsInForOriginal?: true } } {
  const heading = name.trim().toLowerCase();
  for (const [label, found] of HEADER_LABELS) {
    if (heading.endsWith(label)) return { slug: heading.slice(0, -label.length).trim(), found };
  }
  return { slug: heading, found: {} };
}

/** The most frequent of comma, semicolon and tab outside quotes in the first line (comma on a tie). */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

interface ParsedRecord {
  fields: string[];
  line: number;
}

function readRecords(text: string, delimiter: string, file: string): ParsedRecord[] {
  let parsed: { record: string[]; raw: string }[];
  try {
    const records: unknown = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, raw: true, bom: true });
    parsed = records as { record: string[]; raw: string }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? null;
      throw new ImportError(file, line, `malformed CSV: ${error.message.replace(/ (?:at|on) line \d+.*$/, "")}`);
    }
    throw error;
  }
  let consumedLines = 0;
  return parsed.map(({ record, raw }) => {
    const leadingBlankLines = /^\n*/.exec(raw)![0].length;
    const line = consumedLines + leadingBlankLines + 1;
    consumedLines += raw.split("\n").length - 1;
    return { fields: record.map(restoreCell), line };
  });
}

function cellSegments(cell: string): string[] {
  return cell
    .split("\n")
    .map(collapseSpaces)
    .filter((line) => line !== "");
}

/** `en-gb` and `es-419` are language tags; otherwise the first part, when it looks like a language (`fr-1937` → `fr`). */
function guessLanguage(slug: string): { language?: string } {
  if (/^[a-z]{2,3}(?:-[a-z]{2}|-\d{3})?$/.test(slug)) return { language: slug };
  const prefix = slug.split("-")[0];
  return /^[a-z]{2,3}$/.test(prefix) ? { language: prefix } : {};
}

export function parseAlignedCsv(text: string, file: string, defaults?: AlignedDefaults): AlignedImport {
  assertTextSize(text, file);
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (source.trim() === "") throw new ImportError(file, null, "the file is empty");
  const records = readRecords(source, detectDelimiter(source.slice(0, source.indexOf("\n") >>> 0)), file);
  const [header, ...rows] = records;

  const builder = new AlignedBuilder(file);
  const columns = header.fields.map((name, index) => {
    const { slug, found } = readHeading(name);
    const column = index + 1;
    if ((CSV_ROW_COLUMNS as readonly string[]).includes(slug)) return null;
    if (slug === "") throw new ImportError(file, header.line, `column ${column} has no header; name each column by its edition (e.g. ru, en, fr-1937)`, column);
    if (!SLUG.test(slug)) {
      throw new ImportError(file, header.line, `column ${column} header “${name.trim()}” is not an edition slug or language code (use e.g. ru, en, fr-1937)`, column);
    }
    if (builder.hasEdition(slug)) throw new ImportError(file, header.line, `column ${column}: edition “${slug}” appears twice in the header`, column);
    builder.addEdition(slug, header.line, found, guessLanguage(slug));
    return slug;
  });
  if (columns.every((slug) => slug == null)) throw new ImportError(file, header.line, "the header names no edition columns");

  for (const record of rows) {
    if (record.fields.length !== columns.length) {
      throw new ImportError(file, record.line, `the row has ${record.fields.length} fields but the header has ${columns.length}`);
    }
    if (record.fields.every((field, i) => columns[i] == null || field.trim() === "")) continue;
    const row = builder.startRow();
    const field = (name: string) => {
      const index = header.fields.findIndex((heading) => heading.trim().toLowerCase() === name);
      return index < 0 ? undefined : record.fields[index];
    };
    Object.assign(row, rowState({ status: field("row_status"), confidence: field("row_confidence") }, file, record.line));
    record.fields.forEach((field, i) => {
      const slug = columns[i];
      if (slug != null) builder.addCell(row, slug, cellSegments(field), record.line);
    });
  }
  return builder.finish(defaults);
}
