/**
 * Records an import in the work's journal (kind "import", or "replace-edition" when it replaced an edition's
 * text) under the one grid version it produces: the version the write moved to when it placed text in the grid,
 * else the next one, so that every import is a step in the journal and open editor pages reload.
 */
import { recordGridWrite } from "../grid/record-grid-write";
import type { Tx } from "./types";

export interface ImportEntry {
  workSlug: string;
  /** The work's grid version before the import; 0 for a work the import created. */
  versionBefore: number;
  kind: "import" | "replace-edition";
  importedById: string | null;
  summary: string;
  rowIds: string[];
  file: string;
  checksum: string;
}

/** The work's grid version now, 0 when there is no such work yet. */
export async function gridVersionOf(tx: Tx, workSlug: string): Promise<number> {
  const work = await tx.work.findUnique({ where: { slug: workSlug }, select: { gridVersion: true } });
  return work?.gridVersion ?? 0;
}

/** Returns the work's id. */
export async function journalImport(tx: Tx, entry: ImportEntry): Promise<string> {
  const work = await tx.work.findUniqueOrThrow({ where: { slug: entry.workSlug }, select: { id: true, gridVersion: true } });
  const steps = work.gridVersion - entry.versionBefore;
  if (steps > 1) throw new Error(`The import moved the grid of ${entry.workSlug} on by ${steps} versions; it must move it by one.`);
  const version =
    steps === 1
      ? work.gridVersion
      : (await tx.work.update({ where: { id: work.id }, data: { gridVersion: { increment: 1 } }, select: { gridVersion: true } })).gridVersion;
  await recordGridWrite(tx, {
    workId: work.id,
    kind: entry.kind,
    version,
    userId: entry.importedById,
    summary: entry.summary,
    rowIds: entry.rowIds,
    details: { file: entry.file, checksum: entry.checksum },
  });
  return work.id;
}
