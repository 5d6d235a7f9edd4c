/**
 * "align" and "realign": the automatic alignment of a whole work (lib/db/alignment/align-work.ts), the aligning on
 * the worker's thread pool. The rows, the journal entry, the job's completion and the follow-up jobs (the words'
 * alignment, the row signals) commit in one transaction; a cancelled run writes nothing. One alignment at a time per
 * work (group "alignment").
 */
import { z } from "zod";
import { runOnThread } from "../../../jobs/thread-pool";
import { alignWork, describeResult, type AlignMode } from "../../alignment/align-work";
import type { computeAlignment } from "../../alignment/compute-alignment";
import type { JobContext } from "../job-kind";
import { defineJobKind } from "../job-kind";
import { enqueueJobIn } from "../enqueue-job";

const AlignPayload = z.strictObject({
  /** The edition to align to (a current edition of the work); the work's pivot when left out. */
  pivotEditionId: z.uuid().optional(),
});
type AlignPayload = z.infer<typeof AlignPayload>;

export const ALIGNMENT_GROUP = "alignment";

/** computeAlignment on a worker thread, reporting progress back and stopped by the job's signal. */
function computeOnThread(signal: AbortSignal): typeof computeAlignment {
  return (pieces, pivot, others, options = {}) =>
    runOnThread("computeAlignment", [pieces, pivot, others, { previous: options.previous }], {
      signal,
      onProgress: (done, message) => void options.onProgress?.(done, message),
    });
}

function runAlignment(mode: AlignMode) {
  return async (ctx: JobContext<AlignPayload>) => {
    const result = await alignWork(ctx.db, ctx.workId, {
      mode,
      pivotEditionId: ctx.payload.pivotEditionId,
      actor: ctx.user,
      runId: ctx.jobId,
      signal: ctx.signal,
      compute: computeOnThread(ctx.signal),
      onProgress: (done, message) => ctx.progress(done, message),
      beforeCommit: async (tx, result) => {
        await ctx.complete(tx, { ...result }, describeResult(result));
        await enqueueJobIn(tx, { kind: "align-words", workId: ctx.workId, userId: ctx.user?.id ?? null });
        await enqueueJobIn(tx, { kind: "row-signals", workId: ctx.workId, userId: null });
      },
    });
    return { ...result, message: describeResult(result) };
  };
}

const conflictMessage = (active: { kind: string; userName: string | null }) =>
  `This work is already being ${active.kind === "realign" ? "re-aligned" : "aligned"}${active.userName ? ` by ${active.userName}` : ""}; wait until that run has finished.`;

export const alignJob = defineJobKind<AlignPayload>({
  kind: "align",
  payload: AlignPayload,
  group: ALIGNMENT_GROUP,
  maxAttempts: 3,
  title: () => "Aligning",
  conflictMessage,
  run: runAlignment("align"),
});

export const realignJob = defineJobKind<AlignPayload>({
  kind: "realign",
  payload: AlignPayload,
  group: ALIGNMENT_GROUP,
  maxAttempts: 3,
  title: () => "Re-aligning",
  conflictMessage,
  run: runAlignment("realign"),
});
