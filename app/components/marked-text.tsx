import { Fragment, type ReactNode } from "react";
import { markPieces, marksOfSegment, type TextMark } from "@/lib/diff/text-marks";
import { splitNoteRefs } from "@/lib/text/note-refs";

/**
 * Wraps a piece of text in the elements its marks stand for: deletions and insertions of a diff, word differences,
 * anchors, search hits.
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
          <u className={WORD_MARK_CLASS[mark.kind]} title={mark.start === start ? mark.label : undefined}>
            {node}
          </u>
        );
        break;
    }
  }
  return node;
}

/**
 * Word differences across languages are u elements (an annotation drawn on the text, here: this word has no
 * counterpart, or a weak one), the most frequent kind without a class: the compare view draws hundreds on a page.
 */
const WORD_MARK_CLASS = { "word-added": undefined, "word-omitted": "omitted", "word-weak": "weak" } as const;

/** Outermost first. */
const KIND_ORDER = ["removed", "added", "word-omitted", "word-added", "word-weak", "anchor-differs", "anchor", "hit"];

/**
 * A segment's text with marks (offsets into the text) and its note references as superscript links, as a flat list of
 * strings and keyed elements (a caller may join its text with its neighbours'). A differing anchor is followed by its
 * label for screen readers, who cannot see the highlight.
 */
export function markedNodes(text: string, marks: TextMark[], notesHref: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let offset = 0;
  for (const part of splitNoteRefs(text)) {
    const start = offset;
    if (part.kind === "note") {
      offset += part.label.length + 3;
      nodes.push(
        <sup key={`n${start}`} className="note-ref">
          <a href={`${notesHref}#n${part.label}`} aria-label={`note ${part.label}`}>
            {part.label}
          </a>
        </sup>,
      );
      continue;
    }
    offset += part.text.length;
    for (const piece of markPieces(part.text, marksOfSegment(marks, start, part.text.length))) {
      const wrapped = wrap(piece.text, piece.start, piece.marks);
      nodes.push(typeof wrapped === "string" ? wrapped : <Fragment key={start + piece.start}>{wrapped}</Fragment>);
      const label = piece.marks.find((mark) => mark.kind === "anchor-differs" && piece.start + piece.text.length === mark.end)?.label;
      if (label) nodes.push(<span key={`l${start + piece.start}`} className="visually-hidden">{` (${label})`}</span>);
    }
  }
  return nodes;
}

/** `markedNodes` as a component. */
export function MarkedText({ text, marks, notesHref }: { text: string; marks: TextMark[]; notesHref: string }) {
  return <>{markedNodes(text, marks, notesHref)}</>;
}
