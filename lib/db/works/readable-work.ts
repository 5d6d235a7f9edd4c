/** The id of a work a reader asks for by its slug (for reads that continue by id: grid, changes, stream, jobs). */
import type { Db } from "../client";
import { findWorkId } from "../grid/work-lock";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";

export async function findReadableWorkId(access: ReadAccess, db: Db, slug: string): Promise<string> {
  assertReadAccess(access);
  return findWorkId(db, slug);
}
