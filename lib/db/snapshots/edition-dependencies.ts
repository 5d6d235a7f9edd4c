/**
 * What keeps an edition from being removed by a restore (the undo of its import): work that someone did on it since,
 * which removing it would destroy. The restore is refused with every reason, so the user knows what to undo first.
 */
import { DomainError } from "../errors";
import type { Tx } from "../grid/types";

/** `reversed`: editions the restore puts back in place of the removed ones (undoing a replacement is not a dependency). */
export async function refuseIfDepended(tx: Tx, editions: readonly { id: string; slug: string }[], what: string, reversed: readonly string[] = []): Promise<void> {
  if (editions.length === 0) return;
  const ids = editions.map((e) => e.id);
  const [found] = await tx.$queryRaw<{ variants: number; revisions: number; lineage: number; links: number; successions: number }[]>`
    SELECT
      (SELECT count(DISTINCT variant_id) FROM variant_edition WHERE edition_id = ANY(${ids}::uuid[]))::int AS variants,
      (SELECT count(*) FROM revision r JOIN segment s ON s.id = r.segment_id WHERE s.edition_id = ANY(${ids}::uuid[]))::int AS revisions,
      (SELECT count(*) FROM segment_lineage l JOIN segment s ON s.id = l.segment_id OR s.id = l.source_segment_id
        WHERE s.edition_id = ANY(${ids}::uuid[]))::int AS lineage,
      (SELECT count(*) FROM word_link_set w WHERE w.status <> 'automatic'
        AND (w.edition_a_id = ANY(${ids}::uuid[]) OR w.edition_b_id = ANY(${ids}::uuid[])))::int AS links,
      (SELECT count(*) FROM edition e WHERE (e.superseded_by_id = ANY(${ids}::uuid[]) AND NOT e.id = ANY(${[...reversed]}::uuid[]))
        OR (e.id = ANY(${ids}::uuid[]) AND e.superseded_by_id IS NOT NULL))::int AS successions`;
  const reasons = [
    found.variants > 0 ? `${found.variants} recorded variant${found.variants === 1 ? " names" : "s name"} it` : null,
    found.revisions > 0 ? `its text was corrected (${found.revisions} revision${found.revisions === 1 ? "" : "s"})` : null,
    found.lineage > 0 ? "its sentences were split or merged" : null,
    found.links > 0 ? `editors edited or confirmed its word links (${found.links} segment pair${found.links === 1 ? "" : "s"})` : null,
    found.successions > 0 ? "it replaced an edition's text, or was replaced" : null,
  ].filter((reason): reason is string => reason !== null);
  if (reasons.length === 0) return;
  const names = editions.map((e) => `“${e.slug}”`).join(", ");
  throw new DomainError(
    "conflict",
    `${what} would remove the edition ${names}, but work depends on it: ${reasons.join("; ")}. Remove or undo that work first; nothing was changed.`,
  );
}
