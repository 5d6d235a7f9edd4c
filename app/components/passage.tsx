import { Children, Fragment, type ReactNode } from "react";
import { SegmentText } from "./segment-text";

export interface PassageSegment {
  id: string;
  text: string;
  kind: "heading" | "paragraph" | "blockquote" | "dateline" | "note";
  paragraph: number;
  headingLevel: number | null;
}

/**
 * Segments shown in their original form: consecutive segments of one block stay one heading, paragraph or quotation.
 * `renderText` draws a segment's text (by default with its note references linked); `index` counts over all segments.
 * Each segment is an element that names its segment (`data-segment-id`), unless `bare`: then the segments are plain
 * text, one space between two of a block, adjacent texts joined into one text node (the compare view, whose word links
 * find a word by its offset in the cell's segments joined by one space, block after block).
 */
export function Passage({
  segments,
  notesHref,
  renderText = (segment) => (segment.text.includes("[^") ? <SegmentText text={segment.text} notesHref={notesHref} /> : segment.text),
  bare = false,
}: {
  segments: PassageSegment[];
  notesHref: string;
  renderText?: (segment: PassageSegment, index: number) => ReactNode;
  bare?: boolean;
}) {
  const blocks: { segment: PassageSegment; index: number }[][] = [];
  segments.forEach((segment, index) => {
    const current = blocks.at(-1);
    if (current && current[0].segment.paragraph === segment.paragraph) current.push({ segment, index });
    else blocks.push([{ segment, index }]);
  });
  return (
    <>
      {blocks.map((block) => {
        const first = block[0].segment;
        const content = bare
          ? joinText(block.flatMap(({ segment, index }, position) => [position > 0 ? " " : null, renderText(segment, index)]))
          : block.map(({ segment, index }, position) => (
              <Fragment key={segment.id}>
                {position > 0 ? " " : null}
                <span className="segment" data-segment-id={segment.id}>
                  {renderText(segment, index)}
                </span>
              </Fragment>
            ));
        switch (first.kind) {
          case "heading":
            return first.headingLevel === 2 ? <h3 key={first.id}>{content}</h3> : <h2 key={first.id}>{content}</h2>;
          case "blockquote":
            return (
              <blockquote key={first.id}>
                <p>{content}</p>
              </blockquote>
            );
          case "dateline":
            return (
              <p key={first.id} className="dateline">
                {content}
              </p>
            );
          default:
            return <p key={first.id}>{content}</p>;
        }
      })}
    </>
  );
}

/** Nodes flattened (`renderText` may give a list), with each run of adjacent texts joined into one. */
function joinText(nodes: ReactNode[]): ReactNode[] {
  const joined: ReactNode[] = [];
  for (const node of Children.toArray(nodes)) {
    const last = joined.length - 1;
    if (typeof node === "string" && typeof joined[last] === "string") joined[last] += node;
    else joined.push(node);
  }
  return joined;
}
