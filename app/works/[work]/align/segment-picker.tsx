"use client";

import type { EditorSegment } from "@/lib/db/grid/editor-grid";

/** Radio buttons choosing one of a cell's segments, each shown with its text. */
export function SegmentPicker({
  name,
  legend,
  segments,
  language,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  segments: EditorSegment[];
  language: string;
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <fieldset className="segment-picker">
      <legend>{legend}</legend>
      {segments.map((segment, index) => (
        <label key={segment.id} className="segment-choice">
          <input type="radio" name={name} value={segment.id} checked={value === segment.id} onChange={() => onChange(segment.id)} />{" "}
          <span className="segment-number">{index + 1}.</span> <span lang={language}>{segment.text}</span>
        </label>
      ))}
    </fieldset>
  );
}
