/**
 * Writes a single imported edition: added beside the work's editions, or in place of an edition's text. A
 * replacement is a new edition that takes over the slug, display position and (if it was the pivot) the pivot
 * role; the old edition keeps its text, its rows and its variants under a new slug (`fr-superseded`), with
 * `supersededById` naming its successor, as an earlier witness to diff against. The new text is aligned as planned
 * (align-imported-edition.ts) before its segments are written, so each is written once, in its row — unless it is
 * long: then the import writes it outside the grid and queues a job that aligns it (in the same transaction), so
 * that no request waits for the aligner.
 */
import type { EditionDocument } from "../../text/edition-document";
import { createEdition, findOrCreateWork } from "../editions/import-edition";
import { enqueueJobIn } from "../jobs/enqueue-job";
import { alignNewText, assertInGridOrder } from "./align-imported-edition";
import type { ImportPlan } from "./plan-import";
import type { AlignmentOutcome, Tx } from "./types";

export interface WrittenEdition {
  workId: string;
  segments: number;
  alignment: AlignmentOutcome;
  /** The existing rows the text was placed in (none when it made the grid afresh or was not aligned). */
  rowIds: string[];
}

/**
 * Texts longer than this are aligned by a job after the import rather than in it: aligning 300 sentences takes about
 * 0.1 s, 2,000 about 0.5 s, a novel's 6,500 well over a second (measured on the synthetic texts of bench/align).
 */
export const INLINE_ALIGNMENT_MAX_SEGMENTS = 300;

export async function writeEdition(
  tx: Tx,
  plan: ImportPlan,
  document: EditionDocument,
  source: { checksum: string; sourceFile: string; importedById: string | null },
): Promise<WrittenEdition> {
  const work = await findOrCreateWork(tx, document.meta);
  const replaced = plan.replaced;
  let position: number | undefined;
  if (replaced) {
    const last = await tx.edition.aggregate({ where: { workId: work.id }, _max: { position: true } });
    await tx.edition.update({ where: { id: replaced.id }, data: { slug: plan.keptAs!, position: (last._max.position ?? 0) + 1 } });
    position = replaced.position;
  }
  const { mode, referenceId, reference } = plan.alignment;
  const text = {
    language: document.meta.language,
    segments: document.blocks.flatMap((block, paragraph) => block.sentences.map((sentence) => ({ text: sentence.text, paragraph }))),
  };
  const referenceSlug = referenceId === replaced?.id ? plan.keptAs! : reference?.slug;
  const alignable = (mode === "place" || mode === "new-grid") && referenceId && referenceSlug ? { mode, referenceId, referenceSlug } : null;
  const later = alignable !== null && text.segments.length > INLINE_ALIGNMENT_MAX_SEGMENTS;
  const aligned =
    alignable && !later ? await alignNewText(tx, work.id, { id: alignable.referenceId, slug: alignable.referenceSlug }, alignable.mode, text) : null;
  const created = await createEdition(tx, work, { document, ...source, position, rowIds: aligned?.rowOf });
  if (replaced) {
    await tx.edition.update({ where: { id: replaced.id }, data: { supersededById: created.editionId } });
    if (work.pivotEditionId === replaced.id) await tx.work.update({ where: { id: work.id }, data: { pivotEditionId: created.editionId } });
  }
  if (aligned) await assertInGridOrder(tx, created.editionId);
  if (alignable && later) {
    const jobId = await enqueueJobIn(tx, {
      kind: "align-edition",
      workId: work.id,
      userId: source.importedById,
      payload: { editionId: created.editionId, editionSlug: document.meta.edition, referenceId: alignable.referenceId },
    });
    const alignment: AlignmentOutcome = { mode: "queued", reference: alignable.referenceSlug, rows: 0, confirmedRows: 0, job: { id: jobId } };
    return { workId: work.id, segments: created.segmentIds.length, alignment, rowIds: [] };
  }
  const alignment: AlignmentOutcome = aligned?.outcome ?? { mode: "none", reference: null, rows: 0, confirmedRows: 0 };
  const rowIds = aligned?.outcome.mode === "place" ? [...new Set(aligned.rowOf)] : [];
  return { workId: work.id, segments: created.segmentIds.length, alignment, rowIds };
}
