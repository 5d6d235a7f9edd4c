/**
 * The signals of every row of a work, from the row_signal cache. A row whose texts changed since its signals
 * were stored (its fingerprint differs) or that has none yet is stale: the rows the caller needs now are
 * computed at once, and so are other stale rows while the time budget lasts; the rest are returned as
 * pending, for the row-signals job to compute (lib/db/jobs/kinds/row-signals.ts).
 */
import type { AnchorDifference } from "../../diff/anchors";
import { ROW_SIGNAL_VERSION, type StoredRowSignal } from "../../diff/row-signals";
import type { Db } from "../client";
import { refreshRowSignals } from "./refresh-row-signals";

export interface WorkRowSignal {
  rowId: string;
  /** 1-based row number in reading order. */
  number: number;
  /** Null while the row's signals are pending. */
  signal: StoredRowSignal | null;
}

export interface WorkRowSignals {
  rows: WorkRowSignal[];
  /** Stale rows left uncomputed by this call. */
  pending: string[];
}

export interface GetRowSignalsOptions {
  /** Row numbers (1-based, inclusive) computed now whatever the budget: the rows on the page. */
  required?: { from: number; to: number };
  /** Milliseconds to spend on other stale rows (default 300). */
  budgetMs?: number;
}

interface CacheRecord {
  rowId: string;
  position: number;
  lengths: Record<string, number> | null;
  differences: AnchorDifference[] | null;
}

/** Rows computed between two checks of the time budget. */
const BUDGET_STEP_ROWS = 50;

/**
 * Every row of the work with what the cache holds for it, or nulls when the stored fingerprint is not the one
 * of the row's current texts (`rowFingerprint`, computed here the same way). Unordered: sorting the cached
 * JSON by position would spill to disk on a large work, so the caller sorts.
 */
function readCache(db: Db, workId: string) {
  return db.$queryRaw<CacheRecord[]>`
    SELECT r.id::text AS "rowId", r.position,
           CASE WHEN rs.fingerprint = coalesce(f.fingerprint, md5(${ROW_SIGNAL_VERSION})) THEN rs.lengths END AS lengths,
           CASE WHEN rs.fingerprint = coalesce(f.fingerprint, md5(${ROW_SIGNAL_VERSION})) THEN rs.differences END AS differences
    FROM alignment_row r
    LEFT JOIN (
      SELECT s.row_id,
             md5(${ROW_SIGNAL_VERSION} || string_agg(E'\n' || s.edition_id::text || E'\t' || s.text, '' ORDER BY s.edition_id::text, s.position)) AS fingerprint
      FROM segment s
      WHERE s.work_id = ${workId}::uuid AND s.row_id IS NOT NULL
      GROUP BY s.row_id
    ) f ON f.row_id = r.id
    LEFT JOIN row_signal rs ON rs.row_id = r.id
    WHERE r.work_id = ${workId}::uuid`;
}

/** The work's rows whose signals are missing or stale, in reading order: what the row-signals job computes. */
export async function staleRowIds(db: Db, workId: string): Promise<string[]> {
  const records = (await readCache(db, workId)).sort((a, b) => a.position - b.position);
  return records.filter((record) => !(record.lengths && record.differences)).map((record) => record.rowId);
}

export async function getRowSignals(db: Db, workId: string, options: GetRowSignalsOptions = {}): Promise<WorkRowSignals> {
  const started = performance.now();
  const records = (await readCache(db, workId)).sort((a, b) => a.position - b.position);
  const signals = new Map<string, StoredRowSignal>();
  const stale: string[] = [];
  for (const record of records) {
    if (record.lengths && record.differences) signals.set(record.rowId, { lengths: record.lengths, differences: record.differences });
    else stale.push(record.rowId);
  }
  const { from, to } = options.required ?? { from: 1, to: 0 };
  const required = new Set(records.slice(from - 1, to).map((record) => record.rowId));
  const now = stale.filter((id) => required.has(id));
  for (const [id, signal] of await refreshRowSignals(db, workId, now)) signals.set(id, signal);

  const budget = options.budgetMs ?? 300;
  const rest = stale.filter((id) => !required.has(id));
  let done = 0;
  while (done < rest.length && performance.now() - started < budget) {
    const step = rest.slice(done, done + BUDGET_STEP_ROWS);
    for (const [id, signal] of await refreshRowSignals(db, workId, step)) signals.set(id, signal);
    done += step.length;
  }
  return {
    rows: records.map((record, index) => ({ rowId: record.rowId, number: index + 1, signal: signals.get(record.rowId) ?? null })),
    pending: rest.slice(done),
  };
}
