/**
 * The compare view's choice of editions, as it lives in the URL: `?editions=ru,en,fr` (2 to 12 editions, in column
 * order). A choice that does not work as a whole keeps what it can — the editions the work has, once each, up to the
 * limit, in the order asked — and says what it left out or added; nothing is substituted silently.
 */
export const MIN_EDITIONS = 2;
/** Columns side by side at most (beyond what fits, the compare view scrolls sideways). */
export const MAX_EDITIONS = 12;
/** Editions shown when the address names none. */
export const DEFAULT_EDITIONS = 5;

const SLUG = /^[a-z0-9-]+$/;

export type EditionSelection = {
  slugs: string[];
  /** What was left out of or added to the choice in the address, as one sentence-like phrase; null when it was used as asked. */
  error: string | null;
};

const quoted = (slugs: string[]) => slugs.map((slug) => `“${slug}”`).join(", ");

/**
 * Reads the `editions` parameter against the work's editions. `alsoChoosable` (earlier witnesses) may be chosen but
 * is never part of the default. Without the parameter: the first five editions, no message.
 */
export function parseEditionSelection(param: string | string[] | undefined, available: string[], alsoChoosable: string[] = []): EditionSelection {
  const fallback = available.slice(0, DEFAULT_EDITIONS);
  if (param === undefined) return { slugs: fallback, error: null };
  const asked = (Array.isArray(param) ? param.join(",") : param)
    .split(",")
    .map((slug) => slug.trim())
    .filter(Boolean);
  const malformed: string[] = [];
  const twice: string[] = [];
  const unknown: string[] = [];
  const kept: string[] = [];
  const note = (list: string[], slug: string) => {
    if (!list.includes(slug)) list.push(slug);
  };
  for (const slug of asked) {
    if (!SLUG.test(slug)) note(malformed, slug);
    else if (kept.includes(slug)) note(twice, slug);
    else if (!available.includes(slug) && !alsoChoosable.includes(slug)) note(unknown, slug);
    else kept.push(slug);
  }
  const tooMany = kept.splice(MAX_EDITIONS);
  const notes = [
    malformed.length ? `edition names use a–z, 0–9 and hyphens: left out ${quoted(malformed.map((slug) => slug.slice(0, 40)))}` : null,
    unknown.length ? `no edition ${quoted(unknown)} in this work` : null,
    twice.length ? `${quoted(twice)} chosen twice: shown once` : null,
    tooMany.length ? `choose at most ${MAX_EDITIONS} editions: left out ${quoted(tooMany)}` : null,
  ];
  if (kept.length === 0) {
    notes.push(`choose at least ${MIN_EDITIONS} editions: showing the first ${fallback.length} instead`);
    return { slugs: fallback, error: notes.filter(Boolean).join("; ") };
  }
  if (kept.length < MIN_EDITIONS) {
    const added = available.filter((slug) => !kept.includes(slug)).slice(0, MIN_EDITIONS - kept.length);
    kept.push(...added);
    notes.push(added.length ? `choose at least ${MIN_EDITIONS} editions: added ${quoted(added)}` : `choose at least ${MIN_EDITIONS} editions`);
  }
  const error = notes.filter(Boolean).join("; ");
  return { slugs: kept, error: error || null };
}
