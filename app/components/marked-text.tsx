import { Fragment, type ReactNode } from "react";
import { markPieces, marksOfSegment, type TextMark } from "@/lib/diff/text-marks";
import { splitNoteRefs } from "@/lib/text/note-refs";

/**
 * Wraps a piece of text in the elements its marks stand for: deletions and insertions of a diff, anchors, search hits.
 * A mark cut into pieces by other marks gives its label (a tooltip) to its first piece only.
 */
function wrap(text: string, start: number, marks: TextMark[]): ReactNode {
  let node: ReactNode = text;
  for (const mark of [...marks].sort((a, b) => KIND_ORDER.indexOf(b.kind) - KIND_ORDER.indexOf(a.kind))) {
    switch (mark.kind) {
      case "removed":
        node = <del className="diff-removed">{node}</del>;
        break;
      case "added":
        node = <ins className="diff-added">{node}</ins>;
        break;
      case "anchor-differs":
        node = (
          <mark className="anchor differs" title={mark.start === start ? mark.label : undefined}>
            {node}
          </mark>
        );
        break;
      case "anchor":
        node = <mark className="anchor">{node}</mark>;
        break;
      case "hit":
        node = <mark className="hit">{node}</mark>;
        break;
      case "word-added":
      case "word-omitted":
      case "word-weak":
        node = (
          <span className={mark.kind} title={mark.start === start ? mark.label : undefined}>
            {node}
          </span>
        );
        break;
    }
  }
  return node;
}

/** Outermost first. */
const KIND_ORDER = ["removed", "added", "word-omitted", "word-added", "word-weak", "anchor-differs", "anchor", "hit"];

/**
 * A segment's text with marks (offsets into the text) and its note references as superscript links. A
 * differing anchor is followed by its label for screen readers, who cannot see the highlight.
 */
export function MarkedText({ text, marks, notesHref }: { text: string; marks: TextMark[]; notesHref: string }) {
  const parts = splitNoteRefs(text);
  const starts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    starts.push(offset);
    offset += part.kind === "note" ? part.label.length + 3 : part.text.length;
  }
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === "note") {
          return (
            <sup key={index} className="note-ref">
              <a href={`${notesHref}#n${part.label}`} aria-label={`note ${part.label}`}>
                {part.label}
              </a>
            </sup>
          );
        }
        const pieces = markPieces(part.text, marksOfSegment(marks, starts[index], part.text.length));
        return (
          <Fragment key={index}>
            {pieces.map((piece) => {
              const label = piece.marks.find((mark) => mark.kind === "anchor-differs" && piece.start + piece.text.length === mark.end)?.label;
              return (
                <Fragment key={piece.start}>
                  {wrap(piece.text, piece.start, piece.marks)}
                  {label ? <span className="visually-hidden"> ({label})</span> : null}
                </Fragment>
              );
            })}
          </Fragment>
        );
      })}
    </>
  );
}
