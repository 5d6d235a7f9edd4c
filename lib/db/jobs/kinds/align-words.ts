/**
 * "align-words": aligns the words of a whole work (lib/db/words/align-work-words.ts); the links and the job's
 * completion commit in one transaction. Queued after every alignment of the work, in the transaction that writes
 * it; a request while one is queued gets that one. A large work (OWN_THREAD_CELLS cells or more: a novel) is aligned
 * on a thread of its own, ended with the task, so that its memory does not stay with the worker; a smaller one on the
 * pool's threads, which keep the dictionaries they read for the next job.
 */
import { z } from "zod";
import { runOnOwnThread, runOnThread } from "../../../jobs/thread-pool";
import { alignWorkWords } from "../../words/align-work-words";
import { defineJobKind } from "../job-kind";

/** Rows × editions from which a work's words are aligned on a thread of its own. */
export const OWN_THREAD_CELLS = 20_000;

export const alignWordsJob = defineJobKind<Record<string, never>>({
  kind: "align-words",
  payload: z.strictObject({}),
  coalesce: true,
  maxAttempts: 3,
  title: () => "Aligning words",
  async run(ctx) {
    const message = (links: number, pairs: number) => `Aligned the words: ${links} links between ${pairs} pairs of editions.`;
    const result = await alignWorkWords(ctx.db, ctx.workId, {
      signal: ctx.signal,
      onProgress: (done, text) => ctx.progress(done, text),
      compute: (input, glossaries, options) =>
        (input.rowIds.length * input.editions.length >= OWN_THREAD_CELLS ? runOnOwnThread : runOnThread)("computeWordSets", [input, glossaries, { dictionaries: options.dictionaries }], {
          signal: ctx.signal,
          onProgress: (done, text) => void options.onProgress?.(done, text),
        }),
      beforeCommit: (tx, result) => ctx.complete(tx, { ...result }, message(result.links, result.pairs)),
    });
    return { ...result, message: message(result.links, result.pairs) };
  },
});
