import { joinSegments, marksOfSegment, type TextMark } from "@/lib/diff/text-marks";
import { markedNodes } from "./marked-text";
import { Passage, type PassageSegment } from "./passage";

/** A Passage with marks given in the offsets of the cell's segments joined by one space (`joinSegments`). */
export function MarkedPassage({ segments, marks, notesHref, bare }: { segments: PassageSegment[]; marks: TextMark[]; notesHref: string; bare?: boolean }) {
  const { starts } = joinSegments(segments.map((segment) => segment.text));
  return (
    <Passage
      segments={segments}
      notesHref={notesHref}
      bare={bare}
      renderText={(segment, index) => markedNodes(segment.text, marksOfSegment(marks, starts[index], segment.text.length), notesHref)}
    />
  );
}
