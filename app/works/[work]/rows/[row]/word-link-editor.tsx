"use client";

/**
 * The word links of one row between two chosen editions, and (for editors) their correction: choose words on each
 * side and link them, remove a link, confirm the row's links, or give them back to the aligner. Every change goes
 * through the grid's write path (journalled, undoable, refused when the row changed since); other editors' changes
 * arrive live and the page refreshes.
 */
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { useLiveUpdates } from "../../align/use-live-updates";

export interface LinkEdition {
  slug: string;
  title: string;
  language: string;
  words: string[];
}

export interface LinkPair {
  a: string;
  b: string;
  links: [number, number][];
  status: string | null;
  dropped: number;
}

export function WordLinkEditor({ workSlug, rowId, gridVersion, editions, pairs, canEdit }: { workSlug: string; rowId: string; gridVersion: number; editions: LinkEdition[]; pairs: LinkPair[]; canEdit: boolean }) {
  const router = useRouter();
  const [a, setA] = useState(editions[0]?.slug ?? "");
  const [b, setB] = useState(editions[1]?.slug ?? "");
  const [chosenA, setChosenA] = useState<number[]>([]);
  const [chosenB, setChosenB] = useState<number[]>([]);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => router.refresh(), [router]);
  const refreshWhenNewer = useCallback((version: number) => version > gridVersion && router.refresh(), [router, gridVersion]);
  useLiveUpdates(workSlug, refresh, refreshWhenNewer);

  const editionA = editions.find((edition) => edition.slug === a);
  const editionB = editions.find((edition) => edition.slug === b);
  const pair = useMemo(() => {
    const direct = pairs.find((p) => p.a === a && p.b === b);
    if (direct) return direct;
    const reverse = pairs.find((p) => p.a === b && p.b === a);
    return reverse ? { ...reverse, a, b, links: reverse.links.map(([x, y]) => [y, x] as [number, number]) } : null;
  }, [pairs, a, b]);
  const links = pair?.links ?? [];
  const linkedA = new Set(links.map(([x]) => x));
  const linkedB = new Set(links.map(([, y]) => y));

  const send = async (action: "link" | "unlink" | "confirm" | "reset", list: [number, number][]) => {
    setBusy(true);
    setMessage("");
    try {
      const response = await fetch(`/api/works/${encodeURIComponent(workSlug)}/word-links`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ baseVersion: gridVersion, row: rowId, a, b, action, links: list }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) setMessage(body?.error?.message ?? `The change was refused (${response.status}).`);
      else {
        setMessage(body?.summary ?? "Saved.");
        setChosenA([]);
        setChosenB([]);
        router.refresh();
      }
    } finally {
      setBusy(false);
    }
  };

  if (editions.length < 2) return <p>This row has text in fewer than two current editions, so there are no word links.</p>;
  const toggle = (list: number[], set: (next: number[]) => void, index: number) => set(list.includes(index) ? list.filter((x) => x !== index) : [...list, index]);
  const words = (edition: LinkEdition | undefined, chosen: number[], setChosen: (next: number[]) => void, linked: Set<number>, side: string) =>
    edition ? (
      <div className="link-words" lang={edition.language} role="group" aria-label={`Words of ${edition.title} (${side})`}>
        {edition.words.map((word, index) => (
          <button
            key={index}
            type="button"
            className={`link-word${chosen.includes(index) ? " chosen" : ""}${linked.has(index) ? "" : " unlinked"}`}
            aria-pressed={chosen.includes(index)}
            disabled={!canEdit || busy}
            onClick={() => toggle(chosen, setChosen, index)}
          >
            {word}
            <span className="visually-hidden">{linked.has(index) ? "" : " (no link)"}</span>
          </button>
        ))}
      </div>
    ) : null;

  return (
    <div className="word-link-editor">
      <p className="control-row">
        <label>
          Edition{" "}
          <select value={a} onChange={(event) => setA(event.target.value)}>
            {editions.map((edition) => (
              <option key={edition.slug} value={edition.slug} disabled={edition.slug === b}>
                {edition.title} ({edition.slug})
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          with{" "}
          <select value={b} onChange={(event) => setB(event.target.value)}>
            {editions.map((edition) => (
              <option key={edition.slug} value={edition.slug} disabled={edition.slug === a}>
                {edition.title} ({edition.slug})
              </option>
            ))}
          </select>
        </label>
      </p>
      <p className="lede">
        {links.length} link{links.length === 1 ? "" : "s"}; {pair?.status === "confirmed" ? "confirmed by an editor" : pair?.status === "edited" ? "corrected by an editor" : "proposed by the word aligner"}
        {pair?.dropped ? `; ${pair.dropped} dropped because their words changed` : ""}.
      </p>
      {words(editionA, chosenA, setChosenA, linkedA, "first")}
      {words(editionB, chosenB, setChosenB, linkedB, "second")}
      {canEdit ? (
        <p className="control-row">
          <button type="button" disabled={busy || chosenA.length === 0 || chosenB.length === 0} onClick={() => send("link", chosenA.flatMap((x) => chosenB.map((y) => [x, y] as [number, number])))}>
            Link the chosen words
          </button>
          <button type="button" disabled={busy} onClick={() => send("confirm", [])}>
            Confirm these links
          </button>
          <button type="button" disabled={busy || pair?.status === "automatic" || pair?.status == null} onClick={() => send("reset", [])}>
            Give back to the aligner
          </button>
        </p>
      ) : null}
      <ul className="link-list" aria-label="Links">
        {links.map(([x, y]) => (
          <li key={`${x}-${y}`}>
            <span lang={editionA?.language}>{editionA?.words[x]}</span> ↔ <span lang={editionB?.language}>{editionB?.words[y]}</span>
            {canEdit ? (
              <>
                {" "}
                <button type="button" disabled={busy} onClick={() => send("unlink", [[x, y]])}>
                  Remove<span className="visually-hidden"> the link {editionA?.words[x]} ↔ {editionB?.words[y]}</span>
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
