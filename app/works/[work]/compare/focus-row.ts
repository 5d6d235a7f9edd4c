/**
 * Focuses a row of the compare view. Rows are not in the tab order, and their markup carries no tabindex (the page's
 * rows are drawn by the server and left as drawn): a row becomes focusable the moment it is focused.
 */
export function focusRow(row: HTMLElement | null, options?: FocusOptions): void {
  if (!row) return;
  row.tabIndex = -1;
  row.focus(options);
}
