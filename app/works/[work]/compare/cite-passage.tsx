"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { CitationFormats } from "@/lib/cite/citation";

interface CiteResponse extends CitationFormats {
  rows: { from: number; to: number };
  link: string;
  passages: { edition: string; title: string; language: string; text: string }[];
}

/** Rows one citation may span (lib/db/cite/read-citation.ts). */
const MAX_ROWS = 50;

type Loaded = { citation: CiteResponse } | { error: string };

async function fetchCitation(workSlug: string, first: number, last: number, editions: string): Promise<Loaded> {
  const rows = last > first ? `${first}-${last}` : String(first);
  const response = await fetch(`/api/works/${encodeURIComponent(workSlug)}/cite?rows=${rows}&editions=${editions}`, { cache: "no-store" }).catch(() => null);
  const body = (await response?.json().catch(() => null)) as (CiteResponse & { error?: { message: string } }) | null;
  return response?.ok && body ? { citation: body } : { error: body?.error?.message ?? "The citation could not be loaded; check your connection and try again." };
}

/**
 * The "Cite" dialog of a row (opened from the row's tools): the passage (this row, or up to a later one) in every
 * shown edition, its reference, the stable link (keyed by segments, not row numbers), and buttons that copy the plain
 * text, the link, BibTeX or CSL-JSON. Everything comes from GET /api/works/<work>/cite, which formats it (lib/cite).
 * One dialog serves the whole page; it opens when it is given a row and tells `onClose` when it closes.
 */
export function CiteDialog({ workSlug, rowNumber, editions, onClose }: { workSlug: string; rowNumber: number; editions: string[]; onClose: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [to, setTo] = useState(rowNumber);
  const [citation, setCitation] = useState<CiteResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const editionList = editions.join(",");
  const load = useCallback((last: number) => fetchCitation(workSlug, rowNumber, last, editionList), [workSlug, rowNumber, editionList]);
  const show = (result: Loaded) => {
    if ("citation" in result) {
      setCitation(result.citation);
      setError(null);
    } else setError(result.error);
  };

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    void load(rowNumber).then((result) => {
      if ("citation" in result) setCitation(result.citation);
      else setError(result.error);
    });
  }, [load, rowNumber]);

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
    <dialog ref={dialog} className="cite-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      <form
        className="cite-range"
        onSubmit={(event) => {
          event.preventDefault();
          void load(to).then(show);
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
  );
}
