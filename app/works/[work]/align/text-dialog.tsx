"use client";

import { useState } from "react";
import type { EditorEdition, EditorSegment } from "@/lib/db/grid/editor-grid";
import type { ChangeSummary } from "@/lib/db/grid/types";
import { ApiError, getJson, sendJson } from "./api";
import { ChangeList } from "./change-list";
import { Modal } from "./modal";
import { SegmentPicker } from "./segment-picker";

export interface TextSaved {
  summary: string;
  version: number;
}

/**
 * Correcting a segment's text, with the required reason. When someone changed the segment since the dialog
 * opened, the save is refused (409) and what the editor typed stays: they load the current text, compare,
 * and save again.
 */
export function TextDialog({
  workSlug,
  edition,
  segments,
  onSaved,
  onClose,
}: {
  workSlug: string;
  edition: EditorEdition;
  segments: EditorSegment[];
  onSaved: (saved: TextSaved) => void;
  onClose: () => void;
}) {
  const [segmentId, setSegmentId] = useState(segments[0].id);
  const [text, setText] = useState(segments[0].text);
  const [baseVersion, setBaseVersion] = useState(segments[0].version);
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; stale: boolean; changes: ChangeSummary[] } | null>(null);
  const [current, setCurrent] = useState<string | null>(null);

  const choose = (id: string) => {
    const segment = segments.find((s) => s.id === id)!;
    setSegmentId(id);
    setText(segment.text);
    setBaseVersion(segment.version);
    setCurrent(null);
    setError(null);
  };

  const loadCurrent = async () => {
    try {
      const { segment } = await getJson<{ segment: { text: string; version: number } }>(
        `/api/works/${encodeURIComponent(workSlug)}/segments/${segmentId}`,
      );
      setCurrent(segment.text);
      setBaseVersion(segment.version);
      setError(null);
    } catch (e) {
      setError({ message: (e as Error).message, stale: false, changes: [] });
    }
  };

  const save = async () => {
    setSaving(true);
    try {
      const result = await sendJson<{ summary: string; version: number }>(
        "PUT",
        `/api/works/${encodeURIComponent(workSlug)}/segments/${segmentId}/text`,
        { text, reason, baseVersion },
      );
      onSaved(result);
    } catch (e) {
      const stale = e instanceof ApiError && e.code === "stale";
      setError({ message: (e as Error).message, stale, changes: e instanceof ApiError ? e.changes : [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={`Correct the text (${edition.title})`} onClose={onClose} wide>
      <form
        className="form text-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {segments.length > 1 ? (
          <SegmentPicker name="text-segment" legend="Segment to correct" segments={segments} language={edition.language} value={segmentId} onChange={choose} />
        ) : null}
        {current !== null ? (
          <div className="current-text">
            <p>
              <strong>The segment now reads:</strong>
            </p>
            <blockquote lang={edition.language}>{current}</blockquote>
            <p className="lede">Your text is below, unchanged. Save it to replace the current text, or cancel.</p>
          </div>
        ) : null}
        <label htmlFor="segment-text">Text</label>
        <textarea id="segment-text" lang={edition.language} rows={5} value={text} onChange={(event) => setText(event.target.value)} />
        <label htmlFor="segment-reason">Reason for the correction (required)</label>
        <input id="segment-reason" value={reason} required onChange={(event) => setReason(event.target.value)} />
        {error ? (
          <div role="alert" className="notice error-notice">
            <p>{error.message}</p>
            {error.changes.length > 0 ? <ChangeList changes={error.changes} /> : null}
            {error.stale ? (
              <button type="button" className="button secondary" onClick={() => void loadCurrent()}>
                Load the current text
              </button>
            ) : null}
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={saving || reason.trim() === "" || text.trim() === ""}>
            {saving ? "Saving…" : "Save the correction"}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
