import type { ShownSignal } from "@/lib/compare/packed-rows";

const KIND_WORD: Record<string, string> = { number: "number", date: "date", month: "month", name: "name", quote: "quotation", paren: "parenthesis" };

/** The row's variant signals for the chosen editions (editions named by slug): anchors some editions lack, empty cells, unusual lengths. */
export function RowSignals({ signal }: { signal: ShownSignal }) {
  const { differences, empty, lengthOutliers } = signal;
  if (differences.length === 0 && lengthOutliers.length === 0 && !signal.hasEmptyCell) return null;
  const missing = differences.reduce((sum, difference) => sum + difference.missingIn.length, 0);
  const summary = [
    missing ? `${missing} missing` : null,
    signal.hasEmptyCell ? `${empty.length} empty` : null,
    lengthOutliers.length ? "length" : null,
  ].filter(Boolean);
  return (
    <details className="row-signals" data-missing-anchors={missing}>
      <summary>
        <span aria-hidden="true">⚑ </span>
        {summary.join(", ")}
        <span className="visually-hidden">{` — divergence ${signal.score.toFixed(2)}`}</span>
      </summary>
      <ul>
        {differences.map((difference, index) => (
          <li key={index}>{`${KIND_WORD[difference.kind] ?? difference.kind} “${difference.text}”: missing in ${difference.missingIn.join(", ")}`}</li>
        ))}
        {signal.hasEmptyCell ? <li>{`no text in ${empty.join(", ")}`}</li> : null}
        {lengthOutliers.map((pair) => (
          <li key={`${pair.a}-${pair.b}`}>{`${pair.b} is ${pair.z > 0 ? "longer" : "shorter"} than usual against ${pair.a} (z = ${pair.z.toFixed(1)})`}</li>
        ))}
        <li>{`divergence ${signal.score.toFixed(2)}`}</li>
      </ul>
    </details>
  );
}
