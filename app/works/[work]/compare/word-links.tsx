"use client";

/**
 * Word links in the compare view: pointing at, tapping or (in word mode) moving to a word highlights it and its
 * counterparts in every other shown column, and a live region says what they are. The links come from the word-links
 * API for the page's rows (not in the page's HTML, which stays light); words are located in the DOM by the offsets
 * the API gives within each segment's text (a segment is found by its place in the cell: the page names no segment
 * ids), and highlighted with the CSS Custom Highlight API (no DOM changes).
 * Keyboard: focus a cell, press W (or Enter) for word mode, ← → move word by word, Escape leaves.
 */
import { useEffect, useRef, useState } from "react";

interface Word {
  /** The segment's place in its cell. */
  segment: number;
  start: number;
  end: number;
}

interface LinkRow {
  id: string;
  number: number;
  cells: Record<string, { segment: string; words: number[] }[]>;
  pairs: { a: string; b: string; links: string; p: number[] }[];
}

interface RowIndex {
  words: Record<string, Word[]>;
  /** `${from}|${to}` → for each word of `from`, the words of `to` it is linked to. */
  links: Map<string, Map<number, number[]>>;
}

function indexRow(row: LinkRow): RowIndex {
  const words: Record<string, Word[]> = {};
  for (const [slug, segments] of Object.entries(row.cells)) {
    words[slug] = segments.flatMap(({ words: offsets }, segment) => {
      const list: Word[] = [];
      for (let k = 0; k + 1 < offsets.length; k += 2) list.push({ segment, start: offsets[k], end: offsets[k + 1] });
      return list;
    });
  }
  const links = new Map<string, Map<number, number[]>>();
  const add = (from: string, to: string, x: number, y: number) => {
    const key = `${from}|${to}`;
    let map = links.get(key);
    if (!map) links.set(key, (map = new Map()));
    map.set(x, [...(map.get(x) ?? []), y]);
  };
  for (const pair of row.pairs) {
    for (const link of pair.links.split(" ").filter(Boolean)) {
      const [x, y] = link.split("-").map(Number);
      add(pair.a, pair.b, x, y);
      add(pair.b, pair.a, y, x);
    }
  }
  return { words, links };
}

/** Walks a segment's text nodes in order with their offsets in the stored text (a note reference `[^6]` shows as "6"). */
function* textNodes(segment: Element): Generator<{ node: Text; offset: number }> {
  let offset = 0;
  const walk = function* (node: Node): Generator<{ node: Text; offset: number }> {
    for (const child of Array.from(node.childNodes)) {
      if (child instanceof HTMLElement && child.classList.contains("note-ref")) {
        offset += (child.textContent ?? "").length + 3;
        continue;
      }
      if (child instanceof HTMLElement && child.classList.contains("visually-hidden")) continue;
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child as Text;
        yield { node: text, offset };
        offset += text.data.length;
      } else yield* walk(child);
    }
  };
  yield* walk(segment);
}

function offsetInSegment(segment: Element, node: Node, offset: number): number | null {
  for (const item of textNodes(segment)) if (item.node === node) return item.offset + offset;
  return null;
}

function rangeIn(segment: Element, start: number, end: number): Range | null {
  const range = document.createRange();
  let started = false;
  for (const { node, offset } of textNodes(segment)) {
    const length = node.data.length;
    if (!started && start >= offset && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end > offset && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
  }
  return null;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

interface Active {
  rowId: string;
  slug: string;
  word: number;
}

export function WordLinks({ workSlug, editions, from, to }: { workSlug: string; editions: string[]; from: number; to: number }) {
  const [rows, setRows] = useState<Map<string, RowIndex> | null>(null);
  const [message, setMessage] = useState("");
  const active = useRef<Active | null>(null);
  const mode = useRef<HTMLElement | null>(null);
  const editionKey = editions.join(",");

  useEffect(() => {
    if (editions.length < 2) return;
    const controller = new AbortController();
    fetch(`/api/works/${encodeURIComponent(workSlug)}/word-links?editions=${editionKey}&from=${from}&to=${to}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { rows: LinkRow[] } | null) => {
        if (data) setRows(new Map(data.rows.map((row) => [row.id, indexRow(row)])));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [workSlug, editionKey, editions.length, from, to]);

  useEffect(() => {
    if (!rows) return;
    const grid = document.querySelector(".compare-layout .grid");
    if (!grid) return;
    const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
    const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;

    const cellOf = (rowId: string, slug: string) => grid.querySelector(`.grid-row[data-row-id="${rowId}"] .cell[data-edition="${slug}"]`);
    const wordRange = (rowId: string, slug: string, word: Word) => {
      const segment = cellOf(rowId, slug)?.querySelectorAll(".segment")[word.segment];
      return segment ? rangeIn(segment, word.start, word.end) : null;
    };

    const show = (next: Active | null) => {
      active.current = next;
      if (!next) {
        highlights?.delete("word-active");
        highlights?.delete("word-counterpart");
        grid.removeAttribute("data-active-word");
        return;
      }
      const row = rows.get(next.rowId);
      const word = row?.words[next.slug]?.[next.word];
      if (!row || !word) return;
      const own = wordRange(next.rowId, next.slug, word);
      const counterparts: Range[] = [];
      const said: string[] = [];
      for (const slug of Object.keys(row.words)) {
        if (slug === next.slug) continue;
        const targets = row.links.get(`${next.slug}|${slug}`)?.get(next.word) ?? [];
        const texts: string[] = [];
        for (const target of targets.sort((a, b) => a - b)) {
          const range = wordRange(next.rowId, slug, row.words[slug][target]);
          if (range) {
            counterparts.push(range);
            texts.push(range.toString());
          }
        }
        said.push(`${slug}: ${texts.length ? texts.join(" ") : "no counterpart"}`);
      }
      if (highlights && HighlightClass) {
        if (own) highlights.set("word-active", new HighlightClass(own));
        highlights.set("word-counterpart", new HighlightClass(...counterparts));
      }
      grid.setAttribute("data-active-word", `${next.slug}:${next.word}`);
      setMessage(`${own?.toString() ?? ""} (${next.slug}) — ${said.join("; ")}`);
    };

    const wordAt = (x: number, y: number): Active | null => {
      const caret = caretAt(x, y);
      const element = caret ? (caret.node instanceof Element ? caret.node : caret.node.parentElement) : null;
      const segment = element?.closest(".segment");
      const cell = segment?.closest(".cell[data-edition]") as HTMLElement | null;
      const rowElement = cell?.closest(".grid-row[data-row-id]") as HTMLElement | null;
      if (!caret || !segment || !cell || !rowElement) return null;
      const row = rows.get(rowElement.dataset.rowId!);
      const slug = cell.dataset.edition!;
      const offset = offsetInSegment(segment, caret.node, caret.offset);
      const place = Array.from(cell.querySelectorAll(".segment")).indexOf(segment);
      if (!row || offset === null) return null;
      const index = (row.words[slug] ?? []).findIndex((word) => word.segment === place && offset >= word.start && offset < word.end);
      return index < 0 ? null : { rowId: rowElement.dataset.rowId!, slug, word: index };
    };

    const same = (a: Active | null, b: Active | null) => a?.rowId === b?.rowId && a?.slug === b?.slug && a?.word === b?.word;
    const onMove = (event: PointerEvent) => {
      if (mode.current) return;
      const next = wordAt(event.clientX, event.clientY);
      if (!same(next, active.current)) show(next);
    };
    /* A finger or pen "leaves" as it lifts: a tapped word stays shown until the next tap. */
    const onLeave = (event: PointerEvent) => {
      if (!mode.current && event.pointerType === "mouse") show(null);
    };
    const onTap = (event: PointerEvent) => {
      if (event.pointerType === "mouse") return;
      show(wordAt(event.clientX, event.clientY));
    };
    const leaveMode = () => {
      mode.current?.classList.remove("word-mode");
      mode.current = null;
    };
    const onKey = (event: KeyboardEvent) => {
      const cell = (event.target as HTMLElement).closest?.(".cell[data-edition]") as HTMLElement | null;
      const rowElement = cell?.closest(".grid-row[data-row-id]") as HTMLElement | null;
      if (!cell || !rowElement) return;
      const rowId = rowElement.dataset.rowId!;
      const slug = cell.dataset.edition!;
      const count = rows.get(rowId)?.words[slug]?.length ?? 0;
      if (!mode.current) {
        if ((event.key === "w" || event.key === "W" || event.key === "Enter") && count > 0 && event.target === cell) {
          event.preventDefault();
          mode.current = cell;
          cell.classList.add("word-mode");
          show({ rowId, slug, word: 0 });
        }
        return;
      }
      const current = active.current;
      if (event.key === "Escape") {
        event.preventDefault();
        leaveMode();
        show(null);
        setMessage("Left word mode.");
      } else if ((event.key === "ArrowRight" || event.key === "ArrowLeft") && current) {
        event.preventDefault();
        const step = event.key === "ArrowRight" ? 1 : -1;
        show({ ...current, word: Math.min(count - 1, Math.max(0, current.word + step)) });
      }
    };
    const onFocusOut = (event: FocusEvent) => {
      if (mode.current && !mode.current.contains(event.relatedTarget as Node | null)) {
        leaveMode();
        show(null);
      }
    };
    grid.addEventListener("pointermove", onMove as EventListener);
    grid.addEventListener("pointerleave", onLeave as EventListener);
    grid.addEventListener("pointerdown", onTap as EventListener);
    grid.addEventListener("keydown", onKey as EventListener);
    grid.addEventListener("focusout", onFocusOut as EventListener);
    grid.setAttribute("data-word-links", "ready");
    return () => {
      grid.removeEventListener("pointermove", onMove as EventListener);
      grid.removeEventListener("pointerleave", onLeave as EventListener);
      grid.removeEventListener("pointerdown", onTap as EventListener);
      grid.removeEventListener("keydown", onKey as EventListener);
      grid.removeEventListener("focusout", onFocusOut as EventListener);
      grid.removeAttribute("data-word-links");
      show(null);
    };
  }, [rows]);

  return (
    <p className="visually-hidden" aria-live="polite" data-word-announcer>
      {message}
    </p>
  );
}
