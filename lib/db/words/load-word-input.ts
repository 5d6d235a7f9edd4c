/**
 * What aligning a work's words starts from, read in one snapshot: the grid version, the current editions with
 * their languages, every row's cells (segment ids and texts, in edition order), and the link sets editors made,
 * which the aligner keeps and learns from.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import type { CellSegment, LinkSet } from "./link-sets";

export interface WordInputEdition {
  id: string;
  slug: string;
  language: string;
}

export interface WordInput {
  workId: string;
  gridVersion: number;
  pivotEditionId: string | null;
  editions: WordInputEdition[];
  /** rows[r][editionId] = the cell's segments. */
  rows: Record<string, CellSegment[]>[];
  rowIds: string[];
  /** Sets editors edited or confirmed. */
  kept: LinkSet[];
}

export async function loadWordInput(db: Db, workId: string): Promise<WordInput> {
  return db.$transaction(async (tx) => {
    const work = await tx.work.findUnique({ where: { id: workId }, select: { gridVersion: true, pivotEditionId: true } });
    if (!work) throw new DomainError("not_found", "There is no such work.");
    const [editions, rows, segments, kept] = await Promise.all([
      tx.edition.findMany({ where: { workId, supersededById: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, language: true } }),
      tx.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } }),
      tx.segment.findMany({ where: { workId, rowId: { not: null }, edition: { supersededById: null } }, orderBy: { position: "asc" }, select: { id: true, rowId: true, editionId: true, text: true } }),
      tx.wordLinkSet.findMany({ where: { workId, status: { not: "automatic" } } }),
    ]);
    const index = new Map(rows.map((row, r) => [row.id, r]));
    const cells: Record<string, CellSegment[]>[] = rows.map(() => Object.fromEntries(editions.map((edition) => [edition.id, [] as CellSegment[]])));
    for (const segment of segments) cells[index.get(segment.rowId!)!][segment.editionId]?.push({ id: segment.id, text: segment.text });
    return {
      workId,
      gridVersion: work.gridVersion,
      pivotEditionId: work.pivotEditionId,
      editions,
      rows: cells,
      rowIds: rows.map((row) => row.id),
      kept: kept.map((set) => ({ ...set, status: set.status })),
    };
  }, { timeout: 60_000 });
}
