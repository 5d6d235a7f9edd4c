/**
 * Queues the word alignment of rows an edit changed (align-row-words.ts), in the edit's transaction. Edits in quick
 * succession share one job: rows are added to the work's queued align-row-words job while no worker has taken it
 * (the claim and this update lock the same job row, so no row is lost); past MAX_WINDOW_TARGETS rows, or when a
 * whole-work run is already queued, the whole-work run covers them.
 */
import type { Prisma } from "../generated/client";
import type { Tx } from "../grid/types";
import { enqueueJobIn } from "../jobs/enqueue-job";
import { MAX_WINDOW_TARGETS } from "./load-word-input";

export async function queueRowWords(tx: Tx, workId: string, rowIds: readonly string[]): Promise<void> {
  if (rowIds.length === 0) return;
  const waiting = await tx.job.findMany({ where: { workId, kind: { in: ["align-words", "align-row-words"] }, status: "queued" }, select: { id: true, kind: true, payload: true } });
  if (waiting.some((job) => job.kind === "align-words")) return;
  const queued = waiting.find((job) => job.kind === "align-row-words");
  if (queued) {
    const rows = [...new Set([...((queued.payload as { rowIds?: string[] }).rowIds ?? []), ...rowIds])];
    if (rows.length > MAX_WINDOW_TARGETS) {
      await enqueueJobIn(tx, { kind: "align-words", workId, userId: null });
      return;
    }
    const updated = await tx.job.updateMany({ where: { id: queued.id, status: "queued" }, data: { payload: { rowIds: rows } as Prisma.InputJsonValue } });
    if (updated.count === 1) return;
  }
  if (rowIds.length > MAX_WINDOW_TARGETS) await enqueueJobIn(tx, { kind: "align-words", workId, userId: null });
  else await enqueueJobIn(tx, { kind: "align-row-words", workId, payload: { rowIds: [...new Set(rowIds)] }, userId: null });
}
