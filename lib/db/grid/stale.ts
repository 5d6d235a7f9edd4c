/** Refusing a write whose rows changed after the version it was based on, saying what changed and by whom. */
import { DomainError } from "../errors";
import { coversVersions, touchingRows } from "./list-changes";
import type { ChangeSummary } from "./types";

export interface StaleDetails {
  currentVersion: number;
  changes: ChangeSummary[];
}

export function staleError(message: string, currentVersion: number, changes: ChangeSummary[]): DomainError {
  const details: StaleDetails = { currentVersion, changes };
  return new DomainError("stale", message, details);
}

/** Throws when the journal since the base version has a gap (the grid was replaced wholesale). */
export function refuseGap(later: readonly ChangeSummary[], base: number, current: number): void {
  if (!coversVersions(later, base, current)) {
    throw staleError(
      `The grid was replaced (for example re-aligned) after version ${base}, which your page shows. Reload the grid, then try again.`,
      current,
      [...later],
    );
  }
}

/** Throws when any of the later changes touched one of the rows. */
export function refuseIfTouched(later: readonly ChangeSummary[], rowIds: Iterable<string>, current: number, action: string): void {
  const conflicting = touchingRows(later, rowIds);
  if (conflicting.length === 0) return;
  const said = conflicting
    .slice(-3)
    .map((c) => `${c.userName ?? "someone"} at ${c.createdAt.slice(11, 16)} UTC: ${c.summary}`)
    .join("; ");
  throw staleError(
    `${action} was refused: the rows it concerns changed after the version your page shows (${said}). Reload to see the change, then try again if it still applies.`,
    current,
    conflicting,
  );
}
