/**
 * The word links of some rows between every pair of the chosen editions, in cell positions (each cell's words
 * numbered across its segments, `cellWordTokens`), for the compare view and the API. Pairs are given in stored
 * order (A's edition id sorts first). Past MAX_ALL_PAIRS editions only the pivot pairs are aligned, so other pairs
 * come back without links.
 */
import type { WordLink } from "../../alignment/words/symmetrise";
import type { Db } from "../client";
import { cellWordOffsets } from "../../compare/cached-words";
import { rowLinksFromSets, storedOrder, type CellSegment, type LinkSet, type LinkStatus } from "./link-sets";

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

function numbers(list: string): number[] {
  if (!list) return [];
  const parts = list.split(" ");
  const values = new Array<number>(parts.length);
  for (let k = 0; k < parts.length; k++) values[k] = +parts[k];
  return values;
}

/**
 * The link sets between the given segments. The position and probability arrays come as space-separated text, which
 * costs less to read than thousands of array values (a 200-row page of five editions holds some 3,000 sets).
 */
async function readSets(db: Db, segmentIds: string[]): Promise<LinkSet[]> {
  const records = await db.$queryRaw<(Omit<LinkSet, "aTokens" | "bTokens" | "probabilities"> & { a: string; b: string; p: string })[]>`
    SELECT segment_a_id::text AS "segmentAId", segment_b_id::text AS "segmentBId", edition_a_id::text AS "editionAId",
           edition_b_id::text AS "editionBId", status::text AS status, dropped,
           array_to_string(a_tokens, ' ') AS a, array_to_string(b_tokens, ' ') AS b, array_to_string(probabilities, ' ') AS p
    FROM word_link_set
    WHERE segment_a_id = ANY(${segmentIds}::uuid[]) AND segment_b_id = ANY(${segmentIds}::uuid[])`;
  return records.map((record) => ({
    segmentAId: record.segmentAId,
    segmentBId: record.segmentBId,
    editionAId: record.editionAId,
    editionBId: record.editionBId,
    status: record.status,
    dropped: record.dropped,
    aTokens: numbers(record.a),
    bTokens: numbers(record.b),
    probabilities: numbers(record.p),
  }));
}

export async function getRowLinks(db: Db, rows: readonly LinkRowInput[], editions: readonly { id: string; language: string }[]): Promise<Map<string, RowPairLinks[]>> {
  const segmentIds = rows.flatMap((row) => editions.flatMap((edition) => (row.cells[edition.id] ?? []).map((segment) => segment.id)));
  const result = new Map<string, RowPairLinks[]>();
  if (segmentIds.length === 0 || editions.length < 2) return result;
  const sets = await readSets(db, segmentIds);
  const bySegmentA = new Map<string, LinkSet[]>();
  for (const set of sets) {
    const list = bySegmentA.get(set.segmentAId);
    if (list) list.push(set);
    else bySegmentA.set(set.segmentAId, [set]);
  }
  for (const row of rows) {
    const offsets = new Map(
      editions.map((edition) => {
        const segments = row.cells[edition.id] ?? [];
        const starts = cellWordOffsets(
          segments.map((segment) => segment.text),
          edition.language,
        );
        return [edition.id, new Map(segments.map((segment, index) => [segment.id, starts[index]]))];
      }),
    );
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
