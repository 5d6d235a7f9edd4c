import { db } from "../client";
import { NotFoundError } from "../errors";

/** A work and its current editions, pivot first, then in display order. */
export async function getWork(slug: string) {
  const work = await db().work.findUnique({
    where: { slug },
    include: { editions: { where: { supersededById: null }, orderBy: { position: "asc" } } },
  });
  if (!work) throw new NotFoundError(`No work “${slug}”.`);
  const editions = [...work.editions].sort((a, b) => Number(b.id === work.pivotEditionId) - Number(a.id === work.pivotEditionId));
  return { ...work, editions };
}

export type WorkWithEditions = Awaited<ReturnType<typeof getWork>>;
