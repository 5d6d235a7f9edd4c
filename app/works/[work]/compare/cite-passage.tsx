"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { CitationFormats } from "@/lib/cite/citation";

interface CiteResponse extends CitationFormats {
  rows: { from: number; to: number };
  link: string;
  passages: { edition: string; title: string; language: string; text: string }[];
}

/** Rows one citation may span (lib/db/cite/read-citation.ts). */
const MAX_ROWS = 50;

/**
 * "Cite" on a row: a dialog with the passage (this row, or up to a later one) in every shown edition, its
 * reference, the stable link (keyed by segments, not row numbers), and buttons that copy the plain text, the link,
 * BibTeX or CSL-JSON. Everything comes from GET /api/works/<work>/cite, which formats it (lib/cite).
 */
export function CitePassage({ workSlug, rowNumber, editions }: { workSlug: string; rowNumber: number; editions: string[] }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState(rowNumber);
  const [citation, setCitation] = useState<CiteResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  async function load(last: number) {
    setError(null);
    const rows = last > rowNumber ? `${rowNumber}-${last}` : String(rowNumber);
    const response = await fetch(`/api/works/${encodeURIComponent(workSlug)}/cite?rows=${rows}&editions=${editions.join(",")}`, { cache: "no-store" }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as (CiteResponse & { error?: { message: string } }) | null;
    if (response?.ok && body) setCitation(body);
    else setError(body?.error?.message ?? "The citation could not be loaded; check your connection and try again.");
  }

  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);

  async function copy(what: string, value: string) {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(`Copied the ${what}.`);
    } catch {
      setStatus(`Could not copy the ${what}: select it below and copy it yourself.`);
    }
  }

  const title = citation && citation.rows.to > citation.rows.from ? `Cite rows ${citation.rows.from}–${citation.rows.to}` : `Cite row ${rowNumber}`;
  return (
    <>
      <button
        type="button"
        className="link-button cite-button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          setStatus("");
          void load(to);
        }}
      >
        Cite<span className="visually-hidden"> row {rowNumber}</span>
      </button>
      {open ? (
        <dialog ref={dialog} className="cite-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
          <h2 id={`${id}-title`}>{title}</h2>
          <form
            className="cite-range"
            onSubmit={(event) => {
              event.preventDefault();
              void load(to);
            }}
          >
            <label htmlFor={`${id}-to`}>Up to row</label>
            <input id={`${id}-to`} type="number" min={rowNumber} max={rowNumber + MAX_ROWS - 1} value={to} onChange={(event) => setTo(Math.max(rowNumber, Number(event.target.value) || rowNumber))} />
            <button type="submit" className="button secondary">
              Show
            </button>
          </form>
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
          {citation ? (
            <>
              <div className="cite-passages">
                {citation.passages.map((passage) => (
                  <figure key={passage.edition} data-edition={passage.edition}>
                    <figcaption>
                      <span lang={passage.language}>{passage.title}</span> ({passage.edition})
                    </figcaption>
                    <blockquote lang={passage.language}>{passage.text || <em lang="en">No text in this edition here.</em>}</blockquote>
                  </figure>
                ))}
              </div>
              <p className="cite-reference" data-testid="cite-reference">
                {citation.reference}.
              </p>
              <p className="cite-link">
                Stable link (follows the passage when rows are re-aligned): <a href={citation.link}>{citation.link}</a>
              </p>
              <div className="actions" role="group" aria-label="Copy">
                <button type="button" className="button" onClick={() => void copy("quotation with its reference", citation.text)}>
                  Copy text
                </button>
                <button type="button" className="button secondary" onClick={() => void copy("link", citation.link)}>
                  Copy link
                </button>
                <button type="button" className="button secondary" onClick={() => void copy("BibTeX", citation.bibtex)}>
                  Copy BibTeX
                </button>
                <button type="button" className="button secondary" onClick={() => void copy("CSL-JSON", JSON.stringify(citation.csl, null, 2))}>
                  Copy CSL-JSON
                </button>
              </div>
              <details>
                <summary>Show BibTeX and CSL-JSON</summary>
                <pre tabIndex={0} aria-label="BibTeX">{citation.bibtex}</pre>
                <pre tabIndex={0} aria-label="CSL-JSON">{JSON.stringify(citation.csl, null, 2)}</pre>
              </details>
            </>
          ) : error ? null : (
            <p>Loading…</p>
          )}
          <p role="status" className="hint">
            {status}
          </p>
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </dialog>
      ) : null}
    </>
  );
}
