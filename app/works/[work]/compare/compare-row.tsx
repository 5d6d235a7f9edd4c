"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { InlineDiff, TooDifferent } from "@/app/components/inline-diff";
import { MarkedPassage } from "@/app/components/marked-passage";
import { Passage } from "@/app/components/passage";
import { WordSummary } from "@/app/components/word-summary";
import { takeHtmlOnly } from "@/lib/compare/html-only";
import { unpackRows, type PackedRow, type ShownCell, type ShownRow } from "@/lib/compare/packed-rows";
import { CompareHead, type HeadColumn } from "./compare-head";
import { RowSignals } from "./row-signals";

/** The table's head and its page of rows, packed on the server (lib/compare/packed-rows.ts). */
export interface CompareTable {
  head: HeadColumn[];
  rows: PackedRow[];
}

interface RowsProps {
  /** The table, when the payload carries it. */
  table?: CompareTable;
  /** Or the token under which the server render finds it (lib/compare/html-only.ts): then it is in the HTML only. */
  token?: string;
  /** The shown editions, in column order. */
  columns: { slug: string; language: string }[];
  workSlug: string;
  /** Whether the reader may record variants (then each row's tools link carries the row's id). */
  recordable: boolean;
  pairLabels: [string, string] | null;
}

/**
 * The compare view's table: its head and its rows. On the page's first load they are drawn by the server render only
 * and kept as drawn in the browser (they are not in the page a second time as props); after a refresh or a
 * client-side navigation they come as packed props and are drawn here. Either way the rows are plain markup that does nothing by itself: the
 * row tools (row-tools.tsx) and word links (word-links.tsx) act on it from outside, by event delegation.
 */
export function CompareRows({ table, token, columns, workSlug, recordable, pairLabels }: RowsProps) {
  const router = useRouter();
  const [handedOver] = useState(() => (token ? takeHtmlOnly<CompareTable>(token) : undefined));
  const drawn = table ?? handedOver;
  const shown = useMemo(() => (drawn ? unpackRows(drawn.rows) : null), [drawn]);
  const body = useRef<HTMLDivElement>(null);

  /* The rows came without the server render that draws them (the page came back from the client router's cache, or
   * a browser that does not say what it fetches): ask the server for them as props, then, if that fails too, reload
   * the page once. */
  const refreshed = useRef(false);
  useEffect(() => {
    if (shown) refreshed.current = false;
    if (shown || token === undefined || (body.current?.childElementCount ?? 0) > 0) return;
    if (!refreshed.current) {
      refreshed.current = true;
      router.refresh();
    } else reloadOnce();
  }, [shown, token, router]);

  /* Cells with text are reached by Tab, for word mode (rows are focused by focus-row.ts). */
  useEffect(() => {
    const box = body.current;
    if (!box) return;
    for (const cell of box.querySelectorAll<HTMLElement>("[role='cell']:not(.empty)")) cell.tabIndex = 0;
  }, [shown]);

  return drawn && shown ? (
    <div key="drawn" ref={body} className="grid-body">
      <CompareHead columns={drawn.head} />
      <div role="rowgroup">
        {shown.map((row) => (
          <CompareRowView key={row.id} row={row} columns={columns} workSlug={workSlug} recordable={recordable} pairLabels={pairLabels} />
        ))}
      </div>
    </div>
  ) : (
    <div key={`kept-${token}`} ref={body} className="grid-body" dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />
  );
}

/** Reloads the page, unless it was reloaded for this a moment ago (no loop when the server render keeps failing). */
function reloadOnce(): void {
  const key = "hexapla:compare-rows-reloaded";
  if (Date.now() - Number(sessionStorage.getItem(key) ?? 0) < 10_000) return;
  sessionStorage.setItem(key, String(Date.now()));
  window.location.reload();
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
    <MarkedPassage segments={cell.segments} marks={cell.marks} notesHref={notesHref} bare />
  ) : (
    <Passage segments={cell.segments} notesHref={notesHref} bare />
  );
}

interface RowProps {
  row: ShownRow;
  columns: RowsProps["columns"];
  workSlug: string;
  recordable: boolean;
  pairLabels: [string, string] | null;
}

/**
 * One row. Its number links to it (#r6) and opens its tools (row-tools.tsx); the row's id travels only when the reader
 * may record a variant on it. Its links are relative to the page (/works/<work>/compare), so "variants?row=6" is the
 * work's /works/<work>/variants?row=6: shorter than absolute paths repeated on every row. Its margin (the rowheader:
 * number, status, signals, word divergence) carries no classes, being on every row: globals.css styles it by place.
 */
function CompareRowView({ row, columns, workSlug, recordable, pairLabels }: RowProps) {
  return (
    <div id={`r${row.number}`} className="grid-row" role="row">
      <div role="rowheader">
        <a href={`#r${row.number}`} aria-label={`Row ${row.number}`} data-row={recordable ? row.id : undefined}>
          {row.number}
        </a>
        {row.statusLabel ? <span>{row.statusLabel}</span> : null}
        {row.signal ? <RowSignals signal={row.signal} /> : null}
        <WordDivergence row={row} columns={columns} />
        {row.variants > 0 ? (
          <a className="row-variants" href={`variants?row=${row.number}`}>
            {`${row.variants} variant${row.variants === 1 ? "" : "s"}`}
          </a>
        ) : null}
      </div>
      {row.cells.map((cell, index) => (
        <div key={columns[index].slug} role="cell" className={cell.segments.length ? undefined : "empty"} lang={columns[index].language}>
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
  const figures = row.cells.flatMap((cell, index) => (cell.divergence === undefined ? [] : [`${columns[index].slug} ${cell.divergence}%`]));
  if (figures.length === 0 && !row.linksConfirmed && !row.linksDropped) return null;
  return (
    <ul>
      {figures.map((figure) => (
        <li key={figure}>{figure}</li>
      ))}
      {row.linksConfirmed ? <li className="links-confirmed">links checked</li> : null}
      {row.linksDropped ? <li className="links-dropped">{`${row.linksDropped} link${row.linksDropped === 1 ? "" : "s"} dropped (words changed)`}</li> : null}
    </ul>
  );
}
