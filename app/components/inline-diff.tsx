import type { DiffPart } from "@/lib/diff/word-diff";
import { SegmentText } from "./segment-text";

/** A unified word diff: what the first witness has and the second lacks struck through, what the second adds underlined. */
export function InlineDiff({ parts, notesHref, fromLabel, toLabel }: { parts: DiffPart[]; notesHref: string; fromLabel: string; toLabel: string }) {
  return (
    <p className="inline-diff">
      {parts.map((part, index) => {
        const text = <SegmentText text={part.text} notesHref={notesHref} />;
        if (part.kind === "removed") {
          return (
            <del key={index} className="diff-removed" title={`only in ${fromLabel}`}>
              {text}
            </del>
          );
        }
        if (part.kind === "added") {
          return (
            <ins key={index} className="diff-added" title={`only in ${toLabel}`}>
              {text}
            </ins>
          );
        }
        return <span key={index}>{text}</span>;
      })}
    </p>
  );
}

/** What a diff that was not computed says instead. */
export function TooDifferent({ reason }: { reason: "size" | "edit-length" | "timeout" }) {
  const why = { size: "the passages are too long", "edit-length": "they differ in too many places", timeout: "it would take too long" }[reason];
  return (
    <p className="too-different" role="note">
      Too different to diff word by word ({why}).
    </p>
  );
}
