import type { OverviewMark } from "@/lib/diff/overview";

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
 * recorded variants. Each mark is a link: click it, or focus it and press Enter, to jump to its row.
 */
export function OverviewStrip({ marks, hrefOf }: { marks: OverviewMark[]; hrefOf: (rowNumber: number) => string }) {
  return (
    <nav className="overview" aria-label="Overview of the work">
      <p className="overview-title" aria-hidden="true">
        Overview
      </p>
      <ol className="overview-marks">
        {marks.map((mark) => (
          <li key={mark.from}>
            <a
              href={hrefOf(mark.target)}
              className={`overview-mark level-${mark.level ?? "pending"}${mark.variants ? " has-variants" : ""}`}
              aria-label={describe(mark)}
              title={describe(mark)}
              data-row={mark.target}
            />
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
