"use client";

import { useState } from "react";
import type { EditorEdition, EditorRow } from "@/lib/db/grid/editor-grid";
import { Modal } from "./modal";

/**
 * Splitting a row: for every edition, how many of its segments stay in the first part (the rest go to a new row
 * below). Starts from half of each cell, or the selected edition's chosen segment.
 */
export function SplitRowDialog({
  row,
  number,
  editions,
  onSplit,
  onClose,
}: {
  row: EditorRow;
  number: number;
  editions: EditorEdition[];
  onSplit: (at: Record<string, number>) => void;
  onClose: () => void;
}) {
  const cell = (id: string) => row.cells[id] ?? [];
  const [at, setAt] = useState<Record<string, number>>(() =>
    Object.fromEntries(editions.map((e) => [e.id, cell(e.id).length > 1 ? Math.ceil(cell(e.id).length / 2) : cell(e.id).length])),
  );
  const firstEmpty = editions.every((e) => at[e.id] === 0);
  const secondEmpty = editions.every((e) => at[e.id] === cell(e.id).length);
  const problem = firstEmpty
    ? "The first part would be empty in every edition."
    : secondEmpty
      ? "The second part would be empty in every edition: keep fewer segments in the first part of some edition."
      : null;
  return (
    <Modal title={`Split row ${number}`} onClose={onClose} wide>
      <form
        className="split-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem) onSplit(at);
        }}
      >
        <p className="lede">For each edition, choose how many segments stay in row {number}; the rest go to a new row below it.</p>
        {editions.map((edition) => {
          const segments = cell(edition.id);
          const id = `split-${edition.id}`;
          return (
            <fieldset key={edition.id} className="split-edition">
              <legend lang={edition.language}>{edition.title}</legend>
              <label htmlFor={id}>Segments kept in row {number}</label>{" "}
              <select id={id} value={at[edition.id]} onChange={(event) => setAt({ ...at, [edition.id]: Number(event.target.value) })}>
                {Array.from({ length: segments.length + 1 }, (_, n) => (
                  <option key={n} value={n}>
                    {n} of {segments.length}
                  </option>
                ))}
              </select>
              <ol className="split-preview" lang={edition.language}>
                {segments.map((segment, index) => (
                  <li key={segment.id} className={index < at[edition.id] ? "first-part" : "second-part"}>
                    <span className="visually-hidden">{index < at[edition.id] ? "stays: " : "moves to the new row: "}</span>
                    {segment.text}
                  </li>
                ))}
              </ol>
            </fieldset>
          );
        })}
        {problem ? (
          <p role="alert" className="error">
            {problem}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={problem !== null}>
            Split the row
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
