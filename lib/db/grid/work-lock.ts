/**
 * Every write to a work's grid or text runs in one transaction that first locks the work's row: writes to one
 * work are serialised (each sees the one before it), readers are never blocked, and nothing is held between
 * requests, so any app server can take any write.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import type { Tx } from "./types";

export interface LockedWork {
  id: string;
  slug: string;
  gridVersion: number;
}

export async function inWorkTransaction<T>(
  db: Db,
  workId: string,
  run: (tx: Tx, work: LockedWork) => Promise<T>,
  options: { timeout?: number } = {},
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const [work] = await tx.$queryRaw<{ id: string; slug: string; grid_version: number }[]>`
        SELECT id::text, slug, grid_version FROM work WHERE id = ${workId}::uuid FOR UPDATE`;
      if (!work) throw new DomainError("not_found", "There is no such work.");
      return run(tx, { id: work.id, slug: work.slug, gridVersion: work.grid_version });
    },
    { maxWait: 10_000, timeout: options.timeout ?? 30_000 },
  );
}

/** The id of the work with this slug. */
export async function findWorkId(db: Db, slug: string): Promise<string> {
  const work = await db.work.findUnique({ where: { slug }, select: { id: true } });
  if (!work) throw new DomainError("not_found", `No work “${slug}”.`);
  return work.id;
}
