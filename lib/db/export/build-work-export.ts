/**
 * Reads a whole work from the database as the exporters' neutral input (lib/formats WorkExport): every edition
 * (earlier witnesses included, with the edition that superseded them) with metadata, provenance, apparatus,
 * corrections and segments — a segment's id is its xml id when it has one, so ids given by a TEI source or a
 * previous export stay stable — the grid in order, and the variant register.
 */
import type { WorkExport } from "../../formats";
import type { EditionMeta } from "../../text/edition-document";
import type { TextNormalisation } from "../../text/normalise-document";
import type { Db } from "../client";
import { NotFoundError } from "../errors";
import type { Edition, Work } from "../generated/client";
import type { Provenance } from "../generated/enums";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const PROVENANCE: Record<Provenance, EditionMeta["provenance"]> = {
  published: "published",
  working_translation: "working-translation",
  imported: "imported",
};

/** An edition's metadata as every export writes it. */
export function editionMeta(work: Work, edition: Edition): EditionMeta {
  return {
    work: work.slug,
    workTitle: work.title,
    author: work.author,
    edition: edition.slug,
    language: edition.language,
    title: edition.title,
    translator: edition.translator,
    publisher: edition.publisher,
    place: edition.place,
    year: edition.year,
    original: edition.isOriginal,
    provenance: PROVENANCE[edition.provenance],
    source: edition.source,
    standsInForOriginal: edition.standsInForOriginal,
    editor: edition.editor,
    basedOn: edition.basedOn,
    translatedFrom: edition.translatedFrom,
    made: edition.made,
    titleOurs: edition.titleOurs,
    departures: edition.departures,
  };
}

/** What storing the edition's text in Unicode NFC changed at its import, as the edition records it; null when nothing. */
export function normalisationOf(edition: Pick<Edition, "normalisedTo" | "normalisedLetters" | "normalisedSegments">): TextNormalisation | null {
  if (edition.normalisedTo !== "NFC" || edition.normalisedLetters == null) return null;
  return { form: "NFC", letters: edition.normalisedLetters, segments: edition.normalisedSegments ?? 0 };
}

export async function buildWorkExport(access: ReadAccess, db: Db | Tx, workSlug: string): Promise<WorkExport> {
  assertReadAccess(access);
  const work = await db.work.findUnique({ where: { slug: workSlug } });
  if (!work) throw new NotFoundError(`No work “${workSlug}”.`);
  const [editions, segments, rows, variants, linkSets] = await Promise.all([
    db.edition.findMany({
      where: { workId: work.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      include: {
        importedBy: { select: { name: true } },
        apparatus: { orderBy: { position: "asc" } },
        corrections: { orderBy: { position: "asc" } },
      },
    }),
    db.segment.findMany({
      where: { workId: work.id },
      orderBy: [{ editionId: "asc" }, { position: "asc" }],
      select: { id: true, editionId: true, rowId: true, paragraph: true, kind: true, headingLevel: true, text: true, xmlId: true },
    }),
    db.alignmentRow.findMany({ where: { workId: work.id }, orderBy: { position: "asc" }, select: { id: true, position: true, status: true, confidence: true } }),
    db.variant.findMany({
      where: { workId: work.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { author: { select: { name: true } }, editions: { select: { editionId: true } } },
    }),
    db.wordLinkSet.findMany({ where: { workId: work.id }, orderBy: [{ segmentAId: "asc" }, { segmentBId: "asc" }] }),
  ]);
  const slugOf = new Map(editions.map((edition) => [edition.id, edition.slug]));
  const exportId = (segment: { id: string; xmlId: string | null }) => segment.xmlId ?? segment.id;
  const exportIdOf = new Map(segments.map((segment) => [segment.id, exportId(segment)]));

  const segmentsOf = new Map<string, typeof segments>();
  const cells = new Map<string, Record<string, string[]>>(rows.map((row) => [row.id, {}]));
  for (const segment of segments) {
    const list = segmentsOf.get(segment.editionId) ?? [];
    list.push(segment);
    segmentsOf.set(segment.editionId, list);
    if (segment.rowId != null) {
      const row = cells.get(segment.rowId)!;
      (row[slugOf.get(segment.editionId)!] ??= []).push(exportId(segment));
    }
  }

  return {
    work: { slug: work.slug, title: work.title, author: work.author, pivotEdition: work.pivotEditionId ? (slugOf.get(work.pivotEditionId) ?? null) : null },
    editions: editions.map((edition) => ({
      slug: edition.slug,
      meta: editionMeta(work, edition),
      segments: (segmentsOf.get(edition.id) ?? []).map((segment) => ({
        id: exportId(segment),
        blockIndex: segment.paragraph,
        kind: segment.kind,
        headingLevel: segment.headingLevel,
        text: segment.text,
      })),
      apparatus: edition.apparatus.map((block) => ({ kind: block.kind, headingLevel: block.headingLevel, label: block.label, text: block.text })),
      corrections: edition.corrections.map((correction) => ({
        line: correction.sourceLine,
        kind: correction.kind,
        before: correction.before,
        after: correction.after,
        reason: correction.reason,
      })),
      supersededBy: edition.supersededById ? (slugOf.get(edition.supersededById) ?? null) : null,
      importedBy: edition.importedBy?.name ?? null,
      importedAt: edition.importedAt.toISOString(),
      sourceFile: edition.sourceFile,
      normalisation: normalisationOf(edition),
    })),
    rows: rows.map((row) => ({ id: row.id, position: row.position, status: row.status, confidence: row.confidence, cells: cells.get(row.id)! })),
    variants: variants.map((variant) => ({
      id: variant.id,
      rowId: variant.rowId,
      editionSlugs: editions.filter((edition) => variant.editions.some((e) => e.editionId === edition.id)).map((edition) => edition.slug),
      category: variant.category,
      note: variant.note,
      status: variant.status,
      author: variant.author?.name ?? null,
      createdAt: variant.createdAt.toISOString(),
    })),
    wordLinks: linkSets.map((set) => ({
      editionA: slugOf.get(set.editionAId)!,
      editionB: slugOf.get(set.editionBId)!,
      a: exportIdOf.get(set.segmentAId)!,
      b: exportIdOf.get(set.segmentBId)!,
      status: set.status,
      links: set.aTokens.map((token, k) => `${token}-${set.bTokens[k]}`).join(" "),
      p: set.probabilities.map((p) => Math.round(p * 1000) / 1000),
      dropped: set.dropped,
    })),
  };
}

/** The slugs of the work's current editions (earlier witnesses left out), in display order: the exports' default choice. */
export function currentEditionSlugs(work: WorkExport): string[] {
  return work.editions.filter((edition) => edition.supersededBy == null).map((edition) => edition.slug);
}
