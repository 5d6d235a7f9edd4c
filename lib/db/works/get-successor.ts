import { db, type Db } from "../client";

/** The edition whose text replaced an earlier witness (the edition `supersededById` names), or null for a current edition. */
export async function getSuccessor(supersededById: string | null, client: Db = db()) {
  if (!supersededById) return null;
  return client.edition.findUnique({ where: { id: supersededById }, select: { slug: true, title: true, language: true, importedAt: true } });
}
