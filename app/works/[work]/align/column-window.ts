/**
 * The editor's columns as the server and the browser both size them: every edition column is as wide as the
 * others, at least COLUMN_REM (see .align-grid in globals.css). A wide grid renders, and its page carries the
 * text of, only the columns in and near view; before the browser has measured the view, that is the first
 * COLUMNS_AT_FIRST columns.
 */
export const COLUMN_REM = 16;

/** Columns rendered and sent with the page before the browser knows how many fit (enough for a 1,600 px wide view). */
export const COLUMNS_AT_FIRST = 6;

/** The column indexes a page starts with: the first COLUMNS_AT_FIRST of `count`. */
export function firstColumns(count: number): number[] {
  return Array.from({ length: Math.min(count, COLUMNS_AT_FIRST) }, (_, index) => index);
}
