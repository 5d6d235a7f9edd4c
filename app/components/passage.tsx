import { Fragment } from "react";
import { SegmentText } from "./segment-text";

export interface PassageSegment {
  id: string;
  text: string;
  kind: "heading" | "paragraph" | "blockquote" | "dateline" | "note";
  paragraph: number;
  headingLevel: number | null;
}

/** Segments shown in their original form: consecutive segments of one block stay one heading, paragraph or quotation. */
export function Passage({ segments, notesHref }: { segments: PassageSegment[]; notesHref: string }) {
  const blocks: PassageSegment[][] = [];
  for (const segment of segments) {
    const current = blocks.at(-1);
    if (current && current[0].paragraph === segment.paragraph) current.push(segment);
    else blocks.push([segment]);
  }
  return (
    <>
      {blocks.map((block) => {
        const first = block[0];
        const content = block.map((segment, index) => (
          <Fragment key={segment.id}>
            {index > 0 ? " " : null}
            <span className="segment" data-segment-id={segment.id}>
              <SegmentText text={segment.text} notesHref={notesHref} />
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
