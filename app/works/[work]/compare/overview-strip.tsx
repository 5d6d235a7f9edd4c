"use client";

import { useMemo, useSyncExternalStore } from "react";
import { unpackOverviewMarks, type OverviewMark } from "@/lib/diff/overview";
import { pageOfRow } from "@/lib/diff/view-params";

const subscribeToNothing = () => () => {};

const LEVEL_WORD = ["no divergence", "low divergence", "medium divergence", "high divergence"];

function describe(mark: OverviewMark): string {
  const rows = mark.from === mark.to ? `Row ${mark.from}` : `Rows ${mark.from}–${mark.to}`;
  const level = mark.level === null ? "signals not computed yet" : `${LEVEL_WORD[mark.level]} (${mark.score!.toFixed(2)})`;
  const parts = [level];
  if (mark.missingAnchors) parts.push(`${mark.missingAnchors} missing anchor${mark.missingAnchors === 1 ? "" : "s"}`);
  if (mark.variants) parts.push(`${mark.variants} recorded variant${mark.variants === 1 ? "" : "s"}`);
  return `${rows}: ${parts.join(", ")}`;
}

/**
 * The whole work at a glance: one mark per row (or run of rows), coloured by divergence, with a dot for
 * recorded variants. Each mark is a link (named by its title): click it, or focus it and press Enter, to jump to its
 * row — on this page by its anchor, else on the page of rows that holds it (`pageQueries`, one per page). Drawn
 * in the browser only, from packed numbers (`packOverviewMarks`), so a long work's strip costs the page a few bytes a
 * mark and is not in its HTML a second time.
 */
export function OverviewStrip({ marks, page, pageSize, pageQueries }: { marks: number[]; page: number; pageSize: number; pageQueries: string[] }) {
  const shown = useMemo(() => unpackOverviewMarks(marks), [marks]);
  const inBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const hrefOf = (row: number) => {
    const rowPage = pageOfRow(row, pageSize);
    return rowPage === page ? `#r${row}` : `${pageQueries[rowPage - 1]}#r${row}`;
  };
  return (
    <nav className="overview" aria-label="Overview of the work">
      <p className="overview-title" aria-hidden="true">
        Overview
      </p>
      <ol className="overview-marks">
        {(inBrowser ? shown : []).map((mark) => (
          <li key={mark.from}>
            <a href={hrefOf(mark.target)} className={`overview-mark level-${mark.level ?? "pending"}${mark.variants ? " has-variants" : ""}`} title={describe(mark)} />
          </li>
        ))}
      </ol>
      <dl className="overview-legend">
        <dt>
          <span className="overview-swatch level-0" />
        </dt>
        <dd>none</dd>
        <dt>
          <span className="overview-swatch level-1" />
        </dt>
        <dd>low</dd>
        <dt>
          <span className="overview-swatch level-2" />
        </dt>
        <dd>medium</dd>
        <dt>
          <span className="overview-swatch level-3" />
        </dt>
        <dd>high</dd>
        <dt>
          <span className="overview-swatch has-variants" />
        </dt>
        <dd>variant</dd>
      </dl>
    </nav>
  );
}
