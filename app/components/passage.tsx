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
 * Each segment's element names its segment (`data-segment-id`) unless `segmentIds` is false (the compare view, whose
 * word links find a segment by its place in the cell).
 */
export function Passage({
  segments,
  notesHref,
  renderText = (segment) => <SegmentText text={segment.text} notesHref={notesHref} />,
  segmentIds = true,
}: {
  segments: PassageSegment[];
  notesHref: string;
  renderText?: (segment: PassageSegment, index: number) => ReactNode;
  segmentIds?: boolean;
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
        const content = block.map(({ segment, index }, position) => (
          <Fragment key={segment.id}>
            {position > 0 ? " " : null}
            <span className="segment" data-segment-id={segmentIds ? segment.id : undefined}>
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
