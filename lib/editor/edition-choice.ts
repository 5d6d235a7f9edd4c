/**
 * Which editions the alignment editor shows: those the URL names (`?e=en,ru,fr`, slugs, in that order), or by
 * default the pivot and the next editions in display order up to DEFAULT_SHOWN. Unknown or repeated slugs are left
 * out and named, so the page can say what it did not show; a request with none known falls back to the default.
 */

export const DEFAULT_SHOWN = 5;
export const MAX_SHOWN = 40;

export interface ChoosableEdition {
  id: string;
  slug: string;
}

export interface EditionChoice<E extends ChoosableEdition> {
  shown: E[];
  /** Slugs of the request that were not shown: unknown, repeated, or past MAX_SHOWN. */
  leftOut: string[];
  /** True when the URL chose (at least one known edition). */
  requested: boolean;
}

/** `editions` in display order, the pivot first. */
export function chooseEditions<E extends ChoosableEdition>(editions: readonly E[], request: string | null | undefined): EditionChoice<E> {
  const slugs = (request ?? "")
    .split(",")
    .map((slug) => slug.trim())
    .filter((slug) => slug !== "");
  const bySlug = new Map(editions.map((e) => [e.slug, e]));
  const shown: E[] = [];
  const leftOut: string[] = [];
  for (const slug of slugs) {
    const edition = bySlug.get(slug);
    if (!edition || shown.includes(edition) || shown.length >= MAX_SHOWN) leftOut.push(slug);
    else shown.push(edition);
  }
  if (shown.length === 0) return { shown: editions.slice(0, DEFAULT_SHOWN), leftOut, requested: false };
  return { shown, leftOut, requested: true };
}

/** The URL parameter for a choice. */
export function editionsParam(editions: readonly ChoosableEdition[]): string {
  return editions.map((e) => e.slug).join(",");
}
