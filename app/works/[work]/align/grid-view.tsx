"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { heldCell, missingText, type EditorEdition, type ShownRow } from "@/lib/db/grid/editor-grid";
import { Passage } from "@/app/components/passage";
import { ProvenanceBadges } from "@/app/components/provenance-badges";
import { useColumnWindow } from "./use-column-window";

export function cellId(rowId: string, editionId: string): string {
  return `cell-${rowId}-${editionId}`;
}

/** Above this many rows the grid renders only the rows in and near view; below it, every row (plain DOM). */
export const VIRTUALISE_ABOVE = 150;

/** Asks the grid to bring a cell into view and focus it; each new request object asks again. */
export interface FocusRequest {
  rowIndex: number;
  editionId: string;
  elementId: string;
}

interface GridViewProps {
  workSlug: string;
  workTitle: string;
  editions: EditorEdition[];
  rows: ShownRow[];
  /** Called with the first and last index of the rows in view and the editions of the columns rendered, so that their text can be fetched. */
  onRange: (first: number, last: number, editionIds: readonly string[]) => void;
  selectedRowIndex: number;
  selectedEditionId: string;
  bookmarks: ReadonlySet<string>;
  recent: ReadonlySet<string>;
  focusRequest: FocusRequest | null;
  onSelect: (rowId: string, editionId: string) => void;
}

type RowsProps = Omit<GridViewProps, "workTitle"> & {
  /** The indexes (in `editions`) of the columns rendered, and their editions' ids. */
  columns: readonly number[];
  columnIds: readonly string[];
};

/**
 * The grid as an ARIA grid: one row per alignment row, one cell per edition, with a roving tab stop on the
 * selected cell (arrow keys and j/k/h/l move it; see shortcuts.ts). Rows are memoised, so a change re-renders
 * only the rows it touched. A long grid renders only a window of rows (see VirtualRows), a wide one only the
 * columns in and near view (see useColumnWindow), each placed in its own track of the grid; aria-rowcount,
 * aria-colcount and each row's aria-rowindex and cell's aria-colindex tell assistive technology where they are
 * among all of them. Columns keep a readable width (see .align-grid in globals.css): when they do not fit, the
 * grid scrolls sideways under its sticky header and row numbers. A cell whose text has not come yet shows as loading.
 */
export function GridView({ workTitle, ...props }: GridViewProps) {
  const { editions, rows, selectedEditionId, focusRequest } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const reveal = useMemo(() => (focusRequest ? { index: editions.findIndex((e) => e.id === focusRequest.editionId) } : null), [focusRequest, editions]);
  const columns = useColumnWindow({ scrollRef, gridRef, count: editions.length, selectedIndex: editions.findIndex((e) => e.id === selectedEditionId), reveal });
  const columnIds = useMemo(() => columns.map((index) => editions[index].id), [columns, editions]);
  const rowsProps = { ...props, columns, columnIds };
  return (
    <div className="align-scroll" ref={scrollRef}>
      <div
        ref={gridRef}
        className="grid align-grid"
        role="grid"
        aria-label={`${workTitle}: alignment of ${editions.length} editions`}
        aria-rowcount={rows.length + 1}
        aria-colcount={editions.length + 1}
        style={{ "--columns": editions.length } as React.CSSProperties}
      >
        <div className="grid-head" role="row" aria-rowindex={1} ref={headRef}>
          <div role="columnheader" aria-colindex={1}>
            Row
          </div>
          {columns.map((index) => {
            const edition = editions[index];
            return (
              <div
                key={edition.id}
                role="columnheader"
                {...columnPlacement(index, columns, editions.length)}
                data-edition={edition.slug}
                className={edition.id === selectedEditionId ? "selected-column" : undefined}
              >
                <div className="column-title" lang={edition.language}>
                  {edition.title}
                </div>
                <div className="column-meta">
                  <span>{edition.language}</span>
                  <ProvenanceBadges {...edition} />
                </div>
              </div>
            );
          })}
        </div>
        {rows.length > VIRTUALISE_ABOVE ? <VirtualRows {...rowsProps} scrollRef={scrollRef} headRef={headRef} /> : <PlainRows {...rowsProps} />}
      </div>
    </div>
  );
}

/**
 * Where a column's header and cells go when only some columns are rendered: into their own track of the grid, with
 * their position among all columns for assistive technology. When every column is rendered, they simply follow.
 */
function columnPlacement(index: number, columns: readonly number[], count: number): { "aria-colindex"?: number; style?: React.CSSProperties } {
  return columns.length < count ? { "aria-colindex": index + 2, style: { gridColumn: index + 2 } } : {};
}

function rowViewOf({ workSlug, rows, editions, columns, selectedRowIndex, selectedEditionId, bookmarks, recent, onSelect }: Omit<RowsProps, "onRange">, index: number) {
  const row = rows[index];
  return {
    workSlug,
    row,
    number: index + 1,
    editions,
    columns,
    selectedEditionId: index === selectedRowIndex ? selectedEditionId : null,
    bookmarked: bookmarks.has(row.id),
    recent: recent.has(row.id),
    onSelect,
  };
}

/** Every row in the page; focusing lets the browser scroll the row into view. */
function PlainRows(props: RowsProps) {
  const { focusRequest, onRange, rows, columnIds } = props;
  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.elementId)?.focus();
  }, [focusRequest]);
  useEffect(() => {
    if (rows.some((row) => missingText(row, columnIds).length > 0)) onRange(0, rows.length - 1, columnIds);
  }, [onRange, rows, columnIds]);
  return props.rows.map((row, index) => <RowView key={row.id} {...rowViewOf(props, index)} />);
}

/**
 * Only the rows in and near view, absolutely placed in a box as tall as every row together (heights are
 * measured as rows render). The selected row is always rendered too, so the grid's tab stop and the focused
 * cell survive scrolling away; moving the selection scrolls its row into the grid's view below the sticky header,
 * and focusing its cell brings the grid itself into the window's view.
 */
function VirtualRows({ scrollRef, headRef, ...props }: RowsProps & { scrollRef: RefObject<HTMLDivElement | null>; headRef: RefObject<HTMLDivElement | null> }) {
  const { rows, selectedRowIndex, focusRequest } = props;
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return;
    const observer = new ResizeObserver(() => setHeadHeight(head.offsetHeight));
    observer.observe(head);
    setHeadHeight(head.offsetHeight);
    return () => observer.disconnect();
  }, [headRef]);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedRowIndex >= 0 && selectedRowIndex < range.count && !indexes.includes(selectedRowIndex)) {
        indexes.push(selectedRowIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [selectedRowIndex],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 8,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    getItemKey: (index) => rows[index].id,
    rangeExtractor,
  });
  useEffect(() => {
    if (!focusRequest) return;
    virtualizer.scrollToIndex(focusRequest.rowIndex, { align: "auto" });
    document.getElementById(focusRequest.elementId)?.focus();
  }, [focusRequest, virtualizer]);
  const items = virtualizer.getVirtualItems();
  // The rows in view, without the selected row kept rendered far from them.
  const inView = items.filter((item) => item.index !== selectedRowIndex);
  const first = inView[0]?.index ?? selectedRowIndex;
  const last = inView.at(-1)?.index ?? selectedRowIndex;
  const { onRange, columnIds } = props;
  const missing = rows.slice(first, last + 1).some((row) => missingText(row, columnIds).length > 0);
  useEffect(() => {
    if (missing) onRange(first, last, columnIds);
  }, [first, last, missing, onRange, columnIds]);
  return (
    <div role="rowgroup" style={{ position: "relative", height: virtualizer.getTotalSize() }}>
      {items.map((item) => (
        <RowView key={item.key} {...rowViewOf(props, item.index)} top={item.start - headHeight} measure={virtualizer.measureElement} />
      ))}
    </div>
  );
}

/** A row of one short sentence per edition; rows are measured once rendered, so this only guides the first layout. */
const ESTIMATED_ROW_HEIGHT = 72;

interface RowViewProps {
  workSlug: string;
  row: ShownRow;
  number: number;
  editions: EditorEdition[];
  columns: readonly number[];
  selectedEditionId: string | null;
  bookmarked: boolean;
  recent: boolean;
  onSelect: (rowId: string, editionId: string) => void;
  /** In a windowed grid: where the row is placed, and the callback that measures its height. */
  top?: number;
  measure?: (element: HTMLElement | null) => void;
}

const RowView = memo(function RowView({ workSlug, row, number, editions, columns, selectedEditionId, bookmarked, recent, onSelect, top, measure }: RowViewProps) {
  const classes = ["grid-row", row.status === "confirmed" ? "confirmed" : "", selectedEditionId !== null ? "selected" : "", recent ? "recent" : ""];
  const placed: React.CSSProperties | undefined =
    top === undefined ? undefined : { position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${top}px)`, contentVisibility: "visible" };
  return (
    <div
      ref={measure}
      className={classes.filter(Boolean).join(" ")}
      role="row"
      aria-rowindex={number + 1}
      data-row-id={row.id}
      data-row-number={number}
      data-index={measure ? number - 1 : undefined}
      style={placed}
    >
      <div className="row-number" role="rowheader" aria-colindex={1}>
        <span className="row-label">
          <span className="visually-hidden">Row </span>
          {number}
        </span>
        <span className="row-status" data-status={row.status}>
          {row.status === "confirmed" ? "✓ confirmed" : row.confidence !== null ? `${Math.round(row.confidence * 100)}%` : "hand-made"}
        </span>
        {bookmarked ? (
          <span className="row-bookmark" title="Bookmarked">
            ★<span className="visually-hidden"> bookmarked</span>
          </span>
        ) : null}
        <a className="row-history" href={`/works/${encodeURIComponent(workSlug)}/rows/${row.id}`} tabIndex={-1}>
          history<span className="visually-hidden"> of row {number}</span>
        </a>
      </div>
      <RowCells workSlug={workSlug} row={row} editions={editions} columns={columns} selectedEditionId={selectedEditionId} onSelect={onSelect} />
    </div>
  );
});

/** The row's cells in the columns rendered, apart from its number: rows below a merge or split get new numbers but keep their cells. */
const RowCells = memo(function RowCells({
  workSlug,
  row,
  editions,
  columns,
  selectedEditionId,
  onSelect,
}: Pick<RowViewProps, "workSlug" | "row" | "editions" | "columns" | "selectedEditionId" | "onSelect">) {
  return columns.map((index) => {
    const edition = editions[index];
    const segments = heldCell(row, edition.id);
    const size = row.sizes[edition.id] ?? 0;
    const selected = selectedEditionId === edition.id;
    return (
      <div
        key={edition.id}
        id={cellId(row.id, edition.id)}
        role="gridcell"
        {...columnPlacement(index, columns, editions.length)}
        aria-selected={selected}
        tabIndex={selected ? 0 : -1}
        lang={edition.language}
        className={size > 0 ? "cell" : "cell empty"}
        data-edition={edition.slug}
        data-segments={size}
        aria-busy={segments === null ? true : undefined}
        onFocus={() => onSelect(row.id, edition.id)}
        onClick={() => onSelect(row.id, edition.id)}
      >
        {segments !== null && segments.length > 0 ? (
          <Passage segments={segments} notesHref={`/works/${encodeURIComponent(workSlug)}/editions/${edition.slug}`} />
        ) : segments === null ? (
          <span className="cell-loading">Loading…</span>
        ) : (
          <span className="visually-hidden">No text in this edition</span>
        )}
      </div>
    );
  });
});
