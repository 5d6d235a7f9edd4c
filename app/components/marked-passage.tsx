import { Fragment } from "react";
import { joinSegments, marksOfSegment, type TextMark } from "@/lib/diff/text-marks";
import { MarkedText } from "./marked-text";
import type { PassageSegment } from "./passage";

/**
 * Like Passage (consecutive segments of one block stay one heading, paragraph or quotation), with marks given
 * in the offsets of the cell's segments joined by one space (`joinSegments`).
 */
export function MarkedPassage({ segments, marks, notesHref }: { segments: PassageSegment[]; marks: TextMark[]; notesHref: string }) {
  const { starts } = joinSegments(segments.map((segment) => segment.text));
  const blocks: { segment: PassageSegment; start: number }[][] = [];
  segments.forEach((segment, index) => {
    const current = blocks.at(-1);
    const entry = { segment, start: starts[index] };
    if (current && current[0].segment.paragraph === segment.paragraph) current.push(entry);
    else blocks.push([entry]);
  });
  return (
    <>
      {blocks.map((block) => {
        const first = block[0].segment;
        const content = block.map(({ segment, start }, index) => (
          <Fragment key={segment.id}>
            {index > 0 ? " " : null}
            <span className="segment" data-segment-id={segment.id}>
              <MarkedText text={segment.text} marks={marksOfSegment(marks, start, segment.text.length)} notesHref={notesHref} />
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
