/** The editions a variant names by slug, all of them in the variant's work, or an invalid-field error. */
import type { Tx } from "./types";
import { DomainError } from "../errors";

export async function resolveEditions(tx: Tx, workId: string, slugs: readonly string[]): Promise<string[]> {
  const editions = await tx.edition.findMany({ where: { workId, slug: { in: [...slugs] } }, select: { id: true, slug: true } });
  const unknown = slugs.filter((slug) => !editions.some((edition) => edition.slug === slug));
  if (unknown.length > 0) {
    const message = `this work has no edition ${unknown.map((slug) => `“${slug}”`).join(", ")}`;
    throw new DomainError("invalid", `The request is not valid: editions: ${message}`, { issues: [{ path: "editions", message }] });
  }
  return slugs.map((slug) => editions.find((edition) => edition.slug === slug)!.id);
}
