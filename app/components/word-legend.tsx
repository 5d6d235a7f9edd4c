/**
 * What the word marks mean (marked-text.tsx); each has its own line style, so colour is never the only cue. `omitted`:
 * whether the base's words left out by other editions are marked.
 */
export function WordLegend({ hint, omitted = true }: { hint?: string; omitted?: boolean }) {
  return (
    <ul className="word-legend" aria-label="Word marks">
      <li>
        <u>added</u>: no counterpart in the base edition
      </li>
      {omitted ? (
        <li>
          <u className="omitted">left out</u>: in the base, missing in another shown edition
        </li>
      ) : null}
      <li>
        <u className="weak">weak</u>: linked, but the link is weak (meaning may differ)
      </li>
      {hint ? <li>{hint}</li> : null}
    </ul>
  );
}
