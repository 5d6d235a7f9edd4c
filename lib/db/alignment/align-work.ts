/**
 * Aligns a whole work automatically: every edition against the pivot, merged into n-way rows. Both modes keep
 * confirmed rows exactly as they are and align only the stretches between them; "align" (unlike "realign") also
 * runs when an edition is not in the grid yet, and then aligns the whole work afresh, confirmed rows included
 * (previewAlignment says which will happen before it runs). The texts are read
 * in one snapshot and aligned outside any transaction; the rows are then written in one transaction that locks
 * the work and first checks that the grid is still the one that was aligned (an editor may have changed it
 * meanwhile: then the work is aligned again from the new grid, up to three times). Variants and bookmarks of
 * rows that go follow their segments (replace-grid.ts). The run is recorded in the work's journal under the one
 * grid version it produces, with a snapshot of the grid it replaced (lib/db/snapshots/: an editor can restore it
 * from the journal), and open editor pages hear of the new grid. A job runs it with the
 * aligning on a worker thread (`compute`), a signal that stops it, and `beforeCommit` to record its completion in
 * the very transaction that writes the rows.
 */
import { checkGridInvariant } from "../../alignment/grid";
import { choosePivotByRule } from "../../editions/pivot";
import type { Db } from "../client";
import { DomainError } from "../errors";
import { loadGridState } from "../grid/load-grid-state";
import { recordGridWrite } from "../grid/record-grid-write";
import { attachSnapshot, captureSnapshot } from "../snapshots/capture-snapshot";
import type { Tx } from "../grid/types";
import { inWorkTransaction } from "../grid/work-lock";
import { betweenConfirmed, computeAlignment, wholeWork, type Piece, type ProgressReport } from "./compute-alignment";
import { loadAlignmentInput, type AlignmentInput } from "./load-alignment-input";
import { replaceGrid } from "./replace-grid";

export type AlignMode = "align" | "realign";

export interface AlignWorkOptions {
  mode: AlignMode;
  /** The edition to align to; the work's pivot when left out (the original when the work has none). */
  pivotEditionId?: string;
  /** Progress of the whole run, 0..1, with what is being done. */
  onProgress?: ProgressReport;
  /** Who asked, for the journal and the notice open editor pages show. */
  actor?: { id: string; name: string } | null;
  /** Names the run in the journal (the alignment job's id). */
  runId?: string;
  /** Computes the rows (default: computeAlignment on this thread). */
  compute?: typeof computeAlignment;
  /** Stops the run before it writes; the grid is then left as it was. */
  signal?: AbortSignal;
  /** Called last in the transaction that writes the rows, with the result: a throw rolls the whole write back. */
  beforeCommit?: (tx: Tx, result: AlignWorkResult) => Promise<void>;
}

export interface AlignWorkResult {
  mode: AlignMode;
  pivotEditionId: string;
  rows: number;
  /** Confirmed rows kept exactly as they were. */
  keptConfirmed: number;
  /** New rows identical to an old row, which keep its id. */
  reusedRows: number;
  movedVariants: number;
  movedBookmarks: number;
  gridVersion: number;
  attempts: number;
  milliseconds: number;
}

const ATTEMPTS = 3;
/** Shares of the progress bar: reading, aligning, writing. */
const READ_SHARE = 0.05;
const ALIGN_SHARE = 0.85;

export async function alignWork(db: Db, workId: string, options: AlignWorkOptions): Promise<AlignWorkResult> {
  const started = performance.now();
  const report = options.onProgress ?? (() => undefined);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    await report(0, attempt === 1 ? "Reading the texts." : `The grid changed while aligning; aligning again (attempt ${attempt} of ${ATTEMPTS}).`);
    const input = await loadAlignmentInput(db, workId);
    const pivot = choosePivot(input, options.pivotEditionId);
    const pieces = piecesFor(input, options.mode);
    /* An edition without text has nothing to align; it would only turn every row into an omission. */
    const editions = input.editions.filter((e) => e.text.segments.length > 0).map((e) => e.text);
    const computed = await (options.compute ?? computeAlignment)(
      pieces,
      editions.find((e) => e.editionId === pivot.id)!,
      editions.filter((e) => e.editionId !== pivot.id),
      { previous: input.rows, onProgress: (done, message) => report(READ_SHARE + ALIGN_SHARE * done, message) },
    );
    options.signal?.throwIfAborted();
    await report(READ_SHARE + ALIGN_SHARE, `Writing ${computed.rows.length} rows.`);
    const result = await inWorkTransaction(db, workId, async (tx, work) => {
      if (work.gridVersion !== input.gridVersion) return null;
      options.signal?.throwIfAborted();
      const snapshotId = await captureSnapshot(tx, workId);
      const replaced = await replaceGrid(tx, workId, computed.rows, { pivotEditionId: pivot.id });
      await tx.work.update({ where: { id: workId }, data: { pivotEditionId: pivot.id } });
      const { state } = await loadGridState(tx, workId);
      const violations = checkGridInvariant(state.grid, state.segments);
      if (violations.length > 0) throw new Error(`Aligning would leave the grid inconsistent: ${violations.slice(0, 3).map((v) => v.message).join(" ")}`);
      const kept = computed.kept > 0 ? `, ${computed.kept} of them confirmed and kept` : "";
      const summary =
        options.mode === "align"
          ? `Aligned the work automatically to “${pivot.slug}” (${computed.rows.length} rows${kept})`
          : `Re-aligned the rows between confirmed rows (${computed.rows.length} rows, ${computed.kept} of them confirmed and kept)`;
      const entryId = await recordGridWrite(tx, {
        workId,
        kind: options.mode,
        version: replaced.gridVersion,
        userId: options.actor?.id ?? null,
        summary,
        details: { pivotEditionId: pivot.id, rows: computed.rows.length, keptConfirmed: computed.kept, runId: options.runId ?? null },
      });
      await attachSnapshot(tx, snapshotId, entryId);
      const result: AlignWorkResult = {
        mode: options.mode,
        pivotEditionId: pivot.id,
        rows: computed.rows.length,
        keptConfirmed: computed.kept,
        reusedRows: computed.reused,
        movedVariants: replaced.moved.variants,
        movedBookmarks: replaced.moved.bookmarks,
        gridVersion: replaced.gridVersion,
        attempts: attempt,
        milliseconds: Math.round(performance.now() - started),
      };
      await options.beforeCommit?.(tx, result);
      return result;
    });
    if (result === null) continue;
    await report(1, describeResult(result));
    return result;
  }
  throw new DomainError("conflict", `The grid kept changing while it was being aligned (${ATTEMPTS} attempts); try again when editors are done.`);
}

/** The pivot: the one asked for (a current edition of the work), else the work's, else the one the pivot rule chooses (lib/editions/pivot.ts). */
export function choosePivot(input: AlignmentInput, requested?: string): AlignmentInput["editions"][number] {
  const current = input.editions.filter((e) => e.current);
  if (requested !== undefined) {
    const edition = current.find((e) => e.id === requested);
    if (!edition) throw new DomainError("invalid", "The pivot must be one of the work's current editions.");
    if (edition.text.segments.length === 0) throw new DomainError("invalid", `The edition “${edition.slug}” has no text to align to.`);
    return edition;
  }
  const candidates = input.editions.map((e) => ({ ...e, hasText: e.text.segments.length > 0 }));
  const pivot = current.find((e) => e.id === input.pivotEditionId && e.text.segments.length > 0) ?? choosePivotByRule(candidates)?.edition;
  if (!pivot) throw new DomainError("invalid", "The work has no edition with text to align.");
  return pivot;
}

/** Editions with text that are not in the grid yet: confirmed rows have no place for them. */
export function editionsOutsideGrid(input: AlignmentInput): string[] {
  return input.editions.filter((e) => !e.inGrid && e.text.segments.length > 0).map((e) => e.slug);
}

function piecesFor(input: AlignmentInput, mode: AlignMode): Piece[] {
  const withText = input.editions.filter((e) => e.text.segments.length > 0).map((e) => e.text);
  const confirmed = input.rows.filter((row) => row.status === "confirmed").length;
  if (confirmed === 0) return wholeWork(withText);
  const outside = editionsOutsideGrid(input);
  if (outside.length > 0 && mode === "align") return wholeWork(withText);
  if (outside.length > 0) {
    throw new DomainError(
      "invalid",
      `Re-aligning keeps the confirmed rows, which have no place for ${outside.map((slug) => `“${slug}”`).join(", ")}: that edition is not aligned yet. ` +
        "Align the whole work instead (confirmed rows are then aligned afresh too).",
    );
  }
  return betweenConfirmed(input.rows);
}

export function describeResult(result: AlignWorkResult): string {
  const parts = [`${result.rows} rows`];
  if (result.mode === "realign" || result.keptConfirmed > 0) {
    parts.push(result.keptConfirmed === 0
        ? "no confirmed rows to keep"
        : result.keptConfirmed === 1
          ? "the confirmed row kept as it was"
          : `${result.keptConfirmed} confirmed rows kept as they were`);
  }
  if (result.movedVariants > 0) parts.push(`${result.movedVariants} variant${result.movedVariants === 1 ? "" : "s"} moved with their text`);
  const done = result.mode === "align" ? "Aligned" : "Re-aligned";
  return `${done} in ${(result.milliseconds / 1000).toFixed(1)} s: ${parts.join(", ")}.`;
}
