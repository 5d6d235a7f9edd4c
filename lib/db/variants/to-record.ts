/** A variant as Prisma returns it with VARIANT_INCLUDE, turned into the register's VariantRecord. */
import { EDITION_REF_SELECT, type VariantRecord } from "./types";

export const VARIANT_INCLUDE = {
  author: { select: { id: true, name: true } },
  editions: { include: { edition: { select: EDITION_REF_SELECT } } },
} as const;

interface LoadedVariant extends Omit<VariantRecord, "rowNumber" | "editions"> {
  editions: { edition: VariantRecord["editions"][number] & { position: number } }[];
}

export function toVariantRecord(variant: LoadedVariant, rowNumber: number): VariantRecord {
  const editions = variant.editions.map(({ edition }) => edition).sort((a, b) => a.position - b.position);
  return {
    id: variant.id,
    rowId: variant.rowId,
    rowNumber,
    category: variant.category,
    status: variant.status,
    note: variant.note,
    author: variant.author,
    editions: editions.map((edition) => ({
      id: edition.id,
      slug: edition.slug,
      language: edition.language,
      title: edition.title,
      provenance: edition.provenance,
      isOriginal: edition.isOriginal,
      standsInForOriginal: edition.standsInForOriginal,
    })),
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
  };
}
