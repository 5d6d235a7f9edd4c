/**
 * "align-row-words": the word alignment of the rows an edit changed (lib/db/words/align-row-words.ts), queued by the
 * grid write path in the edit's transaction (lib/db/words/queue-row-words.ts); the aligner runs on the worker's
 * thread pool, the links and the job's completion commit together.
 */
import { z } from "zod";
import { runOnThread } from "../../../jobs/thread-pool";
import { alignRowWords } from "../../words/align-row-words";
import { MAX_WINDOW_TARGETS } from "../../words/load-word-input";
import { defineJobKind } from "../job-kind";

export const alignRowWordsJob = defineJobKind<{ rowIds: string[] }>({
  kind: "align-row-words",
  payload: z.strictObject({ rowIds: z.array(z.uuid()).min(1).max(MAX_WINDOW_TARGETS) }),
  maxAttempts: 3,
  title: () => "Aligning the words of edited rows",
  async run(ctx) {
    const message = (written: number, links: number) => `Aligned the words of ${written} edited row${written === 1 ? "" : "s"}: ${links} links.`;
    const result = await alignRowWords(ctx.db, ctx.workId, ctx.payload.rowIds, {
      signal: ctx.signal,
      compute: (input, glossaries, options) => runOnThread("computeWordSets", [input, glossaries, { dictionaries: options.dictionaries }], { signal: ctx.signal }),
      beforeCommit: (tx, result) => ctx.complete(tx, { ...result }, message(result.written, result.links)),
    });
    return { ...result, message: message(result.written, result.links) };
  },
});
