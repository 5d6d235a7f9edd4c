"use client";

import { useState } from "react";
import { focusRow } from "./focus-row";

/** Jumps to a row by its number (rows are linkable as #r12); a row on another page is reached through RowHashRedirect. */
export function JumpToRow({ rowCount }: { rowCount: number }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="jump"
      onSubmit={(event) => {
        event.preventDefault();
        const number = Number(value);
        if (!Number.isInteger(number) || number < 1 || number > rowCount) {
          setError(`Enter a row number from 1 to ${rowCount}.`);
          return;
        }
        setError(null);
        window.location.hash = `r${number}`;
        focusRow(document.getElementById(`r${number}`));
      }}
    >
      <label htmlFor="jump-row">Go to row</label>
      <input id="jump-row" type="number" min={1} max={rowCount} placeholder="Row" value={value} onChange={(event) => setValue(event.target.value)} />
      <button type="submit" className="button secondary">
        Go
      </button>
      {error ? (
        <span role="alert" className="error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
