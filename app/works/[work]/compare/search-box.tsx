"use client";

/**
 * Searches all editions of the work (a plain form: it works without JavaScript); `compact` keeps its label for screen
 * readers only. A client component only so that a page's payload carries its props, not its markup.
 */
export function SearchBox({ workSlug, editions, defaultValue = "", compact = false }: { workSlug: string; editions: string[]; defaultValue?: string; compact?: boolean }) {
  return (
    <form className="search-box" role="search" action={`/works/${workSlug}/search`} method="get">
      <label htmlFor="search-q" className={compact ? "visually-hidden" : undefined}>
        Search all editions
      </label>
      <input id="search-q" type="search" name="q" defaultValue={defaultValue} required maxLength={200} placeholder={compact ? "Search" : undefined} />
      <input type="hidden" name="editions" value={editions.join(",")} />
      <button type="submit" className="button secondary">
        Search
      </button>
    </form>
  );
}
