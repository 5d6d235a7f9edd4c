/** The compare view's choice of editions, as it lives in the URL: `?editions=ru,en,fr` (2 to 5 editions, in column order). */
import { z } from "zod";

export const MIN_EDITIONS = 2;
export const MAX_EDITIONS = 5;

const SelectionSchema = z
  .string()
  .transform((value) => value.split(",").map((slug) => slug.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().regex(/^[a-z0-9-]+$/, "edition names use a–z, 0–9 and hyphens"))
      .min(MIN_EDITIONS, `choose at least ${MIN_EDITIONS} editions`)
      .max(MAX_EDITIONS, `choose at most ${MAX_EDITIONS} editions`)
      .refine((slugs) => new Set(slugs).size === slugs.length, "an edition is chosen twice"),
  );

export type EditionSelection = { slugs: string[]; error: string | null };

/**
 * Reads the `editions` parameter against the work's editions; falls back to the first five with an error message
 * when it is invalid. `alsoChoosable` (earlier witnesses) may be chosen but is never part of the fallback.
 */
export function parseEditionSelection(param: string | string[] | undefined, available: string[], alsoChoosable: string[] = []): EditionSelection {
  const fallback = available.slice(0, MAX_EDITIONS);
  if (param === undefined) return { slugs: fallback, error: null };
  const result = SelectionSchema.safeParse(Array.isArray(param) ? param.join(",") : param);
  if (!result.success) return { slugs: fallback, error: result.error.issues[0].message };
  const unknown = result.data.filter((slug) => !available.includes(slug) && !alsoChoosable.includes(slug));
  if (unknown.length) return { slugs: fallback, error: `no edition “${unknown.join("”, “")}” in this work` };
  return { slugs: result.data, error: null };
}
