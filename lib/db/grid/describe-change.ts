/** One line in words for each recorded change, as the journal, row histories and conflict messages show it. */
import type { Change } from "./types";

export interface DescribeContext {
  /** 1-based number of the row in the grid the change was applied to; null for a row it created. */
  rowNumber(rowId: string): number | null;
  /** How to name an edition, e.g. its slug. */
  editionName(editionId: string): string;
  /** The row holding a segment when the change was applied; null when the segment is in no row. */
  rowOfSegment(segmentId: string): string | null;
}

export function describeChange(change: Change, context: DescribeContext): string {
  const row = (id: string) => {
    const n = context.rowNumber(id);
    return n === null ? "a new row" : `row ${n}`;
  };
  const segmentRow = (segmentId: string) => {
    const id = context.rowOfSegment(segmentId);
    return id === null ? "" : ` in ${row(id)}`;
  };
  const segments = (count: number | undefined, which: "first" | "last") =>
    count === undefined || count === 1 ? `the ${which} segment` : `the ${which} ${count} segments`;

  switch (change.type) {
    case "splitSegment":
      return `Split a ${context.editionName(change.editionId)} segment${segmentRow(change.segmentId)} in two: “${clip(change.parts[0])}” | “${clip(change.parts[1])}”`;
    case "mergeSegments":
      return `Merged two ${context.editionName(change.editionId)} segments${segmentRow(change.segmentId)}: “${clip(change.merged)}”`;
    case "editText":
      return change.revertOf
        ? `Reverted a correction of a segment${segmentRow(change.segmentId)}: ${change.reason}`
        : `Corrected the text of a segment${segmentRow(change.segmentId)}: ${change.reason}`;
    case "wordLinks":
      return `${change.summary} between ${context.editionName(change.editionAId)} and ${context.editionName(change.editionBId)} in ${row(change.rowId)}`;
    case "layout":
      break;
  }
  const op = change.op;
  const n = (id: string) => context.rowNumber(id);
  switch (op.type) {
    case "mergeRows": {
      const number = n(op.rowId);
      return number === null ? "Merged a row with the next" : `Merged row ${number} with row ${number + 1}`;
    }
    case "splitRow":
      return `Split ${row(op.rowId)} in two`;
    case "shiftUp":
      return `Moved ${segments(op.count, "first")} of ${context.editionName(op.editionId)} in ${row(op.rowId)} up into the row above`;
    case "popDown":
      return `Moved ${segments(op.count, "last")} of ${context.editionName(op.editionId)} in ${row(op.rowId)} down into the row below`;
    case "moveCellUp":
      return `Moved the ${context.editionName(op.editionId)} text of ${row(op.rowId)} up into the row above`;
    case "moveCellDown":
      return `Moved the ${context.editionName(op.editionId)} text of ${row(op.rowId)} down into the row below`;
    case "insertEmptyCell":
      return `Inserted an empty ${context.editionName(op.editionId)} cell at ${row(op.rowId)}; the ${context.editionName(op.editionId)} text below moved down a row`;
    case "deleteEmptyCell":
      return `Deleted the empty ${context.editionName(op.editionId)} cell of ${row(op.rowId)}; the ${context.editionName(op.editionId)} text below moved up a row`;
    case "setStatus":
      return `${op.status === "confirmed" ? "Confirmed" : "Unconfirmed"} ${row(op.rowId)}`;
    case "confirmUpTo":
      return `Confirmed every row down to ${row(op.rowId)}`;
    case "restoreStatuses":
      return op.rows.length === 1 ? `Restored the status of ${row(op.rows[0].rowId)}` : `Restored the status of ${op.rows.length} rows`;
  }
}

function clip(text: string, length = 60): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
