/**
 * The compare view's page of rows as it travels to the browser: the rows are a client component, so everything they
 * show is in the page twice, once as HTML and once as the React Server Components payload. The payload is kept to
 * what the rows render: short keys, fields left out when empty, edition ids replaced by column positions and slugs,
 * marks as flat number triples, figures rounded as they are shown, no segment ids. `unpackRows` gives the rows back
 * in the form the components read.
 */
import type { DiffPart } from "../diff/word-diff";
import type { TextMark } from "../diff/text-marks";
import { countWordMarks, type WordMarkCounts } from "../diff/word-mark-counts";

type SegmentKind = "heading" | "paragraph" | "blockquote" | "dateline" | "note";
type TooDifferent = "size" | "edit-length" | "timeout";

/** What the server prepared for one cell (a column of a row). */
export interface CellToPack {
  segments: readonly { text: string; kind: SegmentKind; paragraph: number; headingLevel: number | null }[];
  /** Anchor and diff marks, in the offsets of the cell's segments joined by one space. */
  marks: readonly TextMark[];
  /** Word-difference marks (word-added, word-omitted, word-weak), same offsets. */
  wordMarks?: readonly TextMark[];
  /** Anchors other editions have in this row and this one lacks. */
  missing?: readonly { text: string }[];
  inline?: readonly DiffPart[];
  tooDifferent?: TooDifferent;
  /** Word-level divergence from the base edition in [0, 1]. */
  divergence?: number;
}

export interface SignalToPack {
  score: number;
  hasEmptyCell: boolean;
  empty: readonly string[];
  differences: readonly { kind: string; text: string; missingIn: readonly string[] }[];
  lengthOutliers: readonly { a: string; b: string; z: number }[];
}

export interface RowToPack {
  id: string;
  number: number;
  status: string;
  confidence: number | null;
  signal: SignalToPack | null;
  variants: { open: number; confirmed: number; rejected: number } | null;
  links: { confirmed: boolean; dropped: number } | null;
  /** In column order. */
  cells: readonly CellToPack[];
}

/** Segment: text, paragraph, and (when not a paragraph) kind and heading level. */
type PackedSegment = [string, number] | [string, number, SegmentKind, number?];

interface PackedCell {
  s?: PackedSegment[];
  /** Marks: start, end and kind (an index into MARK_KINDS), three numbers a mark. */
  m?: number[];
  /** The labels of the marks whose kind is in LABELLED, in order. */
  l?: string[];
  a?: string[];
  d?: DiffPart[];
  r?: TooDifferent;
  /** Divergence in percent. */
  p?: number;
}

interface PackedSignal {
  s: number;
  h?: 1;
  e?: string[];
  d?: [string, string, string[]][];
  o?: [string, string, number][];
}

export interface PackedRow {
  i: string;
  n: number;
  /** What the row margin says of the row's alignment: "confirmed", a confidence ("88%") or nothing. */
  t?: string;
  g?: PackedSignal;
  /** Variants recorded on the row, any status. */
  v?: number;
  k?: 1;
  x?: number;
  c: PackedCell[];
}

export const MARK_KINDS = ["anchor", "anchor-differs", "removed", "added", "hit", "word-added", "word-omitted", "word-weak"] as const;
/** The kinds whose label the page shows (a title and, for anchors, words for screen readers); others travel without. */
const LABELLED: ReadonlySet<string> = new Set(["anchor-differs", "word-omitted"]);

export interface ShownSegment {
  /** The segment's place in its cell (the page carries no segment ids). */
  id: string;
  text: string;
  kind: SegmentKind;
  paragraph: number;
  headingLevel: number | null;
}

export interface ShownCell {
  segments: ShownSegment[];
  marks: TextMark[];
  missing: string[];
  inline?: DiffPart[];
  tooDifferent?: TooDifferent;
  /** Percent. */
  divergence?: number;
  /** How many words carry each word-difference mark. */
  words: WordMarkCounts;
}

export interface ShownSignal {
  score: number;
  hasEmptyCell: boolean;
  empty: string[];
  differences: { kind: string; text: string; missingIn: string[] }[];
  lengthOutliers: { a: string; b: string; z: number }[];
}

export interface ShownRow {
  id: string;
  number: number;
  statusLabel: string;
  signal: ShownSignal | null;
  variants: number;
  linksConfirmed: boolean;
  linksDropped: number;
  cells: ShownCell[];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function statusLabel(row: RowToPack): string {
  if (row.status === "confirmed") return "confirmed";
  return row.confidence != null ? `${Math.round(row.confidence * 100)}%` : "";
}

/** Whether the row's signals show anything (RowSignals renders nothing otherwise). */
function signalShows(signal: SignalToPack): boolean {
  return signal.differences.length > 0 || signal.lengthOutliers.length > 0 || signal.hasEmptyCell;
}

function packSignal(signal: SignalToPack, slugOf: (editionId: string) => string): PackedSignal {
  const packed: PackedSignal = { s: round(signal.score, 2) };
  if (signal.hasEmptyCell) packed.h = 1;
  if (signal.empty.length) packed.e = signal.empty.map(slugOf);
  if (signal.differences.length) packed.d = signal.differences.map((difference) => [difference.kind, difference.text, difference.missingIn.map(slugOf)]);
  if (signal.lengthOutliers.length) packed.o = signal.lengthOutliers.map((pair) => [slugOf(pair.a), slugOf(pair.b), round(pair.z, 1)]);
  return packed;
}

function packCell(cell: CellToPack): PackedCell {
  const packed: PackedCell = {};
  if (cell.segments.length) {
    packed.s = cell.segments.map(({ text, kind, paragraph, headingLevel }): PackedSegment => {
      if (kind === "paragraph" && headingLevel === null) return [text, paragraph];
      return headingLevel === null ? [text, paragraph, kind] : [text, paragraph, kind, headingLevel];
    });
  }
  const marks = [...cell.marks, ...(cell.wordMarks ?? [])];
  if (marks.length) {
    packed.m = marks.flatMap((mark) => {
      const kind = MARK_KINDS.indexOf(mark.kind as (typeof MARK_KINDS)[number]);
      if (kind < 0) throw new Error(`packRows: no code for the mark kind ${mark.kind}`);
      return [mark.start, mark.end, kind];
    });
    const labels = marks.filter((mark) => LABELLED.has(mark.kind)).map((mark) => mark.label ?? "");
    if (labels.length) packed.l = labels;
  }
  if (cell.missing?.length) packed.a = cell.missing.map((difference) => difference.text);
  if (cell.inline) packed.d = [...cell.inline];
  if (cell.tooDifferent) packed.r = cell.tooDifferent;
  if (cell.divergence !== undefined) packed.p = Math.round(cell.divergence * 100);
  return packed;
}

/** The page's rows for the browser; `slugOf` names the editions the signals speak of. */
export function packRows(rows: readonly RowToPack[], slugOf: (editionId: string) => string): PackedRow[] {
  return rows.map((row) => {
    const packed: PackedRow = { i: row.id, n: row.number, c: row.cells.map(packCell) };
    const label = statusLabel(row);
    if (label) packed.t = label;
    if (row.signal && signalShows(row.signal)) packed.g = packSignal(row.signal, slugOf);
    const variants = row.variants ? row.variants.open + row.variants.confirmed + row.variants.rejected : 0;
    if (variants) packed.v = variants;
    if (row.links?.confirmed) packed.k = 1;
    if (row.links?.dropped) packed.x = row.links.dropped;
    return packed;
  });
}

function unpackCell(cell: PackedCell): ShownCell {
  const segments = (cell.s ?? []).map(([text, paragraph, kind, headingLevel], index) => ({
    id: String(index),
    text,
    kind: kind ?? "paragraph",
    paragraph,
    headingLevel: headingLevel ?? null,
  }));
  const marks: TextMark[] = [];
  const labels = cell.l ?? [];
  let labelled = 0;
  const numbers = cell.m ?? [];
  for (let k = 0; k + 2 < numbers.length; k += 3) {
    const kind = MARK_KINDS[numbers[k + 2]];
    marks.push(LABELLED.has(kind) ? { start: numbers[k], end: numbers[k + 1], kind, label: labels[labelled++] } : { start: numbers[k], end: numbers[k + 1], kind });
  }
  const shown: ShownCell = { segments, marks, missing: cell.a ?? [], words: countWordMarks(marks) };
  if (cell.d) shown.inline = cell.d;
  if (cell.r) shown.tooDifferent = cell.r;
  if (cell.p !== undefined) shown.divergence = cell.p;
  return shown;
}

/** The rows as the compare view's components read them. */
export function unpackRows(rows: readonly PackedRow[]): ShownRow[] {
  return rows.map((row) => ({
    id: row.i,
    number: row.n,
    statusLabel: row.t ?? "",
    signal: row.g
      ? {
          score: row.g.s,
          hasEmptyCell: row.g.h === 1,
          empty: row.g.e ?? [],
          differences: (row.g.d ?? []).map(([kind, text, missingIn]) => ({ kind, text, missingIn })),
          lengthOutliers: (row.g.o ?? []).map(([a, b, z]) => ({ a, b, z })),
        }
      : null,
    variants: row.v ?? 0,
    linksConfirmed: row.k === 1,
    linksDropped: row.x ?? 0,
    cells: row.c.map(unpackCell),
  }));
}
