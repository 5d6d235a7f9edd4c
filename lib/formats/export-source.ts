/**
 * What the streamed exporters (paged-exports.ts) read: a work's heading and editions, then its segments, rows,
 * variants and word links as async iterables, so that the data layer can read them a page at a time while the file
 * is written (lib/db/export/paged-source.ts) and memory stays bounded by the page, not the work. `memorySource`
 * serves a WorkExport held in memory the same way (tests, and the whole-load baseline of the export benchmark).
 */
import type { ApparatusBlockExport, CorrectionExport, EditionExport, RowExport, SegmentExport, VariantExport, WordLinkSetExport, WorkExport } from "./work-export";

/** An edition without its text: what every export names it by. */
export type EditionHead = Omit<EditionExport, "segments" | "apparatus" | "corrections">;

export interface SourceRow {
  /** The row; `cells` holds the ids of the asked editions' segments (in the work JSON's order: by edition id). */
  row: RowExport;
  /** The asked editions' segments in the row, in reading order (slug → segments; absent: none). */
  segments: Record<string, SegmentExport[]>;
  /** The variants recorded on the row, oldest first (when asked for). */
  variants: VariantExport[];
}

export interface ExportSource {
  work: WorkExport["work"];
  /** Every edition, in the work's order. */
  editions: EditionHead[];
  /** One edition's segments in reading order. */
  segments(editionSlug: string): AsyncIterable<SegmentExport>;
  /** An edition's apparatus and corrections; undefined where a WorkExport read from a file has none listed. */
  apparatus(editionSlug: string): Promise<ApparatusBlockExport[] | undefined>;
  corrections(editionSlug: string): Promise<CorrectionExport[] | undefined>;
  /**
   * The grid in order, with the segments of `editions` (all when omitted) and, when asked, each row's variants;
   * `texts: false` when only the cells' ids are written (`segments` may then be left empty).
   */
  rows(options: { editions?: readonly string[]; variants?: boolean; texts?: boolean }): AsyncIterable<SourceRow>;
  /** The register, oldest first, each with its row's position (null when the row is unknown). */
  variants(): AsyncIterable<VariantExport & { rowPosition: number | null }>;
  /** The editions any variant names. */
  variantEditions(): Promise<Set<string>>;
  /** Word-link sets (between `editions` only, when given), in the work JSON's order. */
  wordLinks(editions?: readonly string[]): AsyncIterable<WordLinkSetExport>;
  hasWordLinks(editionSlug: string): Promise<boolean>;
  /** False for a WorkExport without a list of word links (made before word alignment): its work JSON has none either. */
  listsWordLinks?: boolean;
}

/** A WorkExport held in memory, served as an ExportSource. */
export function memorySource(work: WorkExport): ExportSource {
  const bySlug = new Map(work.editions.map((edition) => [edition.slug, edition]));
  const edition = (slug: string) => {
    const found = bySlug.get(slug);
    if (!found) throw new Error(`work ${work.work.slug} has no edition “${slug}”`);
    return found;
  };
  const segmentsById = new Map(work.editions.map((e) => [e.slug, new Map(e.segments.map((segment) => [segment.id, segment]))]));
  const positions = new Map(work.rows.map((row) => [row.id, row.position]));
  return {
    work: work.work,
    editions: work.editions.map((e) => ({
      slug: e.slug,
      meta: e.meta,
      supersededBy: e.supersededBy,
      importedBy: e.importedBy,
      importedAt: e.importedAt,
      sourceFile: e.sourceFile,
      normalisation: e.normalisation,
    })),
    async *segments(slug) {
      yield* edition(slug).segments;
    },
    apparatus: async (slug) => edition(slug).apparatus,
    corrections: async (slug) => edition(slug).corrections,
    listsWordLinks: work.wordLinks !== undefined,
    async *rows({ editions, variants }) {
      const asked = new Set(editions ?? work.editions.map((e) => e.slug));
      for (const row of [...work.rows].sort((a, b) => a.position - b.position)) {
        const cells = Object.fromEntries(Object.entries(row.cells).filter(([slug]) => asked.has(slug)));
        const segments = Object.fromEntries(
          Object.entries(cells).map(([slug, ids]) => [
            slug,
            ids.map((id) => {
              const segment = segmentsById.get(slug)?.get(id);
              if (!segment) throw new Error(`row ${row.id} points at segment ${id}, which edition ${slug} does not have`);
              return segment;
            }),
          ]),
        );
        yield { row: { ...row, cells }, segments, variants: variants ? work.variants.filter((variant) => variant.rowId === row.id) : [] };
      }
    },
    async *variants() {
      for (const variant of work.variants) yield { ...variant, rowPosition: positions.get(variant.rowId) ?? null };
    },
    variantEditions: async () => new Set(work.variants.flatMap((variant) => variant.editionSlugs)),
    async *wordLinks(editions) {
      const chosen = editions ? new Set(editions) : null;
      for (const set of work.wordLinks ?? []) if (!chosen || (chosen.has(set.editionA) && chosen.has(set.editionB))) yield set;
    },
    hasWordLinks: async (slug) => (work.wordLinks ?? []).some((set) => set.editionA === slug || set.editionB === slug),
  };
}
