/**
 * What aligning a work starts from, read in one snapshot: the editions to align (every current edition, and any
 * superseded one still in the grid, whose cells must stay whole), their segments as the aligner sees them (note
 * references stripped, paragraph numbers kept), the current grid as segment indices, and the grid version the
 * write will check.
 */
import { checkGridInvariant, type Grid } from "../../alignment/grid";
import { stripNoteRefs } from "../../text/note-refs";
import type { Db } from "../client";
import { DomainError } from "../errors";
import type { AlignedEdition, ExistingRow } from "./compute-alignment";

export interface AlignmentEditionInfo {
  id: string;
  slug: string;
  language: string;
  title: string;
  isOriginal: boolean;
  standsInForOriginal: boolean;
  provenance: "published" | "working_translation" | "imported";
  translatedFrom: string | null;
  current: boolean;
  /** Whether any of its segments is in a row. */
  inGrid: boolean;
}

export interface AlignmentInput {
  workId: string;
  gridVersion: number;
  pivotEditionId: string | null;
  /** Editions to align, in display order, with their texts. */
  editions: Array<AlignmentEditionInfo & { text: AlignedEdition }>;
  /** The current grid in reading order. */
  rows: ExistingRow[];
}

export async function loadAlignmentInput(db: Db, workId: string): Promise<AlignmentInput> {
  return db.$transaction(
    async (tx) => {
      const work = await tx.work.findUnique({ where: { id: workId }, select: { gridVersion: true, pivotEditionId: true } });
      if (!work) throw new DomainError("not_found", "There is no such work.");
      const [editions, segments, rows] = await Promise.all([
        tx.edition.findMany({
          where: { workId },
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: {
            id: true,
            slug: true,
            language: true,
            title: true,
            isOriginal: true,
            standsInForOriginal: true,
            provenance: true,
            translatedFrom: true,
            supersededById: true,
          },
        }),
        tx.segment.findMany({
          where: { workId },
          orderBy: [{ editionId: "asc" }, { position: "asc" }],
          select: { id: true, editionId: true, rowId: true, text: true, paragraph: true },
        }),
        tx.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true, status: true, confidence: true } }),
      ]);
      const byEdition = new Map<string, typeof segments>(editions.map((e) => [e.id, []]));
      for (const segment of segments) byEdition.get(segment.editionId)!.push(segment);
      const chosen = editions
        .map((edition) => {
          const own = byEdition.get(edition.id)!;
          return {
            id: edition.id,
            slug: edition.slug,
            language: edition.language,
            title: edition.title,
            isOriginal: edition.isOriginal,
            standsInForOriginal: edition.standsInForOriginal,
            provenance: edition.provenance,
            translatedFrom: edition.translatedFrom,
            current: edition.supersededById === null,
            inGrid: own.some((s) => s.rowId !== null),
            own,
          };
        })
        .filter((edition) => edition.current || edition.inGrid);

      const rowIndex = new Map(rows.map((row, index) => [row.id, index]));
      const existing: ExistingRow[] = rows.map((row) => ({ ...row, cells: {} }));
      for (const edition of chosen) {
        for (const row of existing) row.cells[edition.id] = [];
        edition.own.forEach((segment, index) => {
          if (segment.rowId !== null) existing[rowIndex.get(segment.rowId)!].cells[edition.id].push(index);
        });
      }
      assertGridHolds(chosen, existing);
      return {
        workId,
        gridVersion: work.gridVersion,
        pivotEditionId: work.pivotEditionId,
        editions: chosen.map(({ own, ...info }) => ({
          ...info,
          text: {
            editionId: info.id,
            name: info.slug,
            lang: info.language,
            segmentIds: own.map((s) => s.id),
            segments: own.map((s) => ({ text: stripNoteRefs(s.text), paragraph: s.paragraph })),
          },
        })),
        rows: existing,
      };
    },
    { isolationLevel: "RepeatableRead", maxWait: 10_000, timeout: 60_000 },
  );
}

/** The stored grid must hold before it is re-aligned: anything else is a bug elsewhere, not something to align over. */
function assertGridHolds(editions: ReadonlyArray<{ id: string; inGrid: boolean; own: { id: string }[] }>, rows: readonly ExistingRow[]): void {
  const inGrid = editions.filter((e) => e.inGrid);
  const grid: Grid = {
    editionIds: inGrid.map((e) => e.id),
    rows: rows.map((row) => ({
      id: row.id,
      status: row.status,
      confidence: row.confidence,
      cells: Object.fromEntries(inGrid.map((e) => [e.id, row.cells[e.id].map((i) => e.own[i].id)])),
    })),
  };
  const violations = checkGridInvariant(grid, Object.fromEntries(inGrid.map((e) => [e.id, e.own.map((s) => s.id)])));
  if (violations.length > 0) {
    throw new Error(`The stored grid is inconsistent, so it cannot be re-aligned: ${violations.slice(0, 3).map((v) => v.message).join(" ")}`);
  }
}
