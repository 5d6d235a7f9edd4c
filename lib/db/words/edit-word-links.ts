/**
 * An editor's change to the word links of one row between two editions — link words, unlink them, confirm the
 * row's links as they stand, or give them back to the aligner — through the grid's one write path: refused as stale
 * when the row changed after the version the editor saw, journalled with its inverse (undo and redo), announced to
 * open pages. Edited and confirmed links are kept by every later run of the word aligner.
 */
import { z } from "zod";
import type { WordLink } from "../../alignment/words/symmetrise";
import type { Db } from "../client";
import { DomainError } from "../errors";
import type { GridPatch } from "../grid/editor-grid";
import { changesSince } from "../grid/list-changes";
import { loadGridChanges } from "../grid/load-grid";
import { performChange, type ChangeResult } from "../grid/perform-change";
import { requireEditor } from "../grid/require-editor";
import { refuseGap, refuseIfTouched } from "../grid/stale";
import type { Actor, StoredLinkSet } from "../grid/types";
import { inWorkTransaction } from "../grid/work-lock";
import { cellOffsets, rowLinksFromSets, setsFromRowLinks, storedOrder, type LinkSet, type LinkStatus } from "./link-sets";

export const WordLinkEditSchema = z.strictObject({
  baseVersion: z.number().int().min(0),
  row: z.string().uuid(),
  /** Edition slugs; links are given as [word of a, word of b], counted from 0 across each cell's words. */
  a: z.string().min(1).max(100),
  b: z.string().min(1).max(100),
  action: z.enum(["link", "unlink", "confirm", "reset"]),
  links: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])).max(2_000).default([]),
});
export type WordLinkEdit = z.infer<typeof WordLinkEditSchema>;

export interface WordLinkOutcome extends ChangeResult {
  changes: GridPatch;
}

const SUMMARY: Record<WordLinkEdit["action"], (count: number) => string> = {
  link: (count) => `Linked ${count} word pair${count === 1 ? "" : "s"}`,
  unlink: (count) => `Removed ${count} word link${count === 1 ? "" : "s"}`,
  confirm: () => "Confirmed the word links",
  reset: () => "Gave the word links back to the aligner",
};

export async function editWordLinks(db: Db, workId: string, actor: Actor, edit: WordLinkEdit): Promise<WordLinkOutcome> {
  requireEditor(actor);
  if (edit.a === edit.b) throw new DomainError("invalid", "Choose two different editions.");
  if (edit.action !== "confirm" && edit.action !== "reset" && edit.links.length === 0) throw new DomainError("invalid", "Name at least one pair of words.");
  const result = await inWorkTransaction(db, workId, async (tx, work) => {
    if (edit.baseVersion > work.gridVersion) throw new DomainError("invalid", `Version ${edit.baseVersion} is newer than the grid (version ${work.gridVersion}); reload the page.`);
    const later = edit.baseVersion < work.gridVersion ? await changesSince(tx, work.id, edit.baseVersion) : [];
    refuseGap(later, edit.baseVersion, work.gridVersion);
    refuseIfTouched(later, [edit.row], work.gridVersion, "The change of word links");
    const editions = await tx.edition.findMany({ where: { workId, slug: { in: [edit.a, edit.b] }, supersededById: null }, select: { id: true, slug: true, language: true } });
    const editionX = editions.find((edition) => edition.slug === edit.a);
    const editionY = editions.find((edition) => edition.slug === edit.b);
    if (!editionX || !editionY) throw new DomainError("not_found", "Both editions must be current editions of this work.");
    const row = await tx.alignmentRow.findFirst({ where: { id: edit.row, workId }, select: { id: true } });
    if (!row) throw new DomainError("not_found", "There is no such row in this work.");
    const { a, b, swapped } = storedOrder(editionX.id, editionY.id);
    const [editionA, editionB] = swapped ? [editionY, editionX] : [editionX, editionY];
    const segments = await tx.segment.findMany({ where: { rowId: row.id, editionId: { in: [a, b] } }, orderBy: { position: "asc" }, select: { id: true, editionId: true, text: true } });
    const cellA = segments.filter((segment) => segment.editionId === a);
    const cellB = segments.filter((segment) => segment.editionId === b);
    if (cellA.length === 0 || cellB.length === 0) throw new DomainError("invalid", "Both editions need text in this row to link their words.");
    const infoA = cellOffsets(cellA, editionA.language);
    const infoB = cellOffsets(cellB, editionB.language);
    const before = (await tx.wordLinkSet.findMany({
      where: { segmentAId: { in: cellA.map((s) => s.id) }, segmentBId: { in: cellB.map((s) => s.id) } },
      select: { segmentAId: true, segmentBId: true, editionAId: true, editionBId: true, status: true, aTokens: true, bTokens: true, probabilities: true, dropped: true },
    })) as LinkSet[];
    const named = edit.links.map(([x, y]) => (swapped ? { a: y, b: x } : { a: x, b: y }));
    for (const link of named) {
      if (link.a >= infoA.count || link.b >= infoB.count) throw new DomainError("invalid", `No word ${swapped ? link.b : link.a}–${swapped ? link.a : link.b} in this row (the cells have ${swapped ? infoB.count : infoA.count} and ${swapped ? infoA.count : infoB.count} words).`);
    }
    const current = rowLinksFromSets(before, infoA.offsets, infoB.offsets);
    const key = (link: Pick<WordLink, "a" | "b">) => `${link.a}-${link.b}`;
    let links: WordLink[] = current;
    let status: LinkStatus = before.some((set) => set.status === "confirmed") ? "confirmed" : "edited";
    if (edit.action === "link") {
      const have = new Set(current.map(key));
      links = [...current, ...named.filter((link) => !have.has(key(link))).map((link) => ({ ...link, p: 1 }))];
    } else if (edit.action === "unlink") {
      const drop = new Set(named.map(key));
      links = current.filter((link) => !drop.has(key(link)));
    } else if (edit.action === "confirm") status = "confirmed";
    else status = "automatic";
    const split = setsFromRowLinks(links, infoA.tokens, infoB.tokens, cellA, cellB);
    const after: StoredLinkSet[] =
      edit.action === "reset"
        ? before.filter((set) => set.aTokens.length > 0).map((set) => ({ ...strip(set), status: "automatic" }))
        : cellA.flatMap((segmentA) =>
            cellB.map((segmentB) => {
              const set = split.get(`${segmentA.id}|${segmentB.id}`);
              return { segmentAId: segmentA.id, segmentBId: segmentB.id, status, aTokens: set?.aTokens ?? [], bTokens: set?.bTokens ?? [], probabilities: set?.probabilities ?? [], dropped: 0 };
            }),
          );
    const count = edit.action === "link" ? links.length - current.length : current.length - links.length;
    return performChange(tx, work, {
      actor,
      request: edit,
      build: () => ({ type: "wordLinks", rowId: row.id, editionAId: a, editionBId: b, before: before.map(strip), after, summary: SUMMARY[edit.action](count) }),
      check: (touched) => refuseIfTouched(later, touched, work.gridVersion, "The change of word links"),
    });
  });
  return { ...result, changes: await loadGridChanges(db, workId, edit.baseVersion) };
}

function strip(set: LinkSet | StoredLinkSet): StoredLinkSet {
  return { segmentAId: set.segmentAId, segmentBId: set.segmentBId, status: set.status, aTokens: set.aTokens, bTokens: set.bTokens, probabilities: set.probabilities, dropped: set.dropped };
}
