/**
 * CSV cells that are safe to open in a spreadsheet. A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is run as a formula by Excel, LibreOffice and Google Sheets (CSV injection); every CSV export writes such a
 * cell with a leading `'`, which spreadsheets show as text. So that the grid CSV import can undo it exactly, a cell
 * that already starts with `'` followed by one of those characters or another `'` gets one more `'`; the import
 * strips one `'` from exactly those cells. Other cells, including one like `'Tis`, are written as they are.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r']/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) || NEUTRALISED.test(value) ? `'${value}` : value;
}

/** The inverse of neutraliseCell: `restoreCell(neutraliseCell(s)) === s` for every string. */
export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
