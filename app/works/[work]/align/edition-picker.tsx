"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { EditorEdition } from "@/lib/db/grid/editor-grid";
import { MAX_SHOWN } from "@/lib/editor/edition-choice";

/**
 * Choosing the editions the editor shows (kept in the URL as `?e=`): a filter box over every edition of the grid,
 * a checkbox each; the columns follow the order in which editions were chosen. Says what the URL asked for that
 * is not shown.
 */
export function EditionPicker({ workSlug, editions, shownIds, leftOut }: { workSlug: string; editions: EditorEdition[]; shownIds: string[]; leftOut: string[] }) {
  const router = useRouter();
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState(() => shownIds.map((id) => editions.find((e) => e.id === id)!.slug));
  const needle = filter.trim().toLowerCase();
  const listed = editions.filter((e) => needle === "" || [e.slug, e.title, e.language].some((text) => text.toLowerCase().includes(needle)));
  const toggle = (slug: string, on: boolean) => setChosen((current) => (on ? [...current.filter((s) => s !== slug), slug] : current.filter((s) => s !== slug)));
  return (
    <>
      <details className="edition-picker">
        <summary>
          Editions shown: {shownIds.length} of {editions.length}
          <span className="visually-hidden"> — choose which</span>
        </summary>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            router.push(`/works/${encodeURIComponent(workSlug)}/align?e=${chosen.map(encodeURIComponent).join(",")}`);
          }}
        >
          <p className="lede">Row operations (merge, split, confirm…) act on every edition of the row, shown or not.</p>
          <label className="picker-filter">
            Filter <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="slug, title or language" />
          </label>
          <fieldset>
            <legend>
              Show these editions ({chosen.length} chosen, at most {MAX_SHOWN}); columns follow the order you choose them in
            </legend>
            <ul className="picker-list">
              {listed.map((e) => (
                <li key={e.id}>
                  <label lang={e.language}>
                    <input type="checkbox" checked={chosen.includes(e.slug)} disabled={!chosen.includes(e.slug) && chosen.length >= MAX_SHOWN} onChange={(event) => toggle(e.slug, event.target.checked)} />{" "}
                    <code>{e.slug}</code> {e.title} <span className="lede">({e.language})</span>
                  </label>
                </li>
              ))}
            </ul>
            {listed.length === 0 ? <p>No edition matches “{filter}”.</p> : null}
          </fieldset>
          <button type="submit" className="button" disabled={chosen.length === 0}>
            Show {chosen.length} edition{chosen.length === 1 ? "" : "s"}
          </button>
        </form>
      </details>
      {leftOut.length > 0 ? (
        <p role="note" className="notice">
          Not shown: {leftOut.join(", ")} — no such edition in this work&apos;s grid, named twice, or more than {MAX_SHOWN}.
        </p>
      ) : null}
    </>
  );
}
