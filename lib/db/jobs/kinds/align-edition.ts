/**
 * "align-edition": the alignment step of an import whose text is long (lib/db/import/write-edition.ts): places the
 * imported edition's segments, written outside the grid, into the rows of the reference edition it was planned
 * against (or, when the work has no grid yet, makes the first grid from the two) — what a short import does inside
 * its own transaction (align-imported-edition.ts), with the aligning on the worker's thread pool. The texts are read
 * first, aligned outside any transaction, and placed in one transaction that checks the grid is still the one that
 * was read (else it aligns again, up to three times) and also completes the job and queues the row signals.
 */
import { z } from "zod";
import { runOnThread } from "../../../jobs/thread-pool";
import type { Db } from "../../client";
import { DomainError } from "../../errors";
import { recordGridWrite } from "../../grid/record-grid-write";
import { inWorkTransaction } from "../../grid/work-lock";
import { alignNewText, assertInGridOrder } from "../../import/align-imported-edition";
import { enqueueJobIn } from "../enqueue-job";
import { defineJobKind } from "../job-kind";

const AlignEditionPayload = z.strictObject({
  editionId: z.uuid(),
  /** For the UI, which shows the job before it runs. */
  editionSlug: z.string().min(1).max(200),
  /** The edition the text is aligned against: the pivot, or the text the new one replaced. */
  referenceId: z.uuid(),
});
type AlignEditionPayload = z.infer<typeof AlignEditionPayload>;

const ATTEMPTS = 3;

interface SegmentText {
  id: string;
  text: string;
  paragraph: number;
  rowId: string | null;
}

async function readTexts(db: Db, workId: string, payload: AlignEditionPayload) {
  return db.$transaction(
    async (tx) => {
      const work = await tx.work.findUniqueOrThrow({ where: { id: workId }, select: { gridVersion: true } });
      const [edition, reference, rows] = await Promise.all([
        tx.edition.findFirst({ where: { id: payload.editionId, workId }, select: { slug: true, language: true } }),
        tx.edition.findFirst({ where: { id: payload.referenceId, workId }, select: { slug: true, language: true } }),
        tx.alignmentRow.count({ where: { workId } }),
      ]);
      if (!edition) throw new DomainError("not_found", `The edition “${payload.editionSlug}” is no longer in this work; there is nothing to align.`);
      if (!reference) throw new DomainError("not_found", `The edition to align “${edition.slug}” against is no longer in this work; align the whole work instead.`);
      const select = { id: true, text: true, paragraph: true, rowId: true } as const;
      const [segments, referenceSegments] = await Promise.all([
        tx.segment.findMany({ where: { editionId: payload.editionId }, orderBy: { position: "asc" }, select }),
        tx.segment.findMany({ where: { editionId: payload.referenceId }, orderBy: { position: "asc" }, select }),
      ]);
      return { gridVersion: work.gridVersion, edition, reference, rows, segments: segments as SegmentText[], referenceSegments: referenceSegments as SegmentText[] };
    },
    { isolationLevel: "RepeatableRead" },
  );
}

export const alignEditionJob = defineJobKind<AlignEditionPayload>({
  kind: "align-edition",
  payload: AlignEditionPayload,
  maxAttempts: 3,
  title: (payload) => `Aligning the imported edition “${payload.editionSlug}”`,
  async run(ctx) {
    const { db, workId, payload } = ctx;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      await ctx.progress(0, attempt === 1 ? "Reading the texts." : `The grid changed while aligning; aligning again (attempt ${attempt} of ${ATTEMPTS}).`);
      const read = await readTexts(db, workId, payload);
      if (read.segments.some((segment) => segment.rowId !== null)) {
        return { editionId: payload.editionId, rows: 0, message: `“${read.edition.slug}” was aligned meanwhile (by an alignment of the whole work); nothing left to do.` };
      }
      const referenceInGrid = read.referenceSegments.length > 0 && read.referenceSegments.every((segment) => segment.rowId !== null);
      const mode = referenceInGrid ? "place" : read.rows === 0 && read.referenceSegments.length > 0 ? "new-grid" : null;
      if (!mode) throw new DomainError("invalid", `“${read.reference.slug}” is no longer in the grid, so “${read.edition.slug}” cannot be placed against it; align the whole work instead.`);
      await ctx.progress(0.05, `Aligning “${read.edition.slug}” with “${read.reference.slug}”.`);
      const beads = await runOnThread("alignPair", [read.referenceSegments, read.segments, { langA: read.reference.language, langB: read.edition.language }], {
        signal: ctx.signal,
      });
      ctx.signal.throwIfAborted();
      await ctx.progress(0.9, `Placing ${read.segments.length} segments in the grid.`);
      const text = { language: read.edition.language, segments: read.segments.map(({ text, paragraph }) => ({ text, paragraph })) };
      const result = await inWorkTransaction(db, workId, async (tx, work) => {
        if (work.gridVersion !== read.gridVersion) return null;
        const aligned = await alignNewText(tx, workId, { id: payload.referenceId, slug: read.reference.slug }, mode, text, { beads });
        const ids = read.segments.map((segment) => segment.id);
        await tx.$executeRaw`
          UPDATE segment SET row_id = u.row_id
          FROM unnest(${ids}::uuid[], ${aligned.rowOf}::uuid[]) AS u(id, row_id)
          WHERE segment.id = u.id AND segment.edition_id = ${payload.editionId}::uuid`;
        await assertInGridOrder(tx, payload.editionId);
        const { gridVersion } = await tx.work.findUniqueOrThrow({ where: { id: workId }, select: { gridVersion: true } });
        const { outcome } = aligned;
        const summary =
          mode === "place"
            ? `Aligned the imported edition “${read.edition.slug}” against “${read.reference.slug}”: its text went into ${outcome.rows} existing rows`
            : `Aligned the imported edition “${read.edition.slug}” against “${read.reference.slug}” as the work's first grid (${outcome.rows} rows)`;
        await recordGridWrite(tx, {
          workId,
          kind: "align",
          version: gridVersion,
          userId: ctx.user?.id ?? null,
          summary,
          rowIds: mode === "place" ? [...new Set(aligned.rowOf)] : [],
          details: { editionId: payload.editionId, referenceId: payload.referenceId, runId: ctx.jobId },
        });
        const confirmed = outcome.confirmedRows > 0 ? `; ${outcome.confirmedRows} of them are confirmed rows, which stay confirmed — check the new text there` : "";
        const result = { ...outcome, editionId: payload.editionId, gridVersion, message: `${summary}${confirmed}.` };
        await ctx.complete(tx, result, result.message);
        await enqueueJobIn(tx, { kind: "align-words", workId, userId: null });
        await enqueueJobIn(tx, { kind: "row-signals", workId, userId: null });
        return result;
      });
      if (result) return result;
    }
    throw new DomainError("conflict", `The grid kept changing while “${payload.editionSlug}” was being aligned (${ATTEMPTS} attempts); align the work when editors are done.`);
  },
});
