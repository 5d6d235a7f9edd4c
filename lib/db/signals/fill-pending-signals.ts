/**
 * Computes the row signals a page left pending, after its answer has gone out. One app server at a time fills a
 * work (a transaction-scoped advisory lock held while it works); the others skip, so reloading a large work
 * while its signals are being computed does not compute them again.
 */
import type { Db } from "../client";
import { refreshRowSignals } from "./refresh-row-signals";

/** Longest a fill may hold its lock (a 10,000-row work takes well under a minute). */
const FILL_TIMEOUT_MS = 10 * 60_000;

export async function fillPendingSignals(db: Db, workId: string, rowIds: readonly string[]): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtext('hexapla.row_signal'), hashtext(${workId})) AS locked`;
      if (locked) await refreshRowSignals(db, workId, rowIds);
    },
    { timeout: FILL_TIMEOUT_MS },
  );
}
