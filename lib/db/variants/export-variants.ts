/**
 * What the CSV and JSON exports of the variant register need: the work and its editions, then the filtered
 * variants a page at a time (in the register's order: reading order of their rows, then oldest first) with the
 * texts of their rows, read as the file is written.
 */
import type { VariantPage, VariantRegisterHead } from "../../variants/variant-export";
import type { VariantFilter } from "../../variants/variant-schemas";
import type { Db } from "../client";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";
import { findWorkBySlug } from "./find-work";
import { pageVariants } from "./list-variants";

/** Variants read per page. */
export const VARIANT_EXPORT_PAGE = 500;

export async function variantRegisterHead(access: ReadAccess, db: Db, workSlug: string): Promise<VariantRegisterHead & { workId: string }> {
  assertReadAccess(access);
  const work = await findWorkBySlug(db, workSlug);
  const editions = await db.edition.findMany({
    where: { workId: work.id },
    orderBy: { position: "asc" },
    select: { id: true, slug: true, language: true, title: true, provenance: true, isOriginal: true, standsInForOriginal: true },
  });
  return { workId: work.id, work: { slug: work.slug, title: work.title }, editions, exportedAt: new Date() };
}

export async function* variantPages(access: ReadAccess, db: Db, workSlug: string, workId: string, filter: VariantFilter = {}, limit = VARIANT_EXPORT_PAGE): AsyncGenerator<VariantPage> {
  for (let offset: number | null = 0; offset !== null; ) {
    const page: Awaited<ReturnType<typeof pageVariants>> = await pageVariants(access, db, { workSlug, filter, limit, offset });
    const segments = await db.segment.findMany({
      where: { workId, rowId: { in: [...new Set(page.variants.map((variant) => variant.rowId))] } },
      orderBy: { position: "asc" },
      select: { rowId: true, editionId: true, text: true },
    });
    const rowTexts = new Map<string, Record<string, string>>();
    for (const segment of segments) {
      const texts = rowTexts.get(segment.rowId!) ?? {};
      texts[segment.editionId] = texts[segment.editionId] ? `${texts[segment.editionId]} ${segment.text}` : segment.text;
      rowTexts.set(segment.rowId!, texts);
    }
    yield { variants: page.variants, rowTexts };
    offset = page.next;
  }
}
