import type { ChangeSummary } from "@/lib/db/grid/types";

/** Journal entries in a few words each: who, when, what. */
export function ChangeList({ changes }: { changes: ChangeSummary[] }) {
  return (
    <ul className="change-list">
      {changes.map((change) => (
        <li key={change.id}>
          <strong>{change.userName ?? "Someone"}</strong>, <time dateTime={change.createdAt}>{formatTime(change.createdAt)}</time>: {change.summary}
        </li>
      ))}
    </ul>
  );
}

export function formatTime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}
