"use client";

import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { CiteDialog } from "./cite-passage";
import { RecordVariantDialog, type VariantFormEdition } from "./record-variant";

interface ToolsRow {
  number: number;
  /** The row's id, given when the reader may record a variant on it. */
  id: string | null;
  anchor: HTMLElement;
}

/** Puts the open menu under the link, or above it when there is no room below, inside the window. */
function place(popup: HTMLElement, link: DOMRect): void {
  const { width, height } = popup.getBoundingClientRect();
  const below = link.bottom + 2 + height <= window.innerHeight;
  const top = below ? link.bottom + 2 : Math.max(4, link.top - 2 - height);
  popup.style.top = `${Math.round(top)}px`;
  popup.style.left = `${Math.round(Math.max(4, Math.min(link.left, window.innerWidth - width - 4)))}px`;
}

/**
 * The tools of the compare view's rows, one menu for the page: a row's number (a link to the row) opens it beside the
 * number, with the row's history, all its editions, its word links, "Copy link", "Cite" (one citation dialog for the
 * page) and, for those who may, "Record variant" (one form for the page); closing the menu or a dialog brings the
 * focus back to the row's number. It listens to the page (event delegation), so the rows carry no script.
 */
export function RowTools({ workSlug, editions, recordable }: { workSlug: string; editions: string[]; recordable: VariantFormEdition[] | null }) {
  const menu = useRef<HTMLDivElement>(null);
  const variantDialog = useRef<HTMLDialogElement>(null);
  const [tools, setTools] = useState<ToolsRow | null>(null);
  const [citeRow, setCiteRow] = useState<number | null>(null);
  const [variantRow, setVariantRow] = useState<{ number: number; id: string } | null>(null);
  const [said, setSaid] = useState("");

  useEffect(() => {
    /* The link goes to its row as any link does (the address names the row), then the menu opens beside it. */
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element).closest?.<HTMLAnchorElement>(".compare-grid [role='rowheader'] > a[href^='#r']");
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const popup = menu.current;
      if (!popup) return;
      flushSync(() => setTools({ number: Number(link.getAttribute("href")!.slice(2)), id: link.dataset.row ?? null, anchor: link }));
      requestAnimationFrame(() => {
        popup.showPopover();
        place(popup, link.getBoundingClientRect());
        popup.querySelector<HTMLElement>("a, button")?.focus();
      });
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  useEffect(() => {
    if (variantRow) variantDialog.current?.showModal();
  }, [variantRow]);

  /* A dialog that closes gives the focus back to the number of the row it was opened for. */
  const backToRow = (clear: () => void) => () => {
    clear();
    tools?.anchor.focus();
  };

  const then = (action: () => void) => () => {
    menu.current?.hidePopover();
    action();
  };

  return (
    <>
      <div
        ref={menu}
        popover="auto"
        className="row-tools-menu"
        role="group"
        aria-label={tools ? `Tools of row ${tools.number}` : "Row tools"}
        onKeyDown={(event) => {
          if (event.key === "Escape") tools?.anchor.focus();
        }}
      >
        {tools ? (
          <>
            <p className="row-tools-title">Row {tools.number}</p>
            <a href={`diff/${tools.number}`}>
              History<span className="visually-hidden">{` and word diffs of row ${tools.number}`}</span>
            </a>
            <a href={`rows/${tools.number}/all`}>
              All editions<span className="visually-hidden">{` of row ${tools.number}`}</span>
            </a>
            <a href={`rows/${tools.number}#row-words`}>
              Word links<span className="visually-hidden">{` of row ${tools.number}`}</span>
            </a>
            <button
              type="button"
              className="link-button"
              onClick={then(() => {
                const url = new URL(window.location.href);
                url.hash = `r${tools.number}`;
                void navigator.clipboard
                  ?.writeText(url.toString())
                  .then(() => setSaid(`Copied the link to row ${tools.number}.`))
                  .catch(() => setSaid(`Could not copy the link: the address bar shows it.`));
              })}
            >
              Copy link<span className="visually-hidden">{` to row ${tools.number}`}</span>
            </button>
            <button type="button" className="link-button" onClick={then(() => setCiteRow(tools.number))}>
              Cite<span className="visually-hidden">{` row ${tools.number}`}</span>
            </button>
            {recordable && tools.id ? (
              <button type="button" className="link-button" onClick={then(() => setVariantRow({ number: tools.number, id: tools.id! }))}>
                Record variant<span className="visually-hidden">{` on row ${tools.number}`}</span>
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {citeRow !== null ? (
        <CiteDialog
          key={citeRow}
          workSlug={workSlug}
          rowNumber={citeRow}
          editions={editions}
          onClose={backToRow(() => setCiteRow(null))}
        />
      ) : null}
      {recordable && variantRow ? (
        <RecordVariantDialog
          key={variantRow.id}
          dialog={variantDialog}
          workSlug={workSlug}
          rowId={variantRow.id}
          rowNumber={variantRow.number}
          editions={recordable}
          onRecorded={setSaid}
          onClose={backToRow(() => setVariantRow(null))}
        />
      ) : null}
      <p role="status" className="visually-hidden">
        {said}
      </p>
    </>
  );
}
