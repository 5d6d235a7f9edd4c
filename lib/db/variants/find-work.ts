/** The work a variant request names, or a not-found error. */
import type { Db } from "../client";
import { NotFoundError } from "../errors";

export async function findWorkBySlug(db: Db, slug: string): Promise<{ id: string; slug: string; title: string }> {
  const work = await db.work.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
  if (!work) throw new NotFoundError(`There is no work “${slug}”.`);
  return work;
}
