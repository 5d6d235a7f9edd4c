"use client";

/**
 * Word links in the compare view: pointing at, tapping or (in word mode) moving to a word highlights it and its
 * counterparts in every other shown column, and a live region says what they are. The links come from the word-links
 * API for the page's rows (not in the page's HTML, which stays light); words are located in the DOM by their offsets
 * in the cell's segments joined by one space (the API gives each segment's length and its words' offsets; the cell
 * draws its segments as plain text, blocks one after another), and highlighted with the CSS Custom Highlight API (no
 * DOM changes).
 * Keyboard: focus a cell, press W (or Enter) for word mode, ← → move word by word, Escape leaves.
 */
import { useEffect, useRef, useState } from "react";

/** A word: start and end offsets in its cell's segments joined by one space. */
interface Word {
  start: number;
  end: number;
}

interface LinkRow {
  id: string;
  number: number;
  cells: Record<string, { segment: string; length: number; words: number[] }[]>;
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
    const list: Word[] = [];
    let base = 0;
    for (const { length, words: offsets } of segments) {
      for (let k = 0; k + 1 < offsets.length; k += 2) list.push({ start: base + offsets[k], end: base + offsets[k + 1] });
      base += length + 1;
    }
    words[slug] = list;
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

/** What a cell shows beside its text: not counted in the offsets. */
const NOT_TEXT = ["visually-hidden", "missing-anchors", "too-different", "diff-caption"];

/**
 * Walks a cell's text nodes in order with their offsets in the cell's stored text: its blocks one after another, one
 * space between two blocks, a note reference `[^6]` showing as "6", what is only said to screen readers left out.
 * A cell showing an inline diff has no such offsets: nothing is walked.
 */
function* textNodes(cell: Element): Generator<{ node: Text; offset: number }> {
  if (cell.querySelector(".inline-diff")) return;
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
  let blocks = 0;
  for (const block of Array.from(cell.children)) {
    if (NOT_TEXT.some((name) => block.classList.contains(name))) continue;
    if (blocks++ > 0) offset += 1;
    yield* walk(block);
  }
}

function offsetInCell(cell: Element, node: Node, offset: number): number | null {
  for (const item of textNodes(cell)) if (item.node === node) return item.offset + offset;
  return null;
}

function rangeIn(cell: Element, start: number, end: number): Range | null {
  const range = document.createRange();
  let started = false;
  for (const { node, offset } of textNodes(cell)) {
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
  /** The row's number (its element is #r<number>). */
  row: number;
  slug: string;
  word: number;
}

export function WordLinks({ workSlug, editions, columns, from, to }: { workSlug: string; editions: string[]; columns: string[]; from: number; to: number }) {
  const [rows, setRows] = useState<Map<number, RowIndex> | null>(null);
  const [message, setMessage] = useState("");
  const active = useRef<Active | null>(null);
  const mode = useRef<HTMLElement | null>(null);
  const editionKey = editions.join(",");
  const columnKey = columns.join(",");

  useEffect(() => {
    if (editions.length < 2) return;
    const controller = new AbortController();
    fetch(`/api/works/${encodeURIComponent(workSlug)}/word-links?editions=${editionKey}&from=${from}&to=${to}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { rows: LinkRow[] } | null) => {
        if (data) setRows(new Map(data.rows.map((row) => [row.number, indexRow(row)])));
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

    /* A row's first child is its header; then come its cells, one per shown column (earlier witnesses too). */
    const shownColumns = columnKey.split(",");
    const cellOf = (row: number, slug: string) => grid.querySelector(`#r${row} > [role="cell"]:nth-child(${shownColumns.indexOf(slug) + 2})`);
    const slugOf = (cell: HTMLElement) => shownColumns[Array.prototype.indexOf.call(cell.parentElement!.children, cell) - 1];
    const wordRange = (row: number, slug: string, word: Word) => {
      const cell = cellOf(row, slug);
      return cell ? rangeIn(cell, word.start, word.end) : null;
    };

    const show = (next: Active | null) => {
      active.current = next;
      if (!next) {
        highlights?.delete("word-active");
        highlights?.delete("word-counterpart");
        grid.removeAttribute("data-active-word");
        return;
      }
      const row = rows.get(next.row);
      const word = row?.words[next.slug]?.[next.word];
      if (!row || !word) return;
      const own = wordRange(next.row, next.slug, word);
      const counterparts: Range[] = [];
      const said: string[] = [];
      for (const slug of Object.keys(row.words)) {
        if (slug === next.slug) continue;
        const targets = row.links.get(`${next.slug}|${slug}`)?.get(next.word) ?? [];
        const texts: string[] = [];
        for (const target of targets.sort((a, b) => a - b)) {
          const range = wordRange(next.row, slug, row.words[slug][target]);
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
      const cell = element?.closest("[role='cell']") as HTMLElement | null;
      const rowElement = cell?.closest(".grid-row[id^='r']") as HTMLElement | null;
      if (!caret || !cell || !rowElement) return null;
      const number = Number(rowElement.id.slice(1));
      const row = rows.get(number);
      const slug = slugOf(cell);
      const offset = offsetInCell(cell, caret.node, caret.offset);
      if (!row || offset === null) return null;
      const index = (row.words[slug] ?? []).findIndex((word) => offset >= word.start && offset < word.end);
      return index < 0 ? null : { row: number, slug, word: index };
    };

    const same = (a: Active | null, b: Active | null) => a?.row === b?.row && a?.slug === b?.slug && a?.word === b?.word;
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
      const cell = (event.target as HTMLElement).closest?.("[role='cell']") as HTMLElement | null;
      const rowElement = cell?.closest(".grid-row[id^='r']") as HTMLElement | null;
      if (!cell || !rowElement) return;
      const row = Number(rowElement.id.slice(1));
      const slug = slugOf(cell);
      const count = rows.get(row)?.words[slug]?.length ?? 0;
      if (!mode.current) {
        if ((event.key === "w" || event.key === "W" || event.key === "Enter") && count > 0 && event.target === cell) {
          event.preventDefault();
          mode.current = cell;
          cell.classList.add("word-mode");
          show({ row, slug, word: 0 });
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
  }, [rows, columnKey]);

  return (
    <p className="visually-hidden" aria-live="polite" data-word-announcer>
      {message}
    </p>
  );
}
