/**
 * Word links of a range of rows for an HTTP client: the compare view's word highlighting and scripts. For each row,
 * each chosen edition's words (per segment, start and end offsets in the segment's text) and each pair's links as
 * `i-j` over the cells' words (i in the first edition of the pair as given, j in the second) with probabilities.
 */
import { cachedSegmentWords } from "../../compare/cached-words";
import type { Db } from "../client";
import { DomainError } from "../errors";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";
import { getRowCells } from "../search/get-row-cells";
import { getRowLinks } from "./get-row-links";

export const MAX_LINK_ROWS = 500;

export interface WordLinkRows {
  editions: { slug: string; language: string }[];
  rows: {
    id: string;
    number: number;
    /** Per edition, its segments in the cell: id, length of the text, and words as start and end offsets in it. */
    cells: Record<string, { segment: string; length: number; words: number[] }[]>;
    pairs: { a: string; b: string; links: string; p: number[]; status: string | null; dropped: number }[];
  }[];
}

export async function readWordLinks(access: ReadAccess, db: Db, workSlug: string, query: { editions?: string[]; from: number; to: number }): Promise<WordLinkRows> {
  assertReadAccess(access);
  const work = await db.work.findUnique({
    where: { slug: workSlug },
    select: { id: true, editions: { where: { supersededById: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, language: true } } },
  });
  if (!work) throw new DomainError("not_found", `No work “${workSlug}”.`);
  const unknown = (query.editions ?? []).filter((slug) => !work.editions.some((edition) => edition.slug === slug));
  if (unknown.length > 0) throw new DomainError("invalid", `No current edition ${unknown.join(", ")} in this work.`);
  const editions = query.editions ? query.editions.map((slug) => work.editions.find((edition) => edition.slug === slug)!) : work.editions;
  if (query.to < query.from || query.to - query.from + 1 > MAX_LINK_ROWS) throw new DomainError("invalid", `Ask for 1 to ${MAX_LINK_ROWS} rows (from ≤ to).`);
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM alignment_row WHERE work_id = ${work.id}::uuid ORDER BY position OFFSET ${query.from - 1} LIMIT ${query.to - query.from + 1}`;
  const rows = await getRowCells(db, work.id, ids.map((row) => row.id), editions.map((edition) => edition.id));
  const links = await getRowLinks(db, rows, editions);
  const slugOf = new Map(editions.map((edition) => [edition.id, edition.slug]));
  const order = new Map(editions.map((edition, index) => [edition.id, index]));
  return {
    editions: editions.map(({ slug, language }) => ({ slug, language })),
    rows: rows.map((row) => ({
      id: row.id,
      number: row.number,
      cells: Object.fromEntries(
        editions.map((edition) => [
          edition.slug,
          (row.cells[edition.id] ?? []).map((segment) => ({ segment: segment.id, length: segment.text.length, words: cachedSegmentWords(segment.text, edition.language).flatMap((word) => [word.start, word.end]) })),
        ]),
      ),
      pairs: (links.get(row.id) ?? []).map((pair) => {
        const swap = order.get(pair.a)! > order.get(pair.b)!;
        const list = pair.links.map((link) => (swap ? { x: link.b, y: link.a, p: link.p } : { x: link.a, y: link.b, p: link.p })).sort((l, m) => l.x - m.x || l.y - m.y);
        return {
          a: slugOf.get(swap ? pair.b : pair.a)!,
          b: slugOf.get(swap ? pair.a : pair.b)!,
          links: list.map((link) => `${link.x}-${link.y}`).join(" "),
          p: list.map((link) => link.p),
          status: pair.status,
          dropped: pair.dropped,
        };
      }),
    })),
  };
}
