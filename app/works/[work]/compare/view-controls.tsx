"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { WordLegend } from "@/app/components/word-legend";
import { PROFILE_LABEL, PROFILES, viewQuery, type ViewParams } from "@/lib/diff/view-params";

export interface ControlEdition {
  slug: string;
  title: string;
  language: string;
}

export interface PairSuggestion {
  pair: [string, string];
  editions: string[];
  label: string;
}

/**
 * The word-diff and anchor settings of the compare view. Every change goes into the URL (so a view can be
 * shared); stored text is never changed by any of them. The controls show a change at once and the page follows;
 * the page gives the component a key per URL, so a new page starts from the settings it shows.
 */
export function ViewControls({
  view,
  editions,
  shown,
  pairs,
  suggestions,
  baseEditions,
  base,
}: {
  view: ViewParams;
  /** The work's editions (the edition picker's list: one list in the page's payload for both). */
  editions: ControlEdition[];
  /** The shown editions, in column order. */
  shown: string[];
  pairs: [string, string][];
  suggestions: PairSuggestion[];
  /** The shown current editions, which word differences can be measured against. */
  baseEditions: string[];
  /** The base in use (the pivot unless the URL names another). */
  base: string | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [current, setCurrent] = useState(view);
  const [pending, startTransition] = useTransition();
  const slugs = shown;
  const titleOf = (slug: string) => editions.find((edition) => edition.slug === slug)?.title ?? slug;
  const apply = (change: Partial<ViewParams>) => {
    const next = { ...current, ...change };
    setCurrent(next);
    startTransition(() => router.replace(`${pathname}${viewQuery(next, slugs)}`, { scroll: false }));
  };
  const diffValue = current.diff ? current.diff.join(",") : "";
  const diffOn = current.diff !== null;

  return (
    <fieldset className="view-controls" aria-busy={pending}>
      <legend>Word differences, diff and anchors</legend>
      <div className="control-row" role="group" aria-label="Word differences across languages">
        <label>
          <input type="checkbox" checked={current.words} onChange={(event) => apply({ words: event.target.checked })} /> word differences across languages
        </label>
        {baseEditions.length > 1 ? (
          <span>
            <label htmlFor="word-base">against </label>
            <select id="word-base" value={current.base ?? base ?? ""} disabled={!current.words} onChange={(event) => apply({ base: event.target.value || null })}>
              {baseEditions.map((slug) => (
                <option key={slug} value={slug}>
                  {titleOf(slug)} ({slug})
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>
      {current.words ? <WordLegend hint="Point at, focus or tap a word to see its counterparts; in a cell, press W for word mode, then ← → to move." /> : null}
      {pairs.length > 0 ? (
        <p>
          <label htmlFor="diff-pair">Diff </label>
          <select id="diff-pair" value={diffValue} onChange={(event) => apply({ diff: event.target.value ? (event.target.value.split(",") as [string, string]) : null })}>
            <option value="">off</option>
            {pairs.map((pair) => (
              <option key={pair.join(",")} value={pair.join(",")}>
                {titleOf(pair[0])} ({pair[0]}) → {titleOf(pair[1])} ({pair[1]})
              </option>
            ))}
          </select>
        </p>
      ) : (
        <p className="hint">
          Same-language diff: no two chosen editions share a language (word differences across languages are marked from the word links).
          {suggestions.length > 0 ? " Compare: " : null}
          {suggestions.map((suggestion, index) => (
            <span key={suggestion.pair.join(",")}>
              {index > 0 ? ", " : null}
              <Link href={`${pathname}${viewQuery({ ...view, diff: suggestion.pair, page: 1 }, suggestion.editions)}`}>{suggestion.label}</Link>
            </span>
          ))}
        </p>
      )}
      <div className="control-row" role="group" aria-label="Diff display">
        <label>
          <input type="radio" name="diff-view" checked={current.view === "side"} disabled={!diffOn} onChange={() => apply({ view: "side" })} /> side by side
        </label>
        <label>
          <input type="radio" name="diff-view" checked={current.view === "inline"} disabled={!diffOn} onChange={() => apply({ view: "inline" })} /> inline
        </label>
      </div>
      <div className="control-row" role="group" aria-label="Diff options">
        <label>
          <input type="checkbox" checked={current.ignoreCase} onChange={(event) => apply({ ignoreCase: event.target.checked })} /> ignore case
        </label>
        <label>
          <input type="checkbox" checked={current.ignorePunctuation} onChange={(event) => apply({ ignorePunctuation: event.target.checked })} /> ignore
          punctuation
        </label>
        <label>
          <input type="checkbox" checked={current.ignoreWhitespace} onChange={(event) => apply({ ignoreWhitespace: event.target.checked })} /> ignore
          whitespace
        </label>
      </div>
      <p>
        <label htmlFor="diff-profile">Normalisation </label>
        <select id="diff-profile" value={current.profile} onChange={(event) => apply({ profile: event.target.value as ViewParams["profile"] })}>
          {PROFILES.map((profile) => (
            <option key={profile} value={profile}>
              {PROFILE_LABEL[profile]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="anchor-mode">Highlight anchors </label>
        <select id="anchor-mode" value={current.anchors} onChange={(event) => apply({ anchors: event.target.value as ViewParams["anchors"] })}>
          <option value="differing">missing in some editions</option>
          <option value="all">all (numbers, dates, names, quotations)</option>
          <option value="none">none</option>
        </select>
      </p>
    </fieldset>
  );
}
