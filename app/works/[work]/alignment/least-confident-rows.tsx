import Link from "next/link";
import type { UncertainRow } from "@/lib/db/alignment/alignment-overview";
import { percent } from "./alignment-statistics";

/** The automatic rows the aligner is least sure of, least sure first, each linked to its row in the compare view. */
export function LeastConfidentRows({ workSlug, rows }: { workSlug: string; rows: UncertainRow[] }) {
  if (rows.length === 0) return <p>No automatic rows with a confidence: nothing to check here.</p>;
  return (
    <table className="alignment-uncertain">
      <caption className="visually-hidden">Automatic rows, least confident first</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Confidence</th>
          <th scope="col">Status</th>
          <th scope="col">Text</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-row-id={row.id}>
            <td>
              <Link href={`/works/${workSlug}/compare#r${row.number}`}>Row {row.number}</Link>
            </td>
            <td>{percent(row.confidence)}</td>
            <td>{row.status}</td>
            <td className="text">{row.preview ? <span lang={row.preview.language}>{row.preview.text}</span> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
