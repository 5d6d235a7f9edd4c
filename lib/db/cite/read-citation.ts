/**
 * Gathers a cited passage from the database: the rows asked for (by their number today), the chosen editions'
 * sentences and paragraph numbers, and the segments the stable link is keyed by (lib/cite/passage-link.ts); and
 * resolves such a link back to the rows that hold its segments today.
 */
import { z } from "zod";
import type { Citation, CitedEdition } from "../../cite/citation";
import { passagePath } from "../../cite/passage-link";
import { parseEditionSelection } from "../../compare/edition-selection";
import { stripNoteRefs } from "../../text/note-refs";
import type { Db } from "../client";
import { DomainError } from "../errors";
import { countRows, paragraphNumbers, rowNumberOfSegment, rowsByNumber, type RowRange } from "../passages/passage-rows";
import type { ReadAccess } from "../users/reading-access";
import { getWork, type WorkWithEditions } from "../works/get-work";

/** Rows one citation may span at most. */
export const MAX_CITED_ROWS = 50;

/** `rows=12` or `rows=12-14`; `editions=en,ru` (the compare view's choice; default: the first five). */
export const CiteQuerySchema = z.strictObject({
  rows: z
    .string()
    .regex(/^\d{1,7}(-\d{1,7})?$/, "rows: a row number or a range such as 12-14")
    .describe("a row number or a range of row numbers as the compare view numbers them today, e.g. 12 or 12-14")
    .transform((value, context): RowRange => {
      const [from, to = from] = value.split("-").map(Number);
      if (from < 1 || to < from) context.addIssue({ code: "custom", message: "rows: the range must run from a row number to the same or a later one" });
      else if (to - from + 1 > MAX_CITED_ROWS) context.addIssue({ code: "custom", message: `rows: cite at most ${MAX_CITED_ROWS} rows at once` });
      return { from, to };
    }),
  editions: z.string().optional().describe("the editions to quote, in order, e.g. en,ru (2 to 5; default: the first five)"),
});
export type CiteQuery = z.infer<typeof CiteQuerySchema>;

type AnyEdition = WorkWithEditions["editions"][number];

function citedEdition(edition: AnyEdition, witness: boolean): CitedEdition {
  return {
    slug: edition.slug,
    title: edition.title,
    language: edition.language,
    provenance: edition.provenance,
    isOriginal: edition.isOriginal,
    standsInForOriginal: edition.standsInForOriginal,
    editor: edition.editor,
    translator: edition.translator,
    publisher: edition.publisher,
    place: edition.place,
    year: edition.year,
    translatedFrom: edition.translatedFrom,
    made: edition.made,
    witness,
  };
}

/** The work's editions chosen by the `editions` parameter (current editions and earlier witnesses), in its order. */
export function chosenEditions(work: WorkWithEditions, param: string | undefined): { edition: AnyEdition; witness: boolean }[] {
  const choosable = [...work.editions.map((edition) => ({ edition, witness: false })), ...work.earlierWitnesses.map((edition) => ({ edition, witness: true }))];
  const selection = parseEditionSelection(
    param,
    work.editions.map((edition) => edition.slug),
    work.earlierWitnesses.map((edition) => edition.slug),
  );
  if (param !== undefined && selection.error) throw new DomainError("invalid", `editions: ${selection.error}.`);
  return selection.slugs.map((slug) => choosable.find(({ edition }) => edition.slug === slug)!);
}

export async function readCitation(access: ReadAccess, db: Db, slug: string, query: CiteQuery, origin: string, today = new Date()): Promise<Citation> {
  const work = await getWork(access, slug, db);
  const chosen = chosenEditions(work, query.editions);
  const rowCount = await countRows(db, work.id);
  if (query.rows.to > rowCount) throw new DomainError("not_found", `The work has ${rowCount} row${rowCount === 1 ? "" : "s"}; there is no row ${query.rows.to}.`);
  const editionIds = chosen.map(({ edition }) => edition.id);
  const anchorIds = work.pivotEditionId && !editionIds.includes(work.pivotEditionId) ? [work.pivotEditionId, ...editionIds] : editionIds;
  const [rows, paragraphs] = await Promise.all([rowsByNumber(db, work.id, anchorIds, query.rows), paragraphNumbers(db, editionIds)]);
  const anchorOf = (row: (typeof rows)[number], end: "first" | "last") => {
    for (const id of [work.pivotEditionId, ...editionIds]) {
      const segments = id ? row.cells[id] : undefined;
      if (segments?.length) return (end === "first" ? segments[0] : segments[segments.length - 1]).id;
    }
    return null;
  };
  const from = anchorOf(rows[0], "first");
  const to = query.rows.to > query.rows.from ? anchorOf(rows[rows.length - 1], "last") : null;
  if (!from) throw new DomainError("invalid", `Row ${query.rows.from} has no text in any edition to cite.`);
  const path = passagePath(work.slug, { from, to }, chosen.map(({ edition }) => edition.slug));
  return {
    work: { slug: work.slug, title: work.title, author: work.author },
    rows: query.rows,
    link: new URL(path, origin).toString(),
    accessed: today.toISOString().slice(0, 10),
    cells: chosen.map(({ edition, witness }) => {
      const segments = rows.flatMap((row) => row.cells[edition.id] ?? []);
      const numbers = paragraphs.get(edition.id)!;
      return {
        edition: citedEdition(edition, witness),
        sentences: segments.map((segment) => stripNoteRefs(segment.text).trim()),
        paragraphs: segments.flatMap((segment) => (numbers.has(segment.paragraph) ? [numbers.get(segment.paragraph)!] : [])),
      };
    }),
  };
}

/** The rows that hold a passage link's segments today; not found when its first segment is no longer in the grid. */
export async function resolvePassage(access: ReadAccess, db: Db, slug: string, segments: { from: string; to?: string }): Promise<RowRange> {
  const work = await getWork(access, slug, db);
  const from = await rowNumberOfSegment(db, work.id, segments.from);
  if (from === null) throw new DomainError("not_found", "This passage is no longer in the work's alignment: its text was removed or replaced.");
  const to = segments.to ? await rowNumberOfSegment(db, work.id, segments.to) : null;
  return { from, to: to !== null && to >= from ? to : from };
}
