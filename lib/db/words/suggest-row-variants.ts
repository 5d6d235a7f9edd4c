/**
 * Suggested variants of a window of rows (lib/diff/suggest-variants.ts over the stored word links and anchor
 * signals), against the work's pivot, for the variants page. A window at a time, so a novel costs what a page costs.
 */
import { cellWordTokens } from "../../alignment/words/cell-tokens";
import type { AnchorDifference } from "../../diff/anchors";
import { suggestVariants, type SuggestedVariant } from "../../diff/suggest-variants";
import { joinSegments } from "../../diff/text-marks";
import type { Db } from "../client";
import { getRowCells } from "../search/get-row-cells";
import { getRowLinks } from "./get-row-links";

export const SUGGESTION_WINDOW = 100;

export interface RowSuggestions {
  rowId: string;
  number: number;
  suggestions: (SuggestedVariant & { editionSlug: string; baseSlug: string })[];
}

export async function suggestRowVariants(db: Db, workId: string, from: number): Promise<{ rows: RowSuggestions[]; rowCount: number; base: string | null }> {
  const [work, editions, rowCount] = await Promise.all([
    db.work.findUniqueOrThrow({ where: { id: workId }, select: { pivotEditionId: true } }),
    db.edition.findMany({ where: { workId, supersededById: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, language: true } }),
    db.alignmentRow.count({ where: { workId } }),
  ]);
  const base = editions.find((edition) => edition.id === work.pivotEditionId) ?? editions[0];
  if (!base || editions.length < 2) return { rows: [], rowCount, base: null };
  const ids = await db.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, skip: from - 1, take: SUGGESTION_WINDOW, select: { id: true } });
  const rowIds = ids.map((row) => row.id);
  const [rows, signals] = await Promise.all([
    getRowCells(db, workId, rowIds, editions.map((edition) => edition.id)),
    db.rowSignal.findMany({ where: { rowId: { in: rowIds } }, select: { rowId: true, differences: true } }),
  ]);
  const links = await getRowLinks(db, rows, editions);
  const differencesOf = new Map(signals.map((signal) => [signal.rowId, signal.differences as unknown as AnchorDifference[]]));
  const slugOf = new Map(editions.map((edition) => [edition.id, edition.slug]));
  return {
    base: base.slug,
    rowCount,
    rows: rows
      .map((row) => {
        const marked = editions.map((edition) => {
          const texts = (row.cells[edition.id] ?? []).map((segment) => segment.text);
          return { id: edition.id, slug: edition.slug, language: edition.language, tokens: cellWordTokens(texts, edition.language), starts: joinSegments(texts).starts };
        });
        const suggestions = suggestVariants(marked, links.get(row.id) ?? [], base.id, differencesOf.get(row.id) ?? []);
        return { rowId: row.id, number: row.number, suggestions: suggestions.map((s) => ({ ...s, editionSlug: slugOf.get(s.editionId)!, baseSlug: base.slug })) };
      })
      .filter((row) => row.suggestions.length > 0),
  };
}
