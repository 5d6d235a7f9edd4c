import { Fragment, type ReactNode } from "react";
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
 * text, one space between two of a block, one text node when they are plain text (the compare view, whose word links
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
        const texts = bare ? block.map(({ segment, index }) => renderText(segment, index)) : [];
        const content = texts.length > 0 && texts.every((text) => typeof text === "string") ? texts.join(" ") : block.map(({ segment, index }, position) => (
          <Fragment key={segment.id}>
            {position > 0 ? " " : null}
            {bare ? (
              renderText(segment, index)
            ) : (
              <span className="segment" data-segment-id={segment.id}>
                {renderText(segment, index)}
              </span>
            )}
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
