"use client";

import { memo } from "react";
import type { EditorEdition, EditorRow } from "@/lib/db/grid/editor-grid";
import { Passage } from "@/app/components/passage";
import { ProvenanceBadges } from "@/app/components/provenance-badges";

export function cellId(rowId: string, editionId: string): string {
  return `cell-${rowId}-${editionId}`;
}

interface GridViewProps {
  workSlug: string;
  workTitle: string;
  editions: EditorEdition[];
  rows: EditorRow[];
  selectedRowId: string | null;
  selectedEditionId: string;
  bookmarks: ReadonlySet<string>;
  recent: ReadonlySet<string>;
  onSelect: (rowId: string, editionId: string) => void;
}

/**
 * The grid as an ARIA grid: one row per alignment row, one cell per edition, with a roving tab stop on the
 * selected cell (arrow keys and j/k/h/l move it; see shortcuts.ts). Rows are memoised, so a change re-renders
 * only the rows it touched.
 */
export function GridView({ workSlug, workTitle, editions, rows, selectedRowId, selectedEditionId, bookmarks, recent, onSelect }: GridViewProps) {
  return (
    <div className="align-scroll">
      <div
        className="grid align-grid"
        role="grid"
        aria-label={`${workTitle}: alignment of ${editions.length} editions`}
        aria-rowcount={rows.length + 1}
        aria-colcount={editions.length + 1}
        style={{ "--columns": editions.length } as React.CSSProperties}
      >
        <div className="grid-head" role="row" aria-rowindex={1}>
          <div role="columnheader">Row</div>
          {editions.map((edition) => (
            <div key={edition.id} role="columnheader" data-edition={edition.slug} className={edition.id === selectedEditionId ? "selected-column" : undefined}>
              <div className="column-title" lang={edition.language}>
                {edition.title}
              </div>
              <div className="column-meta">
                <span>{edition.language}</span>
                <ProvenanceBadges provenance={edition.provenance} isOriginal={edition.isOriginal} />
              </div>
            </div>
          ))}
        </div>
        {rows.map((row, index) => (
          <RowView
            key={row.id}
            workSlug={workSlug}
            row={row}
            number={index + 1}
            editions={editions}
            selectedEditionId={row.id === selectedRowId ? selectedEditionId : null}
            bookmarked={bookmarks.has(row.id)}
            recent={recent.has(row.id)}
            onSelect={onSelect}
          />
        ))}
      </div>
    </div>
  );
}

interface RowViewProps {
  workSlug: string;
  row: EditorRow;
  number: number;
  editions: EditorEdition[];
  selectedEditionId: string | null;
  bookmarked: boolean;
  recent: boolean;
  onSelect: (rowId: string, editionId: string) => void;
}

const RowView = memo(function RowView({ workSlug, row, number, editions, selectedEditionId, bookmarked, recent, onSelect }: RowViewProps) {
  const classes = ["grid-row", row.status === "confirmed" ? "confirmed" : "", selectedEditionId !== null ? "selected" : "", recent ? "recent" : ""];
  return (
    <div className={classes.filter(Boolean).join(" ")} role="row" aria-rowindex={number + 1} data-row-id={row.id} data-row-number={number}>
      <div className="row-number" role="rowheader">
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
      <RowCells workSlug={workSlug} row={row} editions={editions} selectedEditionId={selectedEditionId} onSelect={onSelect} />
    </div>
  );
});

/** The row's cells, apart from its number: rows below a merge or split get new numbers but keep their cells. */
const RowCells = memo(function RowCells({
  workSlug,
  row,
  editions,
  selectedEditionId,
  onSelect,
}: Pick<RowViewProps, "workSlug" | "row" | "editions" | "selectedEditionId" | "onSelect">) {
  return editions.map((edition) => {
    const segments = row.cells[edition.id] ?? [];
    const selected = selectedEditionId === edition.id;
    return (
      <div
        key={edition.id}
        id={cellId(row.id, edition.id)}
        role="gridcell"
        aria-selected={selected}
        tabIndex={selected ? 0 : -1}
        lang={edition.language}
        className={segments.length > 0 ? "cell" : "cell empty"}
        data-edition={edition.slug}
        data-segments={segments.length}
        onFocus={() => onSelect(row.id, edition.id)}
        onClick={() => onSelect(row.id, edition.id)}
      >
        {segments.length > 0 ? (
          <Passage segments={segments} notesHref={`/works/${encodeURIComponent(workSlug)}/editions/${edition.slug}`} />
        ) : (
          <span className="visually-hidden">No text in this edition</span>
        )}
      </div>
    );
  });
});
