/**
 * Everything in one row a word diff can compare: each edition's text in the row (superseded editions too, as
 * earlier witnesses), and for every segment with revisions its current text and its text before and after
 * each revision.
 */
import { witnessId } from "../../diff/witness";
import type { Db } from "../client";

export interface Witness {
  id: string;
  label: string;
  editionSlug: string;
  language: string;
  text: string;
}

export interface RowRevision {
  id: string;
  editionSlug: string;
  reason: string;
  author: string | null;
  createdAt: Date;
}

export interface RowWitnesses {
  rowId: string;
  rowNumber: number;
  rowCount: number;
  witnesses: Witness[];
  /** Newest first. */
  revisions: RowRevision[];
}

/** The witnesses of row `rowNumber` (1-based), or null when the work has no such row. */
export async function getRowWitnesses(db: Db, workId: string, rowNumber: number): Promise<RowWitnesses | null> {
  const rows = await db.alignmentRow.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true } });
  const row = rows[rowNumber - 1];
  if (!row) return null;
  const [editions, segments] = await Promise.all([
    db.edition.findMany({ where: { workId }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true, language: true, supersededById: true } }),
    db.segment.findMany({
      where: { rowId: row.id },
      orderBy: { position: "asc" },
      select: {
        id: true,
        editionId: true,
        text: true,
        revisions: { orderBy: { createdAt: "desc" }, select: { id: true, oldText: true, newText: true, reason: true, createdAt: true, author: { select: { name: true } } } },
      },
    }),
  ]);
  const witnesses: Witness[] = [];
  const revisions: RowRevision[] = [];
  for (const edition of editions) {
    const own = segments.filter((segment) => segment.editionId === edition.id);
    if (own.length === 0) continue;
    const superseded = edition.supersededById ? ", superseded" : "";
    witnesses.push({ id: witnessId({ kind: "edition", slug: edition.slug }), label: `${edition.title} (${edition.slug}${superseded})`, editionSlug: edition.slug, language: edition.language, text: own.map((segment) => segment.text).join(" ") });
    own.forEach((segment, index) => {
      if (segment.revisions.length === 0) return;
      const where = `${edition.slug}, sentence ${index + 1}`;
      witnesses.push({ id: witnessId({ kind: "segment", id: segment.id }), label: `${where}: now`, editionSlug: edition.slug, language: edition.language, text: segment.text });
      for (const revision of segment.revisions) {
        const when = revision.createdAt.toISOString().slice(0, 16).replace("T", " ");
        witnesses.push({ id: witnessId({ kind: "after", revisionId: revision.id }), label: `${where}: after the revision of ${when}`, editionSlug: edition.slug, language: edition.language, text: revision.newText });
        witnesses.push({ id: witnessId({ kind: "before", revisionId: revision.id }), label: `${where}: before the revision of ${when}`, editionSlug: edition.slug, language: edition.language, text: revision.oldText });
        revisions.push({ id: revision.id, editionSlug: edition.slug, reason: revision.reason, author: revision.author?.name ?? null, createdAt: revision.createdAt });
      }
    });
  }
  revisions.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return { rowId: row.id, rowNumber, rowCount: rows.length, witnesses, revisions };
}
