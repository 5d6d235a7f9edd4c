/** One edition's segments in reading order, a page at a time (keyset paging on the segment's position). */
import type { Db } from "../client";
import { NotFoundError } from "../errors";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";

export interface SegmentPage {
  work: string;
  edition: string;
  segments: {
    id: string;
    xmlId: string | null;
    position: number;
    paragraph: number;
    kind: string;
    headingLevel: number | null;
    text: string;
    rowId: string | null;
    version: number;
  }[];
  /** The position to continue after, or null on the last page. */
  next: number | null;
}

export async function pageSegments(access: ReadAccess, db: Db, workSlug: string, editionSlug: string, page: { limit: number; after?: number }): Promise<SegmentPage> {
  assertReadAccess(access);
  const edition = await db.edition.findFirst({ where: { slug: editionSlug, work: { slug: workSlug } }, select: { id: true } });
  if (!edition) throw new NotFoundError(`No edition “${editionSlug}” in “${workSlug}”.`);
  const segments = await db.segment.findMany({
    where: { editionId: edition.id, ...(page.after !== undefined ? { position: { gt: page.after } } : {}) },
    orderBy: { position: "asc" },
    take: page.limit + 1,
    select: { id: true, xmlId: true, position: true, paragraph: true, kind: true, headingLevel: true, text: true, rowId: true, version: true },
  });
  const more = segments.length > page.limit;
  const shown = more ? segments.slice(0, page.limit) : segments;
  return { work: workSlug, edition: editionSlug, segments: shown, next: more ? shown.at(-1)!.position : null };
}
