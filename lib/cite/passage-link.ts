/**
 * The stable link of a cited passage: keyed by the identity of a segment (the pivot's, else the first shown
 * edition's, in the passage's first row; and in its last row for a range), never by a row number, so it survives
 * re-alignment and edits of the grid. `/works/<work>/passage/<segment>?to=<segment>&editions=ru,en` is resolved by
 * the app to the row that holds the segment today.
 */
import { z } from "zod";

export interface PassageAnchor {
  from: string;
  /** The segment the passage ends with, when it spans rows. */
  to?: string | null;
}

export function passagePath(workSlug: string, anchor: PassageAnchor, editions: readonly string[]): string {
  const query = new URLSearchParams();
  if (anchor.to && anchor.to !== anchor.from) query.set("to", anchor.to);
  if (editions.length) query.set("editions", editions.join(","));
  const search = query.toString().replace(/%2C/g, ",");
  return `/works/${encodeURIComponent(workSlug)}/passage/${anchor.from}${search ? `?${search}` : ""}`;
}

/** The query of a passage link (`to`, `editions`), validated. */
export const PassageQuerySchema = z.object({
  to: z.uuid().optional(),
  editions: z
    .string()
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+){0,9}$/, "editions: edition names separated by commas")
    .optional(),
});

/** Where the compare view shows the passage: its editions and the row (and range) that holds it today. */
export function compareHref(workSlug: string, rows: { from: number; to: number }, editions: string | undefined): string {
  const query = editions ? `?editions=${editions}` : "";
  return `/works/${encodeURIComponent(workSlug)}/compare${query}#r${rows.from}`;
}
