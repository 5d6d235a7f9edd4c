"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { MAX_EDITIONS, MIN_EDITIONS } from "@/lib/compare/edition-selection";
import { viewQuery, type ViewParams } from "@/lib/diff/view-params";

export interface PickerEdition {
  slug: string;
  title: string;
  language: string;
  /** "Working translation", or e.g. "Working translation (stands in for the Russian original)"; null for a published or imported text. */
  workingTranslation: string | null;
  /** For an earlier witness: the text that replaced it and the day it did (YYYY-MM-DD); null for a current edition. */
  witness: { replacedOn: string; replacedByTitle: string; replacedBySlug: string; replacedByLanguage: string } | null;
}

/**
 * Chooses 2–5 editions and their column order; the choice goes into the URL so the view can be shared, with the
 * view's other settings (a word diff stays on while both its editions are chosen). Earlier witnesses (texts a newer
 * edition replaced) are listed in a group of their own.
 */
export function EditionPicker({ editions, selected, view }: { editions: PickerEdition[]; selected: string[]; view: ViewParams }) {
  const router = useRouter();
  const pathname = usePathname();
  const [chosen, setChosen] = useState(selected);
  const bySlug = new Map(editions.map((edition) => [edition.slug, edition]));
  const ordered = [...chosen, ...editions.map((e) => e.slug).filter((slug) => !chosen.includes(slug))];
  const tooFew = chosen.length < MIN_EDITIONS;

  const apply = (next: string[]) => {
    setChosen(next);
    if (next.length >= MIN_EDITIONS && next.length <= MAX_EDITIONS) {
      const diff = view.diff && view.diff.every((slug) => next.includes(slug)) ? view.diff : null;
      router.replace(`${pathname}${viewQuery({ ...view, diff, page: 1 }, next)}`, { scroll: false });
    }
  };
  const toggle = (slug: string) => apply(chosen.includes(slug) ? chosen.filter((s) => s !== slug) : [...chosen, slug]);
  const move = (slug: string, delta: number) => {
    const index = chosen.indexOf(slug);
    const target = index + delta;
    if (index < 0 || target < 0 || target >= chosen.length) return;
    const next = [...chosen];
    [next[index], next[target]] = [next[target], next[index]];
    apply(next);
  };

  const item = (slug: string) => {
    const edition = bySlug.get(slug)!;
    const position = chosen.indexOf(slug);
    const isChosen = position >= 0;
    const name = edition.witness ? `${edition.language} earlier witness ${slug}` : edition.language;
    return (
      <li key={slug}>
        <input type="checkbox" id={`pick-${slug}`} checked={isChosen} disabled={!isChosen && chosen.length >= MAX_EDITIONS} onChange={() => toggle(slug)} />
        <label htmlFor={`pick-${slug}`}>
          {edition.witness ? (
            <>
              « <span lang={edition.language}>{edition.title}</span> » ({edition.language}) — earlier witness, replaced on {edition.witness.replacedOn} by{" "}
              <span lang={edition.witness.replacedByLanguage}>{edition.witness.replacedByTitle}</span> ({edition.witness.replacedBySlug})
            </>
          ) : (
            <>
              <span lang={edition.language}>{edition.title}</span> ({edition.language})
            </>
          )}
          {edition.workingTranslation ? <span className="badge badge-working">{edition.workingTranslation}</span> : null}
        </label>
        {isChosen ? (
          <span className="order">
            <button type="button" onClick={() => move(slug, -1)} disabled={position === 0} aria-label={`Move ${name} left`}>
              ←
            </button>
            <button type="button" onClick={() => move(slug, 1)} disabled={position === chosen.length - 1} aria-label={`Move ${name} right`}>
              →
            </button>
          </span>
        ) : null}
      </li>
    );
  };
  const current = ordered.filter((slug) => !bySlug.get(slug)!.witness);
  const witnesses = ordered.filter((slug) => bySlug.get(slug)!.witness);

  return (
    <fieldset className="edition-picker">
      <legend>Editions and column order</legend>
      <ol>{current.map(item)}</ol>
      {witnesses.length > 0 ? (
        <>
          <p className="picker-group" id="earlier-witnesses">
            Earlier witnesses
          </p>
          <ol aria-labelledby="earlier-witnesses">{witnesses.map(item)}</ol>
        </>
      ) : null}
      {tooFew ? (
        <p className="error" role="alert">
          Choose at least {MIN_EDITIONS} editions.
        </p>
      ) : (
        <p className="hint">
          {MIN_EDITIONS}–{MAX_EDITIONS} editions. The address of this page keeps your choice.
        </p>
      )}
    </fieldset>
  );
}
