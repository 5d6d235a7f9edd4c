/**
 * What the compare view shows for its page of rows, prepared on the server per request and sent, packed
 * (lib/compare/packed-rows.ts), to the rows (a client component, so the page carries data rather than a rendered
 * tree twice): the word diff of the chosen same-language pair per row (never a whole text at once), the anchor and
 * word-difference marks of each cell, the anchors each cell lacks, and the row's signals for the chosen editions.
 */
import type { CompareRow, CompareSegment } from "@/lib/db/compare/get-compare-rows";
import type { RowPairLinks } from "@/lib/db/words/get-row-links";
import { cachedCellWords } from "@/lib/compare/cached-words";
import { rowWordMarks } from "@/lib/diff/word-marks";
import type { RowVariantCounts } from "@/lib/db/variants/count-variants-by-row";
import { anchorMarks, missingIn } from "@/lib/diff/anchor-marks";
import type { AnchorDifference } from "@/lib/diff/anchors";
import type { ShownRowSignal } from "@/lib/diff/row-signals";
import { diffMarks, joinSegments, type TextMark } from "@/lib/diff/text-marks";
import { wordDiffOptions, type ViewParams } from "@/lib/diff/view-params";
import { wordDiff, type DiffPart, type WordDiffTooDifferent } from "@/lib/diff/word-diff";

export interface ColumnEdition {
  id: string;
  slug: string;
  language: string;
  title: string;
}

export interface PreparedCell {
  edition: ColumnEdition;
  segments: CompareSegment[];
  marks: TextMark[];
  /** Anchors other chosen editions have in this row and this one lacks. */
  missing?: AnchorDifference[];
  /** Inline view: the unified diff shown in this (the second) column of the pair. */
  inline?: DiffPart[];
  tooDifferent?: WordDiffTooDifferent["reason"];
  /** Word-level divergence from the base edition in [0, 1]; null for the base or without links. */
  divergence?: number;
  /** Word-difference marks (joined-cell offsets); absent when word differences are off. */
  wordMarks?: TextMark[];
}

export interface PreparedRow {
  id: string;
  number: number;
  status: CompareRow["status"];
  confidence: number | null;
  signal: ShownRowSignal | null;
  variants: RowVariantCounts | null;
  cells: PreparedCell[];
  /** Links of the row that an editor confirmed or edited (any shown pair), and links dropped because words changed. */
  links: { confirmed: boolean; dropped: number } | null;
}

export interface PrepareOptions {
  rows: CompareRow[];
  columns: ColumnEdition[];
  view: ViewParams;
  /** The pair to diff (editions of the columns, same language), or null. */
  pair: [ColumnEdition, ColumnEdition] | null;
  signals: ReadonlyMap<string, ShownRowSignal | null>;
  variants: ReadonlyMap<string, RowVariantCounts>;
  /** Word links of the rows between the shown editions, when word differences are on. */
  wordLinks: ReadonlyMap<string, RowPairLinks[]> | null;
  /** The edition word differences are measured against. */
  base: ColumnEdition | null;
}

export function prepareRows({ rows, columns, view, pair, signals, variants, wordLinks, base }: PrepareOptions): PreparedRow[] {
  const slugOf = new Map(columns.map((column) => [column.id, column.slug]));
  const label = (editionId: string) => slugOf.get(editionId) ?? editionId;
  return rows.map((row) => {
    const full = signals.get(row.id) ?? null;
    const signal = full ? { ...full, lengthZs: [] } : null;
    const differences = full?.differences ?? [];
    const cells = columns.map((edition): PreparedCell => {
      const segments = row.cells[edition.id] ?? [];
      const text = joinSegments(segments.map((segment) => segment.text)).text;
      const marks = view.anchors === "none" || segments.length === 0 ? [] : anchorMarks(text, edition.language, differences, view.anchors, label);
      const missing = missingIn(differences, edition.id);
      return missing.length > 0 ? { edition, segments, marks, missing } : { edition, segments, marks };
    });
    const pairLinks = wordLinks?.get(row.id) ?? null;
    if (pairLinks && base) applyWordMarks(cells, pairLinks, base, pair);
    if (pair) applyDiff(cells, pair, view);
    const links = pairLinks ? { confirmed: pairLinks.some((p) => p.status === "confirmed" || p.status === "edited"), dropped: pairLinks.reduce((sum, p) => sum + p.dropped, 0) } : null;
    const confidence = row.confidence === null ? null : Math.round(row.confidence * 1000) / 1000;
    return { id: row.id, number: row.number, status: row.status, confidence, signal, variants: variants.get(row.id) ?? null, cells, links };
  });
}

function applyDiff(cells: PreparedCell[], [a, b]: [ColumnEdition, ColumnEdition], view: ViewParams): void {
  const left = cells.find((cell) => cell.edition.id === a.id)!;
  const right = cells.find((cell) => cell.edition.id === b.id)!;
  const textOf = (cell: PreparedCell) => joinSegments(cell.segments.map((segment) => segment.text)).text;
  const result = wordDiff(textOf(left), textOf(right), a.language, wordDiffOptions(view));
  if (result.status !== "ok") {
    left.tooDifferent = right.tooDifferent = result.reason;
    return;
  }
  if (view.view === "inline") {
    right.inline = result.parts;
    return;
  }
  left.marks = [...left.marks, ...diffMarks(result.left, "removed")];
  right.marks = [...right.marks, ...diffMarks(result.right, "added")];
}

/** Marks words without a counterpart in the base, weak links, and what the base has that others leave out; not on a diffed same-language pair. */
function applyWordMarks(cells: PreparedCell[], pairLinks: RowPairLinks[], base: ColumnEdition, pair: [ColumnEdition, ColumnEdition] | null): void {
  const diffed = new Set(pair ? [pair[0].id, pair[1].id] : []);
  const shown = cells.filter((cell) => cell.segments.length > 0 && (!diffed.has(cell.edition.id) || cell.edition.id === base.id));
  const editions = shown.map((cell) => ({
    id: cell.edition.id,
    slug: cell.edition.slug,
    language: cell.edition.language,
    tokens: cachedCellWords(
      cell.segments.map((segment) => segment.text),
      cell.edition.language,
    ),
    starts: joinSegments(cell.segments.map((segment) => segment.text)).starts,
  }));
  const { marks, divergence } = rowWordMarks(editions, pairLinks, base.id);
  for (const cell of shown) {
    const own = marks.get(cell.edition.id) ?? [];
    const figure = divergence.get(cell.edition.id);
    if (figure !== undefined) cell.divergence = figure;
    cell.wordMarks = own;
  }
}
