import type { AlignmentOverview } from "@/lib/db/alignment/alignment-overview";

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Rows, confirmed rows, the aligner's confidence, and the rows' shapes against the pivot for each edition. */
export function AlignmentStatistics({ overview }: { overview: AlignmentOverview }) {
  if (overview.rows === 0) return <p>The work has no alignment yet.</p>;
  return (
    <>
      <dl className="meta alignment-figures">
        <dt>Rows</dt>
        <dd data-figure="rows">{overview.rows}</dd>
        <dt>Confirmed rows</dt>
        <dd data-figure="confirmed">{overview.confirmed}</dd>
        <dt>Rows with the aligner&apos;s confidence</dt>
        <dd data-figure="scored">{overview.scored}</dd>
        <dt>Mean confidence</dt>
        <dd data-figure="mean">{overview.meanConfidence === null ? "—" : percent(overview.meanConfidence)}</dd>
        <dt>Lowest confidence</dt>
        <dd data-figure="min">{overview.minConfidence === null ? "—" : percent(overview.minConfidence)}</dd>
      </dl>
      {overview.pivot && overview.shapes.length > 0 ? <ShapeTable overview={overview} pivot={overview.pivot} /> : null}
    </>
  );
}

function ShapeTable({ overview, pivot }: { overview: AlignmentOverview; pivot: NonNullable<AlignmentOverview["pivot"]> }) {
  return (
    <>
      <p id="alignment-shapes-note">
        A row of shape 2-1 holds two sentences of the pivot <span lang={pivot.language}>{pivot.title}</span> ({pivot.slug}) and one of the
        edition; 1-0, a sentence the edition leaves out; 0-1, one it adds.
      </p>
      <table className="alignment-shapes" aria-describedby="alignment-shapes-note">
        <caption>Rows by shape against the pivot ({pivot.slug})</caption>
        <thead>
          <tr>
            <th scope="col">Shape</th>
            {overview.shapes.map((edition) => (
              <th key={edition.editionId} scope="col">
                {edition.slug}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.shapeOrder.map((shape) => (
            <tr key={shape} data-shape={shape}>
              <th scope="row">{shape}</th>
              {overview.shapes.map((edition) => (
                <td key={edition.editionId}>{edition.counts[shape] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
