/** Everything the CSV and JSON exports of the variant register need: the filtered variants and their rows' texts. */
import type { VariantExport } from "../../variants/variant-export";
import type { VariantFilter } from "../../variants/variant-schemas";
import type { Db } from "../client";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";
import { findWorkBySlug } from "./find-work";
import { listVariants } from "./list-variants";

export async function exportVariants(access: ReadAccess, db: Db, workSlug: string, filter: VariantFilter = {}): Promise<VariantExport> {
  assertReadAccess(access);
  const work = await findWorkBySlug(db, workSlug);
  const [variants, editions] = await Promise.all([
    listVariants(access, db, { workSlug, filter }),
    db.edition.findMany({
      where: { workId: work.id },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, language: true, title: true, provenance: true, isOriginal: true, standsInForOriginal: true },
    }),
  ]);
  const segments = await db.segment.findMany({
    where: { workId: work.id, rowId: { in: [...new Set(variants.map((variant) => variant.rowId))] } },
    orderBy: { position: "asc" },
    select: { rowId: true, editionId: true, text: true },
  });
  const rowTexts = new Map<string, Record<string, string>>();
  for (const segment of segments) {
    const texts = rowTexts.get(segment.rowId!) ?? {};
    texts[segment.editionId] = texts[segment.editionId] ? `${texts[segment.editionId]} ${segment.text}` : segment.text;
    rowTexts.set(segment.rowId!, texts);
  }
  return { work: { slug: work.slug, title: work.title }, editions, variants, rowTexts, exportedAt: new Date() };
}
