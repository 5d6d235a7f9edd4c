/**
 * What aligning a work's words starts from, read in one snapshot: the grid version, the current editions with
 * their languages, every row's cells (segment ids and texts, in edition order), and the link sets editors made,
 * which the aligner keeps and learns from.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import type { CellSegment, LinkSet } from "./link-sets";
import { cellWordTokens } from "../../alignment/words/cell-tokens";
import { primaryLanguage } from "../../text/name-key";
import { inOrder } from "../in-order";

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
  /**
   * Rows of other works of the library, per language pair (`${langA}|${langB}`, each cell as its words): more
   * text for the word model to learn the pair from. Filled by `loadLibraryRows`.
   */
  library?: Record<string, { a: string[]; b: string[] }[]>;
}

/** Other works read for the library rows at most, most recently changed first, and rows kept per language pair. */
export const LIBRARY_WORKS = 20;
export const LIBRARY_ROWS_PER_PAIR = 20_000;

/** Rows of the library's other works in the language pairs this work has (both orientations), bounded. */
export async function loadLibraryRows(db: Db, input: WordInput): Promise<Record<string, { a: string[]; b: string[] }[]>> {
  const languages = new Set(input.editions.map((edition) => primaryLanguage(edition.language)));
  const others = await db.work.findMany({
    where: { id: { not: input.workId }, editions: { some: { supersededById: null, language: { in: [...new Set(input.editions.map((e) => e.language))] } } } },
    orderBy: { updatedAt: "desc" },
    take: LIBRARY_WORKS,
    select: { id: true },
  });
  const library: Record<string, { a: string[]; b: string[] }[]> = {};
  for (const other of others) {
    const rows = await loadWordInput(db, other.id);
    const words = rows.editions.map((edition) => ({
      lang: primaryLanguage(edition.language),
      cells: rows.rows.map((row) => cellWordTokens(row[edition.id].map((segment) => segment.text), edition.language).map((token) => token.text)),
    }));
    for (const x of words) {
      for (const y of words) {
        if (x === y || x.lang === y.lang || !languages.has(x.lang) || !languages.has(y.lang)) continue;
        const list = (library[`${x.lang}|${y.lang}`] ??= []);
        x.cells.forEach((cell, r) => {
          if (cell.length > 0 && y.cells[r].length > 0 && list.length < LIBRARY_ROWS_PER_PAIR) list.push({ a: cell, b: y.cells[r] });
        });
      }
    }
  }
  return library;
}

export async function loadWordInput(db: Db, workId: string): Promise<WordInput> {
  return db.$transaction(async (tx) => {
    const work = await tx.work.findUnique({ where: { id: workId }, select: { gridVersion: true, pivotEditionId: true } });
    if (!work) throw new DomainError("not_found", "There is no such work.");
    const [editions, rows, segments, kept] = await inOrder([
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
