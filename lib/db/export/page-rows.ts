/**
 * The grid a page of rows at a time (keyset paging on the row's position): each row with its number, status,
 * confidence and version, the chosen editions' segments, and the variants recorded on it.
 */
import type { Db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";

export interface RowSegment {
  id: string;
  xmlId: string | null;
  kind: string;
  headingLevel: number | null;
  paragraph: number;
  text: string;
}

export interface RowPage {
  work: string;
  gridVersion: number;
  editions: string[];
  rows: {
    id: string;
    /** 1-based number in reading order, as the compare view shows it. */
    number: number;
    position: number;
    status: "automatic" | "confirmed";
    confidence: number | null;
    version: number;
    cells: Record<string, RowSegment[]>;
    variants: { id: string; category: string; status: string; note: string; editions: string[] }[];
  }[];
  next: number | null;
}

export async function pageRows(access: ReadAccess, db: Db, workSlug: string, page: { limit: number; after?: number; editions?: string[] }): Promise<RowPage> {
  assertReadAccess(access);
  const work = await db.work.findUnique({
    where: { slug: workSlug },
    select: { id: true, gridVersion: true, editions: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, slug: true, supersededById: true } } },
  });
  if (!work) throw new NotFoundError(`No work “${workSlug}”.`);
  const unknown = (page.editions ?? []).filter((slug) => !work.editions.some((e) => e.slug === slug));
  if (unknown.length > 0) throw new DomainError("invalid", `The work “${workSlug}” has no edition ${unknown.map((s) => `“${s}”`).join(", ")}.`);
  const chosen = page.editions ? page.editions.map((slug) => work.editions.find((e) => e.slug === slug)!) : work.editions.filter((e) => e.supersededById == null);
  const slugOf = new Map(work.editions.map((e) => [e.id, e.slug]));

  const rows = await db.alignmentRow.findMany({
    where: { workId: work.id, ...(page.after !== undefined ? { position: { gt: page.after } } : {}) },
    orderBy: { position: "asc" },
    take: page.limit + 1,
    select: { id: true, position: true, status: true, confidence: true, version: true },
  });
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const ids = shown.map((row) => row.id);
  const [before, segments, variants] = await Promise.all([
    shown.length ? db.alignmentRow.count({ where: { workId: work.id, position: { lt: shown[0].position } } }) : 0,
    db.segment.findMany({
      where: { rowId: { in: ids }, editionId: { in: chosen.map((e) => e.id) } },
      orderBy: { position: "asc" },
      select: { id: true, xmlId: true, rowId: true, editionId: true, kind: true, headingLevel: true, paragraph: true, text: true },
    }),
    db.variant.findMany({ where: { rowId: { in: ids } }, orderBy: { createdAt: "asc" }, include: { editions: { select: { editionId: true } } } }),
  ]);
  const result = shown.map((row, index) => ({
    ...row,
    number: before + index + 1,
    cells: Object.fromEntries(chosen.map((e) => [e.slug, [] as RowSegment[]])),
    variants: variants
      .filter((variant) => variant.rowId === row.id)
      .map((variant) => ({
        id: variant.id,
        category: variant.category,
        status: variant.status,
        note: variant.note,
        editions: variant.editions.map((e) => slugOf.get(e.editionId)!),
      })),
  }));
  const byId = new Map(result.map((row) => [row.id, row]));
  for (const { rowId, editionId, ...segment } of segments) byId.get(rowId!)!.cells[slugOf.get(editionId)!].push(segment);
  return { work: workSlug, gridVersion: work.gridVersion, editions: chosen.map((e) => e.slug), rows: result, next: more ? shown.at(-1)!.position : null };
}
