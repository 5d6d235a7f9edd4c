/**
 * "check-grid": checks the invariant over a work's whole grid (every edition's column reads as its segments, in
 * order, each once; no empty row), in one snapshot. Editor writes check only the rows they concern
 * (lib/db/grid/grid-window.ts); this job is the periodic check of the whole, queued by workers for every work whose
 * grid changed since its last check (schedule-grid-checks.ts). A violation fails the job with what is wrong.
 */
import { z } from "zod";
import { DomainError } from "../../errors";
import { checkStoredGrid } from "../../grid/verify-grid";
import { defineJobKind } from "../job-kind";

export const checkGridJob = defineJobKind<Record<string, never>>({
  kind: "check-grid",
  payload: z.strictObject({}),
  coalesce: true,
  maxAttempts: 2,
  title: () => "Checking the alignment grid",
  async run(ctx) {
    const { version, violations } = await ctx.db.$transaction(
      async (tx) => {
        const work = await tx.work.findUniqueOrThrow({ where: { id: ctx.workId }, select: { gridVersion: true } });
        return { version: work.gridVersion, violations: await checkStoredGrid(tx, ctx.workId) };
      },
      { isolationLevel: "RepeatableRead", timeout: 120_000 },
    );
    if (violations.length > 0) {
      const shown = violations.slice(0, 5).map((v) => v.message).join(" ");
      throw new DomainError("invalid", `The grid at version ${version} breaks the invariant in ${violations.length} place${violations.length === 1 ? "" : "s"}: ${shown}`, { version });
    }
    return { version, message: `The grid at version ${version} is consistent.` };
  },
});
