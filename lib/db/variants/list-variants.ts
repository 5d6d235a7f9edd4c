/** The variants of a work matching the register's filters, in reading order of their rows. */
import type { VariantFilter } from "../../variants/variant-schemas";
import type { Db } from "../client";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";
import { findWorkBySlug } from "./find-work";
import { rowIdOfNumber, rowNumbers } from "./row-numbers";
import { toVariantRecord, VARIANT_INCLUDE } from "./to-record";
import type { VariantRecord } from "./types";

export interface ListVariantsOptions {
  workSlug: string;
  filter?: VariantFilter;
}

/** Ids of the work's variants whose note contains `query`, ignoring case, accents and script (hexapla_search_fold). */
async function noteMatches(db: Db, workId: string, query: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM variant
    WHERE work_id = ${workId}::uuid
      AND hexapla_search_fold(note) LIKE '%' || replace(replace(replace(hexapla_search_fold(${query}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
  return rows.map((row) => row.id);
}

export async function listVariants(access: ReadAccess, db: Db, options: ListVariantsOptions): Promise<VariantRecord[]> {
  assertReadAccess(access);
  const work = await findWorkBySlug(db, options.workSlug);
  const filter = options.filter ?? {};
  const ids = filter.q ? await noteMatches(db, work.id, filter.q) : undefined;
  const rowId = filter.row ? await rowIdOfNumber(db, work.id, filter.row) : undefined;
  if (rowId === null) return [];
  const variants = await db.variant.findMany({
    where: {
      workId: work.id,
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.author ? { authorId: filter.author } : {}),
      ...(filter.edition ? { editions: { some: { edition: { slug: filter.edition, workId: work.id } } } } : {}),
      ...(ids ? { id: { in: ids } } : {}),
      ...(rowId ? { rowId } : {}),
    },
    include: VARIANT_INCLUDE,
    orderBy: { createdAt: "asc" },
  });
  const numbers = await rowNumbers(db, work.id, [...new Set(variants.map((variant) => variant.rowId))]);
  return variants
    .map((variant) => toVariantRecord(variant, numbers.get(variant.rowId) ?? 0))
    .sort((a, b) => a.rowNumber - b.rowNumber || a.createdAt.getTime() - b.createdAt.getTime());
}
