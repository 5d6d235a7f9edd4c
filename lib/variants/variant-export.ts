/**
 * The variant register as CSV and JSON. Every edition is exported with its provenance, so that a working
 * translation is never taken for the published text: the CSV's edition and text columns name it in their
 * values and headers, the JSON carries it on every edition. Cells a spreadsheet would run as formulas are
 * neutralised (lib/formats/csv-cells.ts).
 */
import { stringify } from "csv-stringify/sync";
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

/** One line per variant; the row's text in each edition the variant concerns, under a column naming the edition and its provenance. */
export function variantsCsv(data: VariantExport): string {
  const header = [
    "id",
    "row",
    "category",
    "status",
    "note",
    "author",
    "created_at",
    "updated_at",
    "editions",
    ...data.editions.map((edition) => `text ${editionLabel(edition)}`),
  ];
  const lines = data.variants.map((variant) => {
    const concerned = new Set(variant.editions.map((edition) => edition.id));
    const texts = data.rowTexts.get(variant.rowId) ?? {};
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
      ...data.editions.map((edition) => (concerned.has(edition.id) ? (texts[edition.id] ?? "") : "")),
    ];
  });
  return `\uFEFF${stringify([header, ...lines], { record_delimiter: "\r\n", cast: { string: neutraliseCell } })}`;
}

/** The register as a JSON document: the work, its editions with their provenance, and the variants with their texts. */
export function variantsJson(data: VariantExport) {
  const editionOf = new Map(data.editions.map((edition) => [edition.id, edition]));
  const described = (edition: ExportEdition) => ({
    slug: edition.slug,
    language: edition.language,
    title: edition.title,
    provenance: edition.provenance,
    provenanceLabel: PROVENANCE_LABEL[edition.provenance],
    isOriginal: edition.isOriginal,
    standsInForOriginal: edition.standsInForOriginal,
    role: roleLabel(edition),
  });
  return {
    work: data.work,
    exportedAt: data.exportedAt.toISOString(),
    editions: data.editions.map(described),
    variants: data.variants.map((variant) => ({
      id: variant.id,
      row: variant.rowNumber,
      category: variant.category,
      status: variant.status,
      note: variant.note,
      author: variant.author?.name ?? null,
      createdAt: variant.createdAt.toISOString(),
      updatedAt: variant.updatedAt.toISOString(),
      editions: variant.editions.map((ref) => ({
        ...described(editionOf.get(ref.id) ?? ref),
        text: data.rowTexts.get(variant.rowId)?.[ref.id] ?? "",
      })),
    })),
  };
}
