/**
 * The variant register as CSV and JSON. Every edition is exported with its provenance, so that a working
 * translation is never taken for the published text: the CSV's edition and text columns name it in their
 * values and headers, the JSON carries it on every edition. Cells a spreadsheet would run as formulas are
 * neutralised (lib/formats/csv-cells.ts).
 */
import { stringify } from "csv-stringify/sync";
import { jsonStream, lazyArray } from "../formats/json-stream";
import { neutraliseCell } from "../formats/csv-cells";
import { PROVENANCE_LABEL, roleLabel, type ProvenanceKind } from "../editions/provenance";
import type { VariantRecord } from "./variant-record";
import { CATEGORY_LABEL, STATUS_LABEL } from "./variant-schemas";

export interface ExportEdition {
  id: string;
  slug: string;
  language: string;
  title: string;
  provenance: ProvenanceKind;
  isOriginal: boolean;
  standsInForOriginal: boolean;
}

export interface VariantExport {
  work: { slug: string; title: string };
  /** All editions of the work, in display order. */
  editions: ExportEdition[];
  variants: VariantRecord[];
  /** Row id → edition id → the text of the edition's cell in that row. */
  rowTexts: ReadonlyMap<string, Readonly<Record<string, string>>>;
  exportedAt: Date;
}

/** `en (Published text)`, `fr (Working translation)`, `ru (Working translation, stands in for the Russian original)`. */
const editionLabel = (edition: Pick<ExportEdition, "slug" | "provenance" | "isOriginal" | "standsInForOriginal" | "language">) =>
  edition.standsInForOriginal && !edition.isOriginal
    ? `${edition.slug} (${roleLabel(edition).replace(" (", ", ").replace(/\)$/, "")})`
    : `${edition.slug} (${PROVENANCE_LABEL[edition.provenance]})`;

export interface VariantRegisterHead {
  work: VariantExport["work"];
  editions: ExportEdition[];
  exportedAt: Date;
}

/** Some variants of the register, with the texts of their rows. */
export interface VariantPage {
  variants: VariantRecord[];
  rowTexts: VariantExport["rowTexts"];
}

const CSV_OPTIONS = { record_delimiter: "\r\n", cast: { string: neutraliseCell } };

function csvHeader(head: VariantRegisterHead): string[] {
  return ["id", "row", "category", "status", "note", "author", "created_at", "updated_at", "editions", ...head.editions.map((edition) => `text ${editionLabel(edition)}`)];
}

function csvLine(head: VariantRegisterHead, page: VariantPage, variant: VariantRecord): (string | number)[] {
  const concerned = new Set(variant.editions.map((edition) => edition.id));
  const texts = page.rowTexts.get(variant.rowId) ?? {};
  return [
    variant.id,
    variant.rowNumber,
    CATEGORY_LABEL[variant.category],
    STATUS_LABEL[variant.status],
    variant.note,
    variant.author?.name ?? "",
    variant.createdAt.toISOString(),
    variant.updatedAt.toISOString(),
    variant.editions.map(editionLabel).join("; "),
    ...head.editions.map((edition) => (concerned.has(edition.id) ? (texts[edition.id] ?? "") : "")),
  ];
}

/** One line per variant; the row's text in each edition the variant concerns, under a column naming the edition and its provenance. */
export function variantsCsv(data: VariantExport): string {
  return [...variantsCsvPieces(data, [data])].join("");
}

function* variantsCsvPieces(head: VariantRegisterHead, pages: Iterable<VariantPage>): Generator<string> {
  yield `\uFEFF${stringify([csvHeader(head)], CSV_OPTIONS)}`;
  for (const page of pages) yield stringify(page.variants.map((variant) => csvLine(head, page, variant)), CSV_OPTIONS);
}

/** The CSV a page of variants at a time, as the pages are read: the same text as variantsCsv of them all. */
export async function* variantsCsvStream(head: VariantRegisterHead, pages: AsyncIterable<VariantPage>): AsyncGenerator<string> {
  yield `\uFEFF${stringify([csvHeader(head)], CSV_OPTIONS)}`;
  for await (const page of pages) if (page.variants.length > 0) yield stringify(page.variants.map((variant) => csvLine(head, page, variant)), CSV_OPTIONS);
}

function describe(edition: ExportEdition) {
  return {
    slug: edition.slug,
    language: edition.language,
    title: edition.title,
    provenance: edition.provenance,
    provenanceLabel: PROVENANCE_LABEL[edition.provenance],
    isOriginal: edition.isOriginal,
    standsInForOriginal: edition.standsInForOriginal,
    role: roleLabel(edition),
  };
}

function jsonVariant(head: VariantRegisterHead, page: VariantPage, variant: VariantRecord) {
  const editionOf = new Map(head.editions.map((edition) => [edition.id, edition]));
  return {
    id: variant.id,
    row: variant.rowNumber,
    category: variant.category,
    status: variant.status,
    note: variant.note,
    author: variant.author?.name ?? null,
    createdAt: variant.createdAt.toISOString(),
    updatedAt: variant.updatedAt.toISOString(),
    editions: variant.editions.map((ref) => ({
      ...describe(editionOf.get(ref.id) ?? ref),
      text: page.rowTexts.get(variant.rowId)?.[ref.id] ?? "",
    })),
  };
}

/** The register as a JSON document: the work, its editions with their provenance, and the variants with their texts. */
export function variantsJson(data: VariantExport) {
  return {
    work: data.work,
    exportedAt: data.exportedAt.toISOString(),
    editions: data.editions.map(describe),
    variants: data.variants.map((variant) => jsonVariant(data, data, variant)),
  };
}

/** The JSON document (with a final line feed) a page of variants at a time: the same text as variantsJson of them all, indented by 2. */
export async function* variantsJsonStream(head: VariantRegisterHead, pages: AsyncIterable<VariantPage>): AsyncGenerator<string> {
  async function* variants() {
    for await (const page of pages) for (const variant of page.variants) yield jsonVariant(head, page, variant);
  }
  yield* jsonStream({ work: head.work, exportedAt: head.exportedAt.toISOString(), editions: head.editions.map(describe), variants: lazyArray(variants()) });
  yield "\n";
}
