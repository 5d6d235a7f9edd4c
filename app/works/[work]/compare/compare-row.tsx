"use client";

import { useMemo } from "react";
import { InlineDiff, TooDifferent } from "@/app/components/inline-diff";
import { MarkedPassage } from "@/app/components/marked-passage";
import { Passage } from "@/app/components/passage";
import { unpackRows, type PackedRow, type ShownCell, type ShownRow } from "@/lib/compare/packed-rows";
import { CitePassage } from "./cite-passage";
import { RecordVariant, type VariantFormEdition } from "./record-variant";
import { RowSignals } from "./row-signals";

interface RowsProps {
  /** The page's rows, packed on the server (lib/compare/packed-rows.ts). */
  rows: PackedRow[];
  /** The shown editions, in column order. */
  columns: { slug: string; language: string }[];
  workSlug: string;
  /** Editions a variant can be recorded for (the chosen ones); null when the reader may not record. */
  recordable: VariantFormEdition[] | null;
  pairLabels: [string, string] | null;
}

/** The compare view's rows: one client component for the page, so its payload is the packed rows, not a tree per row. */
export function CompareRows({ rows, columns, workSlug, recordable, pairLabels }: RowsProps) {
  const shown = useMemo(() => unpackRows(rows), [rows]);
  const slugs = useMemo(() => columns.map((column) => column.slug), [columns]);
  return shown.map((row) => <CompareRowView key={row.id} row={row} columns={columns} slugs={slugs} workSlug={workSlug} recordable={recordable} pairLabels={pairLabels} />);
}

function CellContent({ cell, notesHref, pairLabels }: { cell: ShownCell; notesHref: string; pairLabels: [string, string] | null }) {
  if (cell.segments.length === 0) return <span className="visually-hidden">No text in this edition</span>;
  if (cell.inline && pairLabels) {
    return (
      <>
        <p className="diff-caption">{`Inline diff: ${pairLabels[0]} → ${pairLabels[1]}`}</p>
        <InlineDiff parts={cell.inline} notesHref={notesHref} fromLabel={pairLabels[0]} toLabel={pairLabels[1]} />
      </>
    );
  }
  return cell.marks.length > 0 ? (
    <MarkedPassage segments={cell.segments} marks={cell.marks} notesHref={notesHref} segmentIds={false} />
  ) : (
    <Passage segments={cell.segments} notesHref={notesHref} segmentIds={false} />
  );
}

interface RowProps extends Omit<RowsProps, "rows"> {
  row: ShownRow;
  slugs: string[];
}

/**
 * One row. Its tools are plain links relative to the page (/works/<work>/compare), so "diff/6" is the work's
 * /works/<work>/diff/6: shorter than absolute paths repeated on every row, and not prefetched row by row as
 * next/link would.
 */
function CompareRowView({ row, columns, slugs, workSlug, recordable, pairLabels }: RowProps) {
  return (
    <div id={`r${row.number}`} className="grid-row" role="row" data-row-id={row.id} tabIndex={-1}>
      <div className="row-number" role="rowheader">
        <a href={`#r${row.number}`} aria-label={`Row ${row.number}, link`}>
          {row.number}
        </a>
        <span className="row-status">{row.statusLabel}</span>
        {row.signal ? <RowSignals signal={row.signal} /> : null}
        <WordDivergence row={row} columns={columns} />
        {row.variants > 0 ? (
          <a className="row-variants" href={`variants?row=${row.number}`}>
            {`${row.variants} variant${row.variants === 1 ? "" : "s"}`}
          </a>
        ) : null}
        <span className="row-tools">
          <a href={`diff/${row.number}`}>
            History<span className="visually-hidden">{` and word diffs of row ${row.number}`}</span>
          </a>
          <a href={`rows/${row.id}/all`}>
            All editions<span className="visually-hidden">{` of row ${row.number}`}</span>
          </a>
          <a href={`rows/${row.id}#row-words`}>
            Word links<span className="visually-hidden">{` of row ${row.number}`}</span>
          </a>
          <CitePassage workSlug={workSlug} rowNumber={row.number} editions={slugs} />
          {recordable ? <RecordVariant workSlug={workSlug} rowId={row.id} rowNumber={row.number} editions={recordable} /> : null}
        </span>
      </div>
      {row.cells.map((cell, index) => (
        <div
          key={columns[index].slug}
          role="cell"
          className={cell.segments.length ? "cell" : "cell empty"}
          lang={columns[index].language}
          data-edition={columns[index].slug}
          tabIndex={cell.segments.length ? 0 : undefined}
        >
          <CellContent cell={cell} notesHref={`/works/${workSlug}/editions/${columns[index].slug}`} pairLabels={pairLabels} />
          {cell.tooDifferent ? <TooDifferent reason={cell.tooDifferent} /> : null}
          <WordSummary words={cell.words} />
          {cell.missing.length > 0 && cell.segments.length > 0 ? (
            <p className="missing-anchors" lang="en">{`Missing here: ${cell.missing.map((text) => `“${text}”`).join(", ")}`}</p>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** Each edition's word-level divergence from the base in this row, and what editors did with its links. */
function WordDivergence({ row, columns }: { row: ShownRow; columns: RowsProps["columns"] }) {
  const figures = row.cells.flatMap((cell, index) => (cell.divergence === undefined ? [] : [{ slug: columns[index].slug, percent: cell.divergence }]));
  if (figures.length === 0 && !row.linksConfirmed && !row.linksDropped) return null;
  return (
    <div className="word-divergence">
      {figures.length > 0 ? (
        <ul aria-label="Word divergence from the base edition">
          {figures.map(({ slug, percent }) => (
            <li key={slug} data-edition={slug}>{`${slug} ${percent}%`}</li>
          ))}
        </ul>
      ) : null}
      {row.linksConfirmed ? <span className="links-confirmed">links checked</span> : null}
      {row.linksDropped ? <span className="links-dropped">{`${row.linksDropped} link${row.linksDropped === 1 ? "" : "s"} dropped (words changed)`}</span> : null}
    </div>
  );
}

/** What the word marks of a cell say, for readers who cannot see them. */
function WordSummary({ words }: { words: ShownCell["words"] }) {
  const parts = [
    words.added ? `${words.added} word${words.added === 1 ? "" : "s"} without counterpart in the base` : null,
    words.weak ? `${words.weak} weak link${words.weak === 1 ? "" : "s"}` : null,
    words.omitted ? `${words.omitted} word${words.omitted === 1 ? "" : "s"} left out by other editions` : null,
  ].filter(Boolean);
  return parts.length ? <span className="visually-hidden">{`Word differences: ${parts.join("; ")}.`}</span> : null;
}
