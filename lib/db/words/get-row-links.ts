/**
 * The word links of some rows between every pair of the chosen editions, in cell positions (each cell's words
 * numbered across its segments, `cellWordTokens`), for the compare view and the API. Pairs are given in stored
 * order (A's edition id sorts first). Past MAX_ALL_PAIRS editions only the pivot pairs are aligned, so other pairs
 * come back without links.
 */
import type { WordLink } from "../../alignment/words/symmetrise";
import type { Db } from "../client";
import { cellOffsets, rowLinksFromSets, storedOrder, type CellSegment, type LinkSet, type LinkStatus } from "./link-sets";

export interface RowPairLinks {
  a: string;
  b: string;
  links: WordLink[];
  /** The strongest status among the row's sets for the pair: confirmed > edited > automatic; null without sets. */
  status: LinkStatus | null;
  /** Links dropped because their words changed. */
  dropped: number;
}

export interface LinkRowInput {
  id: string;
  cells: Record<string, CellSegment[]>;
}

const RANK: Record<LinkStatus, number> = { automatic: 0, edited: 1, confirmed: 2 };

export async function getRowLinks(db: Db, rows: readonly LinkRowInput[], editions: readonly { id: string; language: string }[]): Promise<Map<string, RowPairLinks[]>> {
  const segmentIds = rows.flatMap((row) => editions.flatMap((edition) => (row.cells[edition.id] ?? []).map((segment) => segment.id)));
  const result = new Map<string, RowPairLinks[]>();
  if (segmentIds.length === 0 || editions.length < 2) return result;
  const sets = (await db.wordLinkSet.findMany({
    where: { segmentAId: { in: segmentIds }, segmentBId: { in: segmentIds } },
    select: { segmentAId: true, segmentBId: true, editionAId: true, editionBId: true, status: true, aTokens: true, bTokens: true, probabilities: true, dropped: true },
  })) as LinkSet[];
  const bySegmentA = new Map<string, LinkSet[]>();
  for (const set of sets) bySegmentA.set(set.segmentAId, [...(bySegmentA.get(set.segmentAId) ?? []), set]);
  for (const row of rows) {
    const offsets = new Map(editions.map((edition) => [edition.id, cellOffsets(row.cells[edition.id] ?? [], edition.language).offsets]));
    const pairs: RowPairLinks[] = [];
    for (let x = 0; x < editions.length; x++) {
      for (let y = x + 1; y < editions.length; y++) {
        const { a, b } = storedOrder(editions[x].id, editions[y].id);
        const cellB = new Set((row.cells[b] ?? []).map((segment) => segment.id));
        const own = (row.cells[a] ?? []).flatMap((segment) => (bySegmentA.get(segment.id) ?? []).filter((set) => cellB.has(set.segmentBId)));
        const status = own.reduce<LinkStatus | null>((best, set) => (best === null || RANK[set.status] > RANK[best] ? set.status : best), null);
        pairs.push({
          a,
          b,
          links: rowLinksFromSets(own, offsets.get(a)!, offsets.get(b)!),
          status,
          dropped: own.reduce((sum, set) => sum + set.dropped, 0),
        });
      }
    }
    result.set(row.id, pairs);
  }
  return result;
}
