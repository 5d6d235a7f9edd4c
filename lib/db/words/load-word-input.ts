/**
 * What aligning a work's words starts from, read in one snapshot: the grid version, the current editions with
 * their languages, every row's cells (segment ids and texts, in edition order), and the link sets editors made,
 * which the aligner keeps and learns from.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import { readInChunks } from "../read-in-chunks";
import type { CellSegment, LinkSet } from "./link-sets";
import { cellWordTokens } from "../../alignment/words/cell-tokens";
import { primaryLanguage } from "../../text/name-key";

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
    const rows = await tx.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
    return readInput(tx, workId, rows.map((row) => row.id), { workId });
  }, { timeout: 60_000 });
}

/** Rows read on each side of every row a word window is asked for. */
export const WINDOW_CONTEXT = 120;
/** Rows a window may be asked for at most (more go to the whole-work run). */
export const MAX_WINDOW_TARGETS = 200;

/**
 * The input of an incremental run (align-row-words.ts): the asked rows that still exist and up to `context` rows on
 * each side of each, in reading order, so that the model has text around them to learn from; the cost depends on
 * the rows asked for, not on the size of the work.
 */
export async function loadWordWindow(db: Db, workId: string, rowIds: readonly string[], context = WINDOW_CONTEXT): Promise<WordInput & { targetRowIds: string[] }> {
  return db.$transaction(async (tx) => {
    const targets = await tx.alignmentRow.findMany({ where: { workId, id: { in: [...rowIds] } }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    const window = new Map<string, number>();
    for (const target of targets) {
      if (window.has(target.id)) continue;
      const before = await tx.alignmentRow.findMany({ where: { workId, position: { lt: target.position } }, orderBy: { position: "desc" }, take: context, select: { id: true, position: true } });
      const after = await tx.alignmentRow.findMany({ where: { workId, position: { gte: target.position } }, orderBy: { position: "asc" }, take: context + 1, select: { id: true, position: true } });
      for (const row of [...before, ...after]) window.set(row.id, row.position);
    }
    const ordered = [...window].sort((x, y) => x[1] - y[1]).map(([id]) => id);
    const input = await readInput(tx, workId, ordered, { rowId: { in: ordered } });
    return { ...input, targetRowIds: targets.map((target) => target.id) };
  }, { timeout: 60_000 });
}

type ReadTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The editions, the given rows' cells and the kept link sets of their segments (`segmentWhere` narrows the read). */
async function readInput(tx: ReadTx, workId: string, rowIds: string[], segmentWhere: { workId: string } | { rowId: { in: string[] } }): Promise<WordInput> {
  const work = await tx.work.findUnique({ where: { id: workId }, select: { gridVersion: true, pivotEditionId: true } });
  if (!work) throw new DomainError("not_found", "There is no such work.");
  const editions = await tx.edition.findMany({ where: { workId, supersededById: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, language: true } });
  const select = { id: true, rowId: true, editionId: true, text: true } as const;
  const live = { workId, edition: { supersededById: null } };
  const segments =
    "rowId" in segmentWhere
      ? await readInChunks(segmentWhere.rowId.in, (chunk) => tx.segment.findMany({ where: { ...live, rowId: { in: chunk } }, orderBy: { position: "asc" }, select }))
      : await tx.segment.findMany({ where: { ...live, rowId: { not: null } }, orderBy: { position: "asc" }, select });
  const kept =
    "rowId" in segmentWhere
      ? await readInChunks(segments.map((segment) => segment.id), (chunk) => tx.wordLinkSet.findMany({ where: { workId, status: { not: "automatic" }, segmentAId: { in: chunk } } }))
      : await tx.wordLinkSet.findMany({ where: { workId, status: { not: "automatic" } } });
  const index = new Map(rowIds.map((id, r) => [id, r]));
  const cells: Record<string, CellSegment[]>[] = rowIds.map(() => Object.fromEntries(editions.map((edition) => [edition.id, [] as CellSegment[]])));
  for (const segment of segments) {
    const r = index.get(segment.rowId!);
    if (r !== undefined) cells[r][segment.editionId]?.push({ id: segment.id, text: segment.text });
  }
  return {
    workId,
    gridVersion: work.gridVersion,
    pivotEditionId: work.pivotEditionId,
    editions,
    rows: cells,
    rowIds,
    kept: kept.map((set) => ({ ...set, status: set.status })),
  };
}
