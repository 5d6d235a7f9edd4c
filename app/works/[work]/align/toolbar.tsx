"use client";

import type { EditorEdition } from "@/lib/db/grid/editor-grid";
import { ariaKeys, keyLabel, shortcutOf, type ActionId } from "./shortcuts";

interface ToolbarProps {
  canEdit: boolean;
  signedIn: boolean;
  busy: boolean;
  rowNumber: number;
  rowConfirmed: boolean;
  bookmarked: boolean;
  edition: EditorEdition;
  threshold: number;
  onThreshold: (value: number) => void;
  onAction: (action: ActionId) => void;
}

/** The mouse's way to every action, grouped like the shortcuts, each button naming its key. */
export function Toolbar({ canEdit, signedIn, busy, rowNumber, rowConfirmed, bookmarked, edition, threshold, onThreshold, onAction }: ToolbarProps) {
  const button = (action: ActionId, label: string) => {
    const shortcut = shortcutOf(action);
    const disabled = shortcut.edits && (!canEdit || busy);
    return (
      <button
        type="button"
        className="tool"
        disabled={disabled}
        aria-keyshortcuts={ariaKeys(action)}
        title={`${shortcut.label} (${keyLabel(shortcut.keys[0])})`}
        onClick={() => onAction(action)}
      >
        {label} <kbd aria-hidden="true">{keyLabel(shortcut.keys[0])}</kbd>
      </button>
    );
  };
  return (
    <div className="align-toolbar" role="toolbar" aria-label="Alignment operations">
      {canEdit ? null : (
        <p className="toolbar-note">
          {signedIn ? "You can read and review; changing the alignment needs the editor role." : "Reading only: sign in as an editor to change the alignment."}
        </p>
      )}
      <div className="tool-group" role="group" aria-label={`Row ${rowNumber}, all editions`}>
        <span className="tool-group-label" aria-hidden="true">
          Row {rowNumber}
        </span>
        {button("mergeRows", "Merge with next")}
        {button("splitRow", "Split…")}
        {button("toggleConfirmed", rowConfirmed ? "Unconfirm" : "Confirm")}
        {button("confirmUpTo", "Confirm down to here")}
      </div>
      <div className="tool-group" role="group" aria-label={`Column ${edition.title}`}>
        <span className="tool-group-label" aria-hidden="true" lang={edition.language}>
          {edition.slug}
        </span>
        {button("shiftUp", "First up")}
        {button("popDown", "Last down")}
        {button("moveCellUp", "Cell up")}
        {button("moveCellDown", "Cell down")}
        {button("insertEmptyCell", "Insert empty")}
        {button("deleteEmptyCell", "Delete empty")}
      </div>
      <div className="tool-group" role="group" aria-label="Segments">
        {button("editText", "Correct text…")}
        {button("splitSegment", "Split segment…")}
        {button("mergeSegments", "Merge segments…")}
      </div>
      <div className="tool-group" role="group" aria-label="History">
        {button("undo", "Undo")}
        {button("redo", "Redo")}
        {button("rowHistory", "Row history")}
      </div>
      <div className="tool-group" role="group" aria-label="Review">
        {button("nextUnconfirmed", "Next unconfirmed")}
        {button("nextNotOneToOne", "Next not 1:1")}
        {button("nextLowConfidence", "Next below")}
        <label className="threshold">
          <span className="visually-hidden">Confidence threshold in percent</span>
          <input
            type="number"
            min={0}
            max={100}
            step={5}
            value={Math.round(threshold * 100)}
            onChange={(event) => onThreshold(Math.min(100, Math.max(0, Number(event.target.value) || 0)) / 100)}
          />
          %
        </label>
        {signedIn ? button("toggleBookmark", bookmarked ? "Unbookmark" : "Bookmark") : null}
        {signedIn ? button("nextBookmark", "Next bookmark") : null}
        {button("help", "Shortcuts")}
      </div>
    </div>
  );
}
