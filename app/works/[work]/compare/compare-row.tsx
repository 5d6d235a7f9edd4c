"use client";

import Link from "next/link";
import { InlineDiff, TooDifferent } from "@/app/components/inline-diff";
import { MarkedPassage } from "@/app/components/marked-passage";
import { Passage } from "@/app/components/passage";
import { CitePassage } from "./cite-passage";
import type { PreparedCell, PreparedRow } from "./prepare-rows";
import { expandWordMarks } from "./word-mark-codes";
import { RecordVariant, type VariantFormEdition } from "./record-variant";
import { RowSignals } from "./row-signals";

interface RowProps {
  row: PreparedRow;
  workSlug: string;
  /** Editions a variant can be recorded for (the chosen ones); null when the reader may not record. */
  recordable: VariantFormEdition[] | null;
  /** Edition id → slug, for the row's signals. */
  slugs: Record<string, string>;
  pairLabels: [string, string] | null;
}

function CellContent({ cell, notesHref, pairLabels }: { cell: PreparedCell; notesHref: string; pairLabels: [string, string] | null }) {
  if (cell.segments.length === 0) return <span className="visually-hidden">No text in this edition</span>;
  if (cell.inline && pairLabels) {
    return (
      <>
        <p className="diff-caption">
          Inline diff: {pairLabels[0]} → {pairLabels[1]}
        </p>
        <InlineDiff parts={cell.inline} notesHref={notesHref} fromLabel={pairLabels[0]} toLabel={pairLabels[1]} />
      </>
    );
  }
  const marks = cell.words ? [...cell.marks, ...expandWordMarks(cell.words)] : cell.marks;
  return marks.length > 0 ? <MarkedPassage segments={cell.segments} marks={marks} notesHref={notesHref} /> : <Passage segments={cell.segments} notesHref={notesHref} />;
}

export function CompareRowView({ row, workSlug, recordable, slugs, pairLabels }: RowProps) {
  const slugOf = (editionId: string) => slugs[editionId] ?? editionId;
  const variantCount = row.variants ? row.variants.open + row.variants.confirmed + row.variants.rejected : 0;
  return (
    <div id={`r${row.number}`} className="grid-row" role="row" data-row-id={row.id} tabIndex={-1}>
      <div className="row-number" role="rowheader">
        <a href={`#r${row.number}`} aria-label={`Row ${row.number}, link`}>
          {row.number}
        </a>
        <span className="row-status">
          {row.status === "confirmed" ? "confirmed" : row.confidence != null ? `${Math.round(row.confidence * 100)}%` : ""}
        </span>
        {row.signal ? <RowSignals signal={row.signal} slugOf={slugOf} /> : null}
        <WordDivergence row={row} />
        {variantCount > 0 ? (
          <Link className="row-variants" href={`/works/${workSlug}/variants?row=${row.number}`}>
            {variantCount} variant{variantCount === 1 ? "" : "s"}
          </Link>
        ) : null}
        <span className="row-tools">
          <Link href={`/works/${workSlug}/diff/${row.number}`}>
            History<span className="visually-hidden"> and word diffs of row {row.number}</span>
          </Link>
          <Link href={`/works/${workSlug}/rows/${row.id}/all`}>
            All editions<span className="visually-hidden"> of row {row.number}</span>
          </Link>
          <Link href={`/works/${workSlug}/rows/${row.id}#row-words`}>
            Word links<span className="visually-hidden"> of row {row.number}</span>
          </Link>
          <CitePassage workSlug={workSlug} rowNumber={row.number} editions={row.cells.map((cell) => cell.edition.slug)} />
          {recordable ? <RecordVariant workSlug={workSlug} rowId={row.id} rowNumber={row.number} editions={recordable} /> : null}
        </span>
      </div>
      {row.cells.map((cell) => (
        <div
          key={cell.edition.id}
          role="cell"
          className={cell.segments.length ? "cell" : "cell empty"}
          lang={cell.edition.language}
          data-edition={cell.edition.slug}
          tabIndex={cell.segments.length ? 0 : undefined}
        >
          <CellContent cell={cell} notesHref={`/works/${workSlug}/editions/${cell.edition.slug}`} pairLabels={pairLabels} />
          {cell.tooDifferent ? <TooDifferent reason={cell.tooDifferent} /> : null}
          {cell.words ? <WordSummary words={cell.words} /> : null}
          {cell.missing && cell.segments.length > 0 ? (
            <p className="missing-anchors" lang="en">
              Missing here: {cell.missing.map((difference) => `“${difference.text}”`).join(", ")}
            </p>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** Each edition's word-level divergence from the base in this row, and what editors did with its links. */
function WordDivergence({ row }: { row: PreparedRow }) {
  const figures = row.cells.filter((cell) => cell.divergence !== undefined);
  if (figures.length === 0 && !row.links?.confirmed && !row.links?.dropped) return null;
  return (
    <div className="word-divergence">
      {figures.length > 0 ? (
        <ul aria-label="Word divergence from the base edition">
          {figures.map((cell) => (
            <li key={cell.edition.id} data-edition={cell.edition.slug}>
              {cell.edition.slug} {Math.round(cell.divergence! * 100)}%
            </li>
          ))}
        </ul>
      ) : null}
      {row.links?.confirmed ? <span className="links-confirmed">links checked</span> : null}
      {row.links?.dropped ? <span className="links-dropped">{row.links.dropped} link{row.links.dropped === 1 ? "" : "s"} dropped (words changed)</span> : null}
    </div>
  );
}

/** What the word marks of a cell say, for readers who cannot see them. */
function WordSummary({ words }: { words: NonNullable<PreparedCell["words"]> }) {
  const count = (kind: number) => words.marks.filter((value, index) => index % 3 === 2 && value === kind).length;
  const counts = { added: count(0), omitted: count(1), weak: count(2) };
  const parts = [
    counts.added ? `${counts.added} word${counts.added === 1 ? "" : "s"} without counterpart in the base` : null,
    counts.weak ? `${counts.weak} weak link${counts.weak === 1 ? "" : "s"}` : null,
    counts.omitted ? `${counts.omitted} word${counts.omitted === 1 ? "" : "s"} left out by other editions` : null,
  ].filter(Boolean);
  return parts.length ? <span className="visually-hidden">Word differences: {parts.join("; ")}.</span> : null;
}
