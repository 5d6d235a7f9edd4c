"use client";

import { useEffect, useRef, useState } from "react";
import type { EditorEdition, EditorSegment } from "@/lib/db/grid/editor-grid";
import { Modal } from "./modal";
import { SegmentPicker } from "./segment-picker";

/** The word boundary nearest the middle of a text: where a split starts. */
function middleBoundary(text: string): number {
  const middle = Math.floor(text.length / 2);
  let best = -1;
  for (const match of text.matchAll(/\s+/g)) {
    const at = match.index + match[0].length;
    if (best < 0 || Math.abs(at - middle) < Math.abs(best - middle)) best = at;
  }
  return best > 0 ? best : middle;
}

/** Splitting a segment the segmenter joined wrongly: put the cursor where the second part begins. */
export function SplitSegmentDialog({
  edition,
  segments,
  onSplit,
  onClose,
}: {
  edition: EditorEdition;
  segments: EditorSegment[];
  onSplit: (segmentId: string, offset: number) => void;
  onClose: () => void;
}) {
  const [segmentId, setSegmentId] = useState(segments[0].id);
  const text = segments.find((s) => s.id === segmentId)!.text;
  const [offset, setOffset] = useState(() => middleBoundary(segments[0].text));
  const area = useRef<HTMLTextAreaElement>(null);
  const initialOffset = useRef(offset);
  useEffect(() => {
    area.current?.setSelectionRange(initialOffset.current, initialOffset.current);
  }, []);
  const placeCaret = (at: number) => {
    setOffset(at);
    requestAnimationFrame(() => area.current?.setSelectionRange(at, at));
  };
  const valid = offset > 0 && offset < text.length && text.slice(0, offset).trim() !== "" && text.slice(offset).trim() !== "";
  return (
    <Modal title={`Split a segment (${edition.title})`} onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) onSplit(segmentId, offset);
        }}
      >
        {segments.length > 1 ? (
          <SegmentPicker
            name="split-segment"
            legend="Segment to split"
            segments={segments}
            language={edition.language}
            value={segmentId}
            onChange={(id) => {
              setSegmentId(id);
              placeCaret(middleBoundary(segments.find((s) => s.id === id)!.text));
            }}
          />
        ) : null}
        <label htmlFor="split-text">Move the cursor to where the second part begins, then press Enter</label>
        <textarea
          id="split-text"
          ref={area}
          readOnly
          rows={4}
          lang={edition.language}
          value={text}
          onSelect={(event) => setOffset(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              if (valid) onSplit(segmentId, offset);
            }
          }}
        />
        <div className="split-parts" lang={edition.language}>
          <p>
            <span className="part-label">First part:</span> {text.slice(0, offset)}
          </p>
          <p>
            <span className="part-label">Second part:</span> {text.slice(offset)}
          </p>
        </div>
        {valid ? null : (
          <p role="alert" className="error">
            Both parts need some text: put the cursor between two words.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={!valid}>
            Split the segment
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Merging a segment with the next one of its edition (a sentence the segmenter cut in two). */
export function MergeSegmentsDialog({
  edition,
  segments,
  onMerge,
  onClose,
}: {
  edition: EditorEdition;
  segments: EditorSegment[];
  onMerge: (segmentId: string) => void;
  onClose: () => void;
}) {
  const [segmentId, setSegmentId] = useState(segments[0].id);
  return (
    <Modal title={`Merge segments (${edition.title})`} onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          onMerge(segmentId);
        }}
      >
        <SegmentPicker
          name="merge-segment"
          legend="Merge this segment with the one after it"
          segments={segments}
          language={edition.language}
          value={segmentId}
          onChange={setSegmentId}
        />
        <div className="actions">
          <button type="submit" className="button">
            Merge with the next segment
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
