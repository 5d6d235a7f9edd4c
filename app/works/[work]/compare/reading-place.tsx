"use client";

/**
 * Keeps the reader's place in the compare view. The row at the top of the text is remembered per work in this
 * browser (localStorage), and the next visit offers "Continue where you left off"; j / k move to the next / previous
 * row (not while typing in a field, not with a modifier key, not in a cell's word mode), focusing it, scrolling it
 * into view and announcing it in a polite live region. Past the page's first or last row they follow the row's
 * link (#rN), which RowHashRedirect takes to the page that holds it.
 */
import { useEffect, useRef, useState } from "react";
import { focusRow } from "./focus-row";

const storageKey = (workSlug: string) => `hexapla:place:${workSlug}`;

function storedRow(workSlug: string): number | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(workSlug)) ?? "null");
    const row = typeof value === "object" && value !== null ? (value as { row?: unknown }).row : null;
    return typeof row === "number" && Number.isInteger(row) && row > 0 ? row : null;
  } catch {
    return null;
  }
}

function storeRow(workSlug: string, row: number): void {
  try {
    localStorage.setItem(storageKey(workSlug), JSON.stringify({ row, at: new Date().toISOString() }));
  } catch {
    /* storage full or refused: the place is simply not kept */
  }
}

const rowsOfPage = () => Array.from(document.querySelectorAll<HTMLElement>(".compare-layout .grid-row[id^='r']"));
const numberOf = (row: Element) => Number(row.id.slice(1));

/** The row under the top edge of the text (below the sticky column headers when they are stuck). */
function rowInView(): HTMLElement | null {
  const grid = document.querySelector(".compare-layout .grid");
  if (!grid) return null;
  const head = grid.querySelector(".grid-head")?.getBoundingClientRect();
  const box = grid.getBoundingClientRect();
  const y = Math.max(head && head.bottom > 0 ? head.bottom : 0, box.top) + 8;
  if (y >= window.innerHeight) return null;
  const hit = document.elementsFromPoint(Math.max(box.left, 0) + 8, y).find((element) => element.closest(".grid-row[id^='r']"));
  return (hit?.closest(".grid-row[id^='r']") as HTMLElement | null) ?? null;
}

export function ReadingPlace({ workSlug, rowCount }: { workSlug: string; rowCount: number }) {
  const [offer, setOffer] = useState<number | null>(null);
  const [message, setMessage] = useState("");
  /** While the offer stands, scrolling does not overwrite the remembered place. */
  const offered = useRef(false);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const row = storedRow(workSlug);
      if (row && row > 1 && row <= rowCount && !window.location.hash) {
        offered.current = true;
        setOffer(row);
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [workSlug, rowCount]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** When j / k last moved: the scrolling they cause does not count as reading elsewhere. */
    let moved = 0;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const row = rowInView();
        if (row && !offered.current && Date.now() - moved > 1000) storeRow(workSlug, numberOf(row));
      }, 400);
    };
    const go = (row: HTMLElement) => {
      moved = Date.now();
      focusRow(row, { preventScroll: true });
      row.scrollIntoView({ block: "start" });
      storeRow(workSlug, numberOf(row));
      setMessage(`Row ${numberOf(row)} of ${rowCount}`);
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.key !== "j" && event.key !== "k") || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], dialog, .word-mode")) return;
      const rows = rowsOfPage();
      if (rows.length === 0) return;
      event.preventDefault();
      offered.current = false;
      setOffer(null);
      const current = (target?.closest(".grid-row[id^='r']") as HTMLElement | null) ?? null;
      if (!current) {
        go(rowInView() ?? rows[0]);
        return;
      }
      const index = rows.indexOf(current);
      const next = rows[index + (event.key === "j" ? 1 : -1)];
      if (next) go(next);
      else {
        const number = numberOf(current) + (event.key === "j" ? 1 : -1);
        if (number >= 1 && number <= rowCount) window.location.hash = `r${number}`;
        else setMessage(event.key === "j" ? `Row ${rowCount} is the last row.` : "Row 1 is the first row.");
      }
    };
    document.addEventListener("scroll", onScroll, { capture: true, passive: true });
    document.addEventListener("keydown", onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("scroll", onScroll, { capture: true });
      document.removeEventListener("keydown", onKey);
    };
  }, [workSlug, rowCount]);

  const dismiss = () => {
    offered.current = false;
    setOffer(null);
  };

  return (
    <>
      {offer ? (
        <p className="continue-reading">
          <a
            href={`#r${offer}`}
            onClick={() => {
              dismiss();
              requestAnimationFrame(() => focusRow(document.getElementById(`r${offer}`), { preventScroll: true }));
            }}
          >
            Continue where you left off (row {offer})
          </a>{" "}
          <button type="button" className="link-button" onClick={dismiss}>
            Not now
          </button>
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite" data-row-announcer>
        {message}
      </p>
    </>
  );
}
