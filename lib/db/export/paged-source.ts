/**
 * A work read for export a page at a time (keyset paging on positions and ids), as the streamed exporters'
 * ExportSource: what each page holds is mapped exactly as build-work-export.ts maps the whole work, so both give
 * the same file. Read it inside one REPEATABLE READ transaction (`readInSnapshot`) so that every page sees the same
 * state of the work, however long the export takes. Related records are read by queries of their own, never with
 * Prisma's `include`, which sends its queries at once — on a transaction's one connection, on top of each other.
 */
import type { ExportSource, SourceRow } from "../../formats/export-source";
import type { SegmentExport, VariantExport, WordLinkSetExport } from "../../formats/work-export";
import { NotFoundError } from "../errors";
import type { Tx } from "../grid/types";
import { editionMeta, normalisationOf } from "./build-work-export";
import { gridSegmentPage, rowPage, segmentPage, type SegmentRecord } from "./segment-pages";

/**
 * Rows, each edition's segments along them, variants or word-link sets read per query; an edition's segments alone
 * are read four times as many at a time. Pages this size keep memory to a few megabytes while keeping the queries
 * few (each is a round trip: with pages of 500 the whole-work JSON of 10,000 rows took twice as long as reading the
 * work whole).
 */
export const EXPORT_PAGE = 1000;

export interface PagedSourceOptions {
  /** Rows per page (default EXPORT_PAGE). */
  page?: number;
  /** Told how many records (rows, segments, variants, link sets) each page read: for progress. */
  onRead?: (records: number) => void;
}

const exportId = (segment: { id: string; xmlId: string | null }) => segment.xmlId ?? segment.id;
const toSegment = (segment: { id: string; xmlId: string | null; paragraph: number; kind: SegmentExport["kind"]; headingLevel: number | null; text: string }): SegmentExport => ({
  id: exportId(segment),
  blockIndex: segment.paragraph,
  kind: segment.kind,
  headingLevel: segment.headingLevel,
  text: segment.text,
});

/** An aligned segment as the grid is read: its row and position, its id in the export, and the segment when texts are read. */
interface GridItem {
  rowId: string;
  position: number;
  id: string;
  segment: SegmentExport | null;
}

/**
 * One edition's aligned segments in reading order, a page at a time, with the row of each: the grid is read by
 * merging these cursors along the rows (for every edition, the rows in order hold its segments in order:
 * checkGridInvariant). Each is an index range, where a page of rows' segments looked up by row id cost a scan of the
 * work's segments per page. Without texts only ids, rows and positions are read (gridSegmentPage).
 */
function gridCursor(tx: Tx, editionId: string, take: number, texts: boolean, read: (records: number) => void) {
  const readPage = async (after: number | undefined): Promise<GridItem[]> =>
    texts
      ? (await segmentPage(tx, editionId, { after, take, texts: true, aligned: true })).map((segment) => ({ rowId: segment.rowId!, position: segment.position, id: exportId(segment), segment: toSegment(segment) }))
      : (await gridSegmentPage(tx, editionId, { after, take })).map((segment) => ({ rowId: segment.rowId, position: segment.position, id: segment.exportId, segment: null }));
  let buffer: GridItem[] = [];
  let index = 0;
  let after: number | undefined;
  let done = false;
  return {
    /** The next segment, or null after the last. */
    async peek(): Promise<GridItem | null> {
      while (index >= buffer.length) {
        if (done) return null;
        buffer = await readPage(after);
        index = 0;
        read(buffer.length);
        done = buffer.length < take;
        if (buffer.length > 0) after = buffer.at(-1)!.position;
      }
      return buffer[index];
    },
    /** Moves past the segment `peek` gave. */
    skip() {
      index += 1;
    },
  };
}

/** A grid whose rows do not hold an edition's segments in reading order: never written, whatever the file would say. */
const outOfOrder = (work: string, edition: string) =>
  new Error(`The grid of ${work} does not hold the segments of ${edition} in reading order (checkGridInvariant); the export stops rather than write it.`);

/** Users' display names by id. */
async function userNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id != null))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** The work (by slug) as an ExportSource reading `tx` a page at a time. */
export async function pagedSource(tx: Tx, workSlug: string, options: PagedSourceOptions = {}): Promise<ExportSource> {
  const page = options.page ?? EXPORT_PAGE;
  const read = options.onRead ?? (() => undefined);
  const work = await tx.work.findUnique({ where: { slug: workSlug } });
  if (!work) throw new NotFoundError(`No work “${workSlug}”.`);
  const editions = await tx.edition.findMany({ where: { workId: work.id }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const names = await userNames(tx, editions.map((edition) => edition.importedById));
  const slugOf = new Map(editions.map((edition) => [edition.id, edition.slug]));
  const idOf = (slug: string) => {
    const edition = editions.find((e) => e.slug === slug);
    if (!edition) throw new Error(`work ${work.slug} has no edition “${slug}”`);
    return edition.id;
  };
  /** Variants as the export writes them, each with its row's position. */
  const variantsOf = async (variants: { id: string; rowId: string; category: VariantExport["category"]; note: string; status: VariantExport["status"]; authorId: string | null; createdAt: Date }[]) => {
    if (variants.length === 0) return [];
    const ids = variants.map((variant) => variant.id);
    const links = await tx.variantEdition.findMany({ where: { variantId: { in: ids } }, select: { variantId: true, editionId: true } });
    const authors = await userNames(tx, variants.map((variant) => variant.authorId));
    const rows = await tx.alignmentRow.findMany({ where: { id: { in: [...new Set(variants.map((variant) => variant.rowId))] } }, select: { id: true, position: true } });
    const positions = new Map(rows.map((row) => [row.id, row.position]));
    return variants.map((variant) => {
      const named = new Set(links.filter((link) => link.variantId === variant.id).map((link) => link.editionId));
      const exported: VariantExport = {
        id: variant.id,
        rowId: variant.rowId,
        editionSlugs: editions.filter((edition) => named.has(edition.id)).map((edition) => edition.slug),
        category: variant.category,
        note: variant.note,
        status: variant.status,
        author: variant.authorId ? (authors.get(variant.authorId) ?? null) : null,
        createdAt: variant.createdAt.toISOString(),
      };
      return { ...exported, rowPosition: positions.get(variant.rowId) ?? null };
    });
  };

  return {
    work: { slug: work.slug, title: work.title, author: work.author, pivotEdition: work.pivotEditionId ? (slugOf.get(work.pivotEditionId) ?? null) : null },
    editions: editions.map((edition) => ({
      slug: edition.slug,
      meta: editionMeta(work, edition),
      supersededBy: edition.supersededById ? (slugOf.get(edition.supersededById) ?? null) : null,
      importedBy: edition.importedById ? (names.get(edition.importedById) ?? null) : null,
      importedAt: edition.importedAt.toISOString(),
      sourceFile: edition.sourceFile,
      normalisation: normalisationOf(edition),
    })),

    /*
     * The next page is asked for before this one is handed out, so PostgreSQL reads it while the file is written:
     * one query in flight at a time, since whoever reads an edition's text asks for nothing else meanwhile; one that
     * stops early waits for it (a transaction's connection takes one query at a time).
     */
    async *segments(slug) {
      const editionId = idOf(slug);
      const take = page * 4;
      const pageAfter = (after: number | undefined) => segmentPage(tx, editionId, { after, take, texts: true, aligned: false });
      let next: Promise<SegmentRecord[]> | null = pageAfter(undefined);
      try {
        while (next) {
          const segments: SegmentRecord[] = await next;
          read(segments.length);
          next = segments.length < take ? null : pageAfter(segments.at(-1)!.position);
          yield* segments.map(toSegment);
        }
      } finally {
        await next?.catch(() => undefined);
      }
    },

    async apparatus(slug) {
      const blocks = await tx.apparatusBlock.findMany({ where: { editionId: idOf(slug) }, orderBy: { position: "asc" } });
      return blocks.map((block) => ({ kind: block.kind, headingLevel: block.headingLevel, label: block.label, text: block.text }));
    },

    async corrections(slug) {
      const corrections = await tx.sourceCorrection.findMany({ where: { editionId: idOf(slug) }, orderBy: { position: "asc" } });
      return corrections.map((c) => ({ line: c.sourceLine, kind: c.kind, before: c.before, after: c.after, reason: c.reason }));
    },

    async *rows({ editions: asked, variants: withVariants, texts }): AsyncGenerator<SourceRow> {
      /* Cells list editions in the order of their ids, as the whole-load export does. */
      const editionIds = (asked ? asked.map(idOf) : editions.map((edition) => edition.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const cursors = editionIds.map((editionId) => gridCursor(tx, editionId, page, texts !== false, read));
      for (let after: number | undefined; ; ) {
        const rows = await rowPage(tx, work.id, { after, take: page });
        if (rows.length === 0) break;
        const ids = rows.map((row) => row.id);
        const variants = withVariants ? await variantsOf(await tx.variant.findMany({ where: { rowId: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })) : [];
        read(rows.length + variants.length);
        const entries: SourceRow[] = rows.map((row) => ({ row: { id: row.id, position: row.position, status: row.status, confidence: row.confidence, cells: {} }, segments: {}, variants: [] }));
        const indexOf = new Map(ids.map((id, index) => [id, index]));
        for (const [k, cursor] of cursors.entries()) {
          const slug = slugOf.get(editionIds[k])!;
          let last = 0;
          for (let next = await cursor.peek(); next && indexOf.has(next.rowId); next = await cursor.peek()) {
            const at = indexOf.get(next.rowId)!;
            if (at < last) throw outOfOrder(work.slug, slug);
            last = at;
            cursor.skip();
            (entries[at].row.cells[slug] ??= []).push(next.id);
            if (next.segment) (entries[at].segments[slug] ??= []).push(next.segment);
          }
        }
        for (const variant of variants) entries[indexOf.get(variant.rowId)!].variants.push(variant);
        yield* entries;
        if (rows.length < page) break;
        after = rows.at(-1)!.position;
      }
      for (const [k, cursor] of cursors.entries()) if (await cursor.peek()) throw outOfOrder(work.slug, slugOf.get(editionIds[k])!);
    },

    async *variants() {
      for (let cursor: string | undefined; ; ) {
        const variants = await tx.variant.findMany({
          where: { workId: work.id },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: page,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        });
        read(variants.length);
        yield* await variantsOf(variants);
        if (variants.length < page) return;
        cursor = variants.at(-1)!.id;
      }
    },

    async variantEditions() {
      const named = await tx.variantEdition.findMany({ where: { variant: { workId: work.id } }, distinct: ["editionId"], select: { editionId: true } });
      return new Set(named.map((entry) => slugOf.get(entry.editionId)!));
    },

    async *wordLinks(asked) {
      const chosen = asked ? asked.map(idOf) : null;
      for (let cursor: { segmentAId: string; segmentBId: string } | undefined; ; ) {
        const sets = await tx.wordLinkSet.findMany({
          where: { workId: work.id, ...(chosen ? { editionAId: { in: chosen }, editionBId: { in: chosen } } : {}) },
          orderBy: [{ segmentAId: "asc" }, { segmentBId: "asc" }],
          take: page,
          ...(cursor ? { cursor: { segmentAId_segmentBId: cursor }, skip: 1 } : {}),
        });
        read(sets.length);
        const segmentIds = [...new Set(sets.flatMap((set) => [set.segmentAId, set.segmentBId]))];
        const xmlIds = new Map((await tx.segment.findMany({ where: { id: { in: segmentIds } }, select: { id: true, xmlId: true } })).map((segment) => [segment.id, segment]));
        for (const set of sets) {
          const exported: WordLinkSetExport = {
            editionA: slugOf.get(set.editionAId)!,
            editionB: slugOf.get(set.editionBId)!,
            a: exportId(xmlIds.get(set.segmentAId)!),
            b: exportId(xmlIds.get(set.segmentBId)!),
            status: set.status,
            links: set.aTokens.map((token, k) => `${token}-${set.bTokens[k]}`).join(" "),
            p: set.probabilities.map((p) => Math.round(p * 1000) / 1000),
            dropped: set.dropped,
          };
          yield exported;
        }
        if (sets.length < page) return;
        cursor = { segmentAId: sets.at(-1)!.segmentAId, segmentBId: sets.at(-1)!.segmentBId };
      }
    },

    async hasWordLinks(slug) {
      const editionId = idOf(slug);
      return (await tx.wordLinkSet.findFirst({ where: { workId: work.id, OR: [{ editionAId: editionId }, { editionBId: editionId }] }, select: { segmentAId: true } })) != null;
    },
  };
}
