/**
 * How good a work's alignment looks: how many rows, how many confirmed, the aligner's mean and lowest confidence,
 * the shapes of the rows against the pivot for each edition (1-1, 1-2, 2-1, 1-0, 0-1…), and the least confident
 * rows, which are the ones to check first.
 */
import { stripNoteRefs } from "../../text/note-refs";
import type { Db } from "../client";

export interface ShapeCounts {
  editionId: string;
  slug: string;
  language: string;
  /** "p-k" (pivot segments - this edition's segments in a row) -> rows of that shape. */
  counts: Record<string, number>;
}

export interface UncertainRow {
  id: string;
  /** 1-based number in reading order: the compare view's anchor #rN. */
  number: number;
  status: "automatic" | "confirmed";
  confidence: number;
  /** The pivot's text in the row (or the first edition's with text there), shortened. */
  preview: { text: string; language: string } | null;
}

export interface AlignmentOverview {
  pivot: { id: string; slug: string; title: string; language: string } | null;
  rows: number;
  confirmed: number;
  /** Rows with an aligner's confidence (automatic rows; hand-made rows have none). */
  scored: number;
  meanConfidence: number | null;
  minConfidence: number | null;
  shapes: ShapeCounts[];
  /** Shapes seen in any edition, most frequent first. */
  shapeOrder: string[];
  leastConfident: UncertainRow[];
}

const PREVIEW_LENGTH = 160;

export async function getAlignmentOverview(db: Db, workId: string, limit = 25): Promise<AlignmentOverview> {
  return db.$transaction(
    async (tx) => {
      const work = await tx.work.findUniqueOrThrow({ where: { id: workId }, select: { pivotEditionId: true } });
      const [rows, editions, segments] = await Promise.all([
        tx.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true, status: true, confidence: true } }),
        tx.edition.findMany({ where: { workId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, slug: true, title: true, language: true } }),
        tx.segment.findMany({ where: { workId, rowId: { not: null } }, orderBy: { position: "asc" }, select: { rowId: true, editionId: true, text: true } }),
      ]);
      const pivot = editions.find((e) => e.id === work.pivotEditionId) ?? null;
      const counts = new Map<string, Map<string, number>>(rows.map((row) => [row.id, new Map()]));
      for (const s of segments) counts.get(s.rowId!)!.set(s.editionId, (counts.get(s.rowId!)!.get(s.editionId) ?? 0) + 1);
      const aligned = editions.filter((e) => segments.some((s) => s.editionId === e.id));

      const shapes: ShapeCounts[] = pivot
        ? aligned
            .filter((e) => e.id !== pivot.id)
            .map((edition) => {
              const tally: Record<string, number> = {};
              for (const row of rows) {
                const cell = counts.get(row.id)!;
                const shape = `${cell.get(pivot.id) ?? 0}-${cell.get(edition.id) ?? 0}`;
                if (shape !== "0-0") tally[shape] = (tally[shape] ?? 0) + 1;
              }
              return { editionId: edition.id, slug: edition.slug, language: edition.language, counts: tally };
            })
        : [];
      const totals = new Map<string, number>();
      for (const s of shapes) for (const [shape, n] of Object.entries(s.counts)) totals.set(shape, (totals.get(shape) ?? 0) + n);

      const scored = rows.filter((row) => row.confidence !== null);
      const confidences = scored.map((row) => row.confidence!);
      const numbers = new Map(rows.map((row, index) => [row.id, index + 1]));
      const uncertain = rows
        .filter((row) => row.status === "automatic" && row.confidence !== null)
        .sort((a, b) => a.confidence! - b.confidence! || numbers.get(a.id)! - numbers.get(b.id)!)
        .slice(0, limit);
      const previewOf = previews(
        new Set(uncertain.map((row) => row.id)),
        segments,
        [pivot?.id, ...aligned.map((e) => e.id)].filter((id): id is string => id !== undefined),
        new Map(editions.map((e) => [e.id, e.language])),
      );
      return {
        pivot: pivot && { id: pivot.id, slug: pivot.slug, title: pivot.title, language: pivot.language },
        rows: rows.length,
        confirmed: rows.filter((row) => row.status === "confirmed").length,
        scored: scored.length,
        meanConfidence: confidences.length > 0 ? confidences.reduce((a, b) => a + b, 0) / confidences.length : null,
        minConfidence: confidences.length > 0 ? confidences.reduce((a, b) => Math.min(a, b)) : null,
        shapes,
        shapeOrder: [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([shape]) => shape),
        leastConfident: uncertain.map((row) => ({
          id: row.id,
          number: numbers.get(row.id)!,
          status: row.status,
          confidence: row.confidence!,
          preview: previewOf.get(row.id) ?? null,
        })),
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}

function previews(
  rowIds: ReadonlySet<string>,
  segments: ReadonlyArray<{ rowId: string | null; editionId: string; text: string }>,
  editionPreference: readonly string[],
  languageOf: ReadonlyMap<string, string>,
): Map<string, { text: string; language: string }> {
  const texts = new Map<string, Map<string, string[]>>();
  for (const s of segments) {
    if (!rowIds.has(s.rowId!)) continue;
    const byEdition = texts.get(s.rowId!) ?? new Map<string, string[]>();
    byEdition.set(s.editionId, [...(byEdition.get(s.editionId) ?? []), s.text]);
    texts.set(s.rowId!, byEdition);
  }
  const result = new Map<string, { text: string; language: string }>();
  for (const [rowId, byEdition] of texts) {
    const editionId = editionPreference.find((id) => byEdition.has(id))!;
    const text = stripNoteRefs(byEdition.get(editionId)!.join(" "));
    result.set(rowId, { text: text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text, language: languageOf.get(editionId)! });
  }
  return result;
}
