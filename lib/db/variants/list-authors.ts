/** The people who recorded variants in a work, for the register's author filter. */
import type { Db } from "../client";

export async function listVariantAuthors(db: Db, workId: string): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({ where: { variants: { some: { workId } } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
