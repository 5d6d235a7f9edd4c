"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { MAX_EDITIONS, MIN_EDITIONS } from "@/lib/compare/edition-selection";
import { viewQuery, type ViewParams } from "@/lib/diff/view-params";

export interface PickerEdition {
  slug: string;
  title: string;
  language: string;
  /** The language's name in English, e.g. "Russian" (made on the server, so the page and the browser agree). */
  languageName: string;
  /** "Working translation", or e.g. "Working translation (stands in for the Russian original)"; null for a published or imported text. */
  workingTranslation: string | null;
  /** For an earlier witness: the text that replaced it and the day it did (YYYY-MM-DD); null for a current edition. */
  witness: { replacedOn: string; replacedByTitle: string; replacedBySlug: string; replacedByLanguage: string } | null;
}

interface Group {
  key: string;
  label: string;
  editions: PickerEdition[];
}

/** Current editions by language (in the order the work lists them), then earlier witnesses as a group of their own. */
function groupEditions(editions: PickerEdition[]): Group[] {
  const groups: Group[] = [];
  for (const edition of editions) {
    const key = edition.witness ? "witnesses" : edition.language;
    let group = groups.find((candidate) => candidate.key === key);
    if (!group) groups.push((group = { key, label: edition.witness ? "Earlier witnesses" : `${edition.languageName} (${edition.language})`, editions: [] }));
    group.editions.push(edition);
  }
  return [...groups.filter((group) => group.key !== "witnesses"), ...groups.filter((group) => group.key === "witnesses")];
}

const matches = (edition: PickerEdition, filter: string) =>
  !filter || [edition.title, edition.slug, edition.language, edition.languageName].some((text) => text.toLocaleLowerCase().includes(filter));

/**
 * Chooses 2–12 editions and their column order: each shown column has a select to swap its edition for another
 * directly (choosing one already shown swaps the two columns), buttons to move or remove it, and below, every edition
 * grouped by language with a filter box. The choice goes into the URL with the view's other settings (a word diff
 * stays on while both its editions are chosen).
 */
export function EditionPicker({ editions, selected, view }: { editions: PickerEdition[]; selected: string[]; view: ViewParams }) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const [chosen, setChosen] = useState(selected);
  const [filter, setFilter] = useState("");
  /** The column whose select keeps the focus after its edition was swapped (the select is a new element then). */
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    if (refocus.current === null) return;
    document.getElementById(`${id}-slot-${refocus.current}`)?.focus();
    refocus.current = null;
  });
  const bySlug = new Map(editions.map((edition) => [edition.slug, edition]));
  const groups = groupEditions(editions);
  const tooFew = chosen.length < MIN_EDITIONS;
  const needle = filter.trim().toLocaleLowerCase();

  const apply = (next: string[]) => {
    setChosen(next);
    if (next.length >= MIN_EDITIONS && next.length <= MAX_EDITIONS) {
      const diff = view.diff && view.diff.every((slug) => next.includes(slug)) ? view.diff : null;
      router.replace(`${pathname}${viewQuery({ ...view, diff, page: 1 }, next)}`, { scroll: false });
    }
  };
  const toggle = (slug: string) => apply(chosen.includes(slug) ? chosen.filter((s) => s !== slug) : [...chosen, slug]);
  const swap = (index: number, slug: string) => {
    const next = [...chosen];
    const other = next.indexOf(slug);
    if (other >= 0) next[other] = next[index];
    next[index] = slug;
    refocus.current = index;
    apply(next);
  };
  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= chosen.length) return;
    const next = [...chosen];
    [next[index], next[target]] = [next[target], next[index]];
    apply(next);
  };
  const nameOf = (slug: string) => (bySlug.get(slug)?.witness ? `${bySlug.get(slug)!.language} earlier witness ${slug}` : slug);

  const item = (edition: PickerEdition) => {
    const isChosen = chosen.includes(edition.slug);
    return (
      <li key={edition.slug}>
        <input
          type="checkbox"
          id={`${id}-pick-${edition.slug}`}
          checked={isChosen}
          disabled={!isChosen && chosen.length >= MAX_EDITIONS}
          onChange={() => toggle(edition.slug)}
        />
        <label htmlFor={`${id}-pick-${edition.slug}`}>
          {edition.witness ? (
            <>
              « <span lang={edition.language}>{edition.title}</span> » ({edition.language}) — earlier witness, replaced on {edition.witness.replacedOn} by{" "}
              <span lang={edition.witness.replacedByLanguage}>{edition.witness.replacedByTitle}</span> ({edition.witness.replacedBySlug})
            </>
          ) : (
            <>
              <span lang={edition.language}>{edition.title}</span> ({edition.slug})
            </>
          )}
          {edition.workingTranslation ? <span className="badge badge-working">{edition.workingTranslation}</span> : null}
        </label>
      </li>
    );
  };

  const shownGroups = groups.map((group) => ({ ...group, editions: group.editions.filter((edition) => matches(edition, needle)) })).filter((group) => group.editions.length > 0);

  return (
    <div className="edition-picker">
      <fieldset>
        <legend>Shown editions, in column order</legend>
        <ol className="picker-slots">
          {chosen.map((slug, index) => (
            <li key={slug}>
              <label htmlFor={`${id}-slot-${index}`}>Column {index + 1}</label>
              <select id={`${id}-slot-${index}`} value={slug} onChange={(event) => swap(index, event.target.value)}>
                {groups.map((group) => (
                  <optgroup key={group.key} label={group.label}>
                    {group.editions.map((edition) => (
                      <option key={edition.slug} value={edition.slug} lang={edition.language}>
                        {edition.title} ({edition.slug})
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <span className="order">
                <button type="button" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move ${nameOf(slug)} left`}>
                  ←
                </button>
                <button type="button" onClick={() => move(index, 1)} disabled={index === chosen.length - 1} aria-label={`Move ${nameOf(slug)} right`}>
                  →
                </button>
                <button type="button" onClick={() => toggle(slug)} disabled={chosen.length <= MIN_EDITIONS} aria-label={`Remove ${nameOf(slug)}`}>
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
        {tooFew ? (
          <p className="error" role="alert">
            Choose at least {MIN_EDITIONS} editions.
          </p>
        ) : (
          <p className="hint">
            {MIN_EDITIONS}–{MAX_EDITIONS} editions; beyond what fits, the rows scroll sideways. The address of this page keeps your choice.
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>All editions, by language</legend>
        <p className="picker-filter">
          <label htmlFor={`${id}-filter`}>Filter</label>{" "}
          <input id={`${id}-filter`} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="title or language" />
        </p>
        {shownGroups.length === 0 ? <p className="hint">No edition matches “{filter.trim()}”.</p> : null}
        {shownGroups.map((group) => (
          <div key={group.key} className="picker-language">
            <p className="picker-group" id={`${id}-group-${group.key}`}>
              {group.label}
            </p>
            <ol aria-labelledby={`${id}-group-${group.key}`}>{group.editions.map(item)}</ol>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
