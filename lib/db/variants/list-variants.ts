/** The variants of a work matching the register's filters, in reading order of their rows. */
import type { VariantFilter } from "../../variants/variant-schemas";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
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

/** The where clause of the filter, or null when it names a row the work does not have (nothing matches). */
async function variantWhere(db: Db, workId: string, filter: VariantFilter): Promise<Prisma.VariantWhereInput | null> {
  const ids = filter.q ? await noteMatches(db, workId, filter.q) : undefined;
  const rowId = filter.row ? await rowIdOfNumber(db, workId, filter.row) : undefined;
  if (rowId === null) return null;
  return {
    workId,
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.author ? { authorId: filter.author } : {}),
    ...(filter.edition ? { editions: { some: { edition: { slug: filter.edition, workId } } } } : {}),
    ...(ids ? { id: { in: ids } } : {}),
    ...(rowId ? { rowId } : {}),
  };
}

export async function listVariants(access: ReadAccess, db: Db, options: ListVariantsOptions): Promise<VariantRecord[]> {
  assertReadAccess(access);
  const work = await findWorkBySlug(db, options.workSlug);
  const where = await variantWhere(db, work.id, options.filter ?? {});
  if (where === null) return [];
  const variants = await db.variant.findMany({ where, include: VARIANT_INCLUDE, orderBy: { createdAt: "asc" } });
  const numbers = await rowNumbers(db, work.id, [...new Set(variants.map((variant) => variant.rowId))]);
  return variants
    .map((variant) => toVariantRecord(variant, numbers.get(variant.rowId) ?? 0))
    .sort((a, b) => a.rowNumber - b.rowNumber || a.createdAt.getTime() - b.createdAt.getTime());
}

/** A page of the register in the same order (reading order of the rows, then oldest first): `offset` is where it starts; `next`, where the next one does (null on the last). */
export async function pageVariants(
  access: ReadAccess,
  db: Db,
  options: ListVariantsOptions & { limit: number; offset: number },
): Promise<{ variants: VariantRecord[]; next: number | null }> {
  assertReadAccess(access);
  const work = await findWorkBySlug(db, options.workSlug);
  const where = await variantWhere(db, work.id, options.filter ?? {});
  if (where === null) return { variants: [], next: null };
  const variants = await db.variant.findMany({
    where,
    include: VARIANT_INCLUDE,
    orderBy: [{ row: { position: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    skip: options.offset,
    take: options.limit + 1,
  });
  const shown = variants.slice(0, options.limit);
  const numbers = await rowNumbers(db, work.id, [...new Set(shown.map((variant) => variant.rowId))]);
  return {
    variants: shown.map((variant) => toVariantRecord(variant, numbers.get(variant.rowId) ?? 0)),
    next: variants.length > options.limit ? options.offset + options.limit : null,
  };
}
