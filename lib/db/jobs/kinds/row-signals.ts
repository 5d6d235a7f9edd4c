/**
 * "row-signals": computes the compare view's row signals (lib/db/signals) of every row of a work whose texts
 * changed since they were stored, so that the first compare view after an import or an alignment is as fast as the
 * ones after it. Queued by imports and alignment jobs in the transaction that changes the grid, and by the compare
 * view when it finds rows pending. The signals are a cache: a cancelled or repeated run leaves nothing wrong.
 * Computing a row is light and the rows are done in batches, so it runs on the worker's event loop.
 */
import { z } from "zod";
import { staleRowIds } from "../../signals/get-row-signals";
import { refreshRowSignals } from "../../signals/refresh-row-signals";
import { defineJobKind } from "../job-kind";

/** Rows between two progress reports and cancellation checks. */
const BATCH_ROWS = 200;

export const rowSignalsJob = defineJobKind<Record<string, never>>({
  kind: "row-signals",
  payload: z.strictObject({}),
  coalesce: true,
  maxAttempts: 3,
  title: () => "Computing the compare view's row signals",
  async run(ctx) {
    const stale = await staleRowIds(ctx.db, ctx.workId);
    for (let start = 0; start < stale.length; start += BATCH_ROWS) {
      ctx.signal.throwIfAborted();
      await refreshRowSignals(ctx.db, ctx.workId, stale.slice(start, start + BATCH_ROWS));
      const done = Math.min(stale.length, start + BATCH_ROWS);
      await ctx.progress(done / stale.length, `Computed the signals of ${done} of ${stale.length} rows.`);
    }
    return {
      rows: stale.length,
      message: stale.length === 0 ? "Every row's signals were up to date." : `Computed the signals of ${stale.length} row${stale.length === 1 ? "" : "s"}.`,
    };
  },
});
