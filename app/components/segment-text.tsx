import { splitNoteRefs } from "@/lib/text/note-refs";

/** A segment's text with its note references as superscript links to the edition's apparatus. */
export function SegmentText({ text, notesHref }: { text: string; notesHref: string }) {
  return (
    <>
      {splitNoteRefs(text).map((part, index) =>
        part.kind === "text" ? (
          part.text
        ) : (
          <sup key={index} className="note-ref">
            <a href={`${notesHref}#n${part.label}`} aria-label={`note ${part.label}`}>
              {part.label}
            </a>
          </sup>
        ),
      )}
    </>
  );
}
