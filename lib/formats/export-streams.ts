/**
 * TMX, CSV and JSON exports written while the work is read from an ExportSource, a page at a time: the same bytes as
 * tmx-export.ts, csv-export.ts and json-export.ts write from a WorkExport in memory (the TEI documents are in
 * tei-stream.ts).
 */
import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "./csv-cells";
import { CSV_BATCH, csvEditionName, VARIANT_CSV_COLUMNS, type CsvOptions } from "./csv-export";
import { CSV_ROW_COLUMNS } from "./csv-import";
import type { ExportSource } from "./export-source";
import type { VariantExport } from "./work-export";
import { gridEdition, variantEdition, WORK_JSON_FORMAT, WORK_JSON_VERSION } from "./json-export";
import { jsonStream, lazyArray } from "./json-stream";
import { selectHeads } from "./tei-stream";
import { TMX_PROP } from "./tmx-shared";
import { prop, tmxHeader, tmxVariant } from "./tmx-export";
import { el, type XmlOut } from "./xml-writer";
import { lazyEl, LazyNodes, renderXmlStream } from "./xml-stream";

async function* map<T, U>(items: AsyncIterable<T>, f: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield f(item);
}

/** The TMX document (tmxChunks). */
export async function* tmxStream(source: ExportSource, editionSlugs?: readonly string[]): AsyncGenerator<string> {
  const editions = selectHeads(source, editionSlugs);
  async function* units(): AsyncGenerator<XmlOut> {
    for await (const { row, segments } of source.rows({ editions: editions.map((edition) => edition.slug) })) {
      const variants: XmlOut[] = editions.flatMap((edition) => {
        const cell = segments[edition.slug] ?? [];
        if (cell.length === 0) return [];
        const first = cell[0];
        return [tmxVariant(edition, first, cell.map((segment) => segment.text).join(" "))];
      });
      if (variants.length === 0) continue;
      yield el("tu", { tuid: row.id }, [prop(TMX_PROP.status, row.status), ...(row.confidence != null ? [prop(TMX_PROP.confidence, row.confidence)] : []), ...variants]);
    }
  }
  yield* renderXmlStream(
    lazyEl("tmx", { version: "1.4" }, [
      tmxHeader(source.work, editions),
      lazyEl("body", {}, [new LazyNodes(units())]),
    ]),
  );
}

/** The header (with the byte order mark unless `bom` is false), then the records, CSV_BATCH at a time (csv-export.ts). */
export async function* csvStream(header: string[], records: AsyncIterable<string[]>, options: CsvOptions = {}): AsyncGenerator<string> {
  const cast = { string: neutraliseCell };
  yield stringify([header], { bom: options.bom ?? true, cast });
  let batch: string[][] = [];
  for await (const record of records) {
    batch.push(record);
    if (batch.length === CSV_BATCH) {
      yield stringify(batch, { cast });
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, { cast });
}

/** The grid as CSV (gridCsvChunks). */
export function gridCsvStream(source: ExportSource, editionSlugs?: readonly string[], options: CsvOptions = {}): AsyncGenerator<string> {
  const editions = selectHeads(source, editionSlugs);
  const records = map(source.rows({ editions: editions.map((edition) => edition.slug) }), ({ row, segments }) => [
    row.id,
    String(row.position),
    row.status,
    row.confidence == null ? "" : String(row.confidence),
    ...editions.map((edition) => (segments[edition.slug] ?? []).map((segment) => segment.text).join("\n")),
  ]);
  return csvStream([...CSV_ROW_COLUMNS, ...editions.map(csvEditionName)], records, options);
}

/** The variant register as CSV (variantsCsvChunks). */
export function variantsCsvStream(source: ExportSource, options: CsvOptions = {}): AsyncGenerator<string> {
  const names = new Map(source.editions.map((edition) => [edition.slug, csvEditionName(edition)]));
  const records = map(source.variants(), (variant) => [
    variant.id,
    variant.rowId,
    variant.rowPosition != null ? String(variant.rowPosition) : "",
    variant.editionSlugs.map((slug) => names.get(slug) ?? slug).join(", "),
    variant.category,
    variant.status,
    variant.note,
    variant.author ?? "",
    variant.createdAt,
  ]);
  return csvStream([...VARIANT_CSV_COLUMNS], records, options);
}

async function* withLineFeed(value: unknown): AsyncGenerator<string> {
  yield* jsonStream(value);
  yield "\n";
}

/** The grid as JSON (gridJsonChunks). */
export function gridJsonStream(source: ExportSource, editionSlugs?: readonly string[]): AsyncGenerator<string> {
  const editions = selectHeads(source, editionSlugs);
  return withLineFeed({
    format: "hexapla-grid",
    version: 1,
    work: source.work,
    editions: editions.map(gridEdition),
    rows: lazyArray(
      map(source.rows({ editions: editions.map((edition) => edition.slug) }), ({ row, segments }) => ({
        id: row.id,
        position: row.position,
        status: row.status,
        confidence: row.confidence,
        cells: Object.fromEntries(editions.map((edition) => [edition.slug, (segments[edition.slug] ?? []).map((segment) => segment.text)])),
      })),
    ),
  });
}

/** The variant register as JSON (variantsJsonChunks). */
export async function* variantsJsonStream(source: ExportSource): AsyncGenerator<string> {
  const named = await source.variantEditions();
  const editions = source.editions
    .filter((edition) => named.has(edition.slug))
    .map(variantEdition);
  yield* withLineFeed({ format: "hexapla-variants", version: 1, work: source.work, editions, variants: lazyArray(source.variants()) });
}

/** A variant as the work JSON holds it: its fields in their order, without the row's position. */
function withoutRowPosition(variant: VariantExport & { rowPosition?: number | null }): VariantExport {
  const copy = { ...variant };
  delete copy.rowPosition;
  return copy;
}

/** The whole work, re-importable (workJsonChunks). */
export function workJsonStream(source: ExportSource): AsyncGenerator<string> {
  async function* editions() {
    for (const head of source.editions) {
      const apparatus = await source.apparatus(head.slug);
      const corrections = await source.corrections(head.slug);
      yield {
        slug: head.slug,
        meta: head.meta,
        segments: lazyArray(source.segments(head.slug)),
        apparatus,
        corrections,
        supersededBy: head.supersededBy,
        importedBy: head.importedBy,
        importedAt: head.importedAt,
        sourceFile: head.sourceFile,
        normalisation: head.normalisation,
      };
    }
  }
  return withLineFeed({
    format: WORK_JSON_FORMAT,
    version: WORK_JSON_VERSION,
    work: source.work,
    editions: lazyArray(editions()),
    rows: lazyArray(map(source.rows({ texts: false }), ({ row }) => row)),
    variants: lazyArray(map(source.variants(), withoutRowPosition)),
    wordLinks: source.listsWordLinks === false ? undefined : lazyArray(source.wordLinks()),
  });
}
