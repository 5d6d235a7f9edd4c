import { db, type Db } from "../client";
import { NotFoundError } from "../errors";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";

/**
 * A work and its current editions, pivot first, then in display order; and its earlier witnesses: editions whose
 * text a newer one replaced, kept to read and diff against, each with what replaced it, when, and whether its
 * segments are still in the alignment grid.
 */
export async function getWork(access: ReadAccess, slug: string, client: Db = db()) {
  assertReadAccess(access);
  const work = await client.work.findUnique({
    where: { slug },
    include: { editions: { where: { supersededById: null }, orderBy: { position: "asc" } } },
  });
  if (!work) throw new NotFoundError(`No work “${slug}”.`);
  const editions = [...work.editions].sort((a, b) => Number(b.id === work.pivotEditionId) - Number(a.id === work.pivotEditionId));
  const superseded = await client.edition.findMany({
    where: { workId: work.id, supersededById: { not: null } },
    orderBy: [{ position: "asc" }, { importedAt: "asc" }],
    include: {
      supersededBy: { select: { slug: true, title: true, language: true, importedAt: true } },
      _count: { select: { segments: { where: { rowId: { not: null } } } } },
    },
  });
  const earlierWitnesses = superseded.map(({ supersededBy, _count, ...edition }) => ({
    ...edition,
    replacedBy: { slug: supersededBy!.slug, title: supersededBy!.title, language: supersededBy!.language },
    replacedAt: supersededBy!.importedAt,
    inGrid: _count.segments > 0,
  }));
  return { ...work, editions, earlierWitnesses };
}

export type WorkWithEditions = Awaited<ReturnType<typeof getWork>>;
export type EarlierWitness = WorkWithEditions["earlierWitnesses"][number];
