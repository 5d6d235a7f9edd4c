/**
 * What the data layer records for every change to a work's grid or text. A `Change` is complete: applying it
 * needs nothing but the database, and applying it returns another `Change` that undoes it. The journal stores
 * the change as applied (payload) and its inverse, which is what undo applies; the inverse of an undo is redo.
 */
import type { GridOperation } from "../../alignment/operations";
import type { Db } from "../client";
import type { SegmentKind } from "../generated/enums";

/** The client of an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Grid operations that only move segments between rows or change row statuses. */
export type LayoutOperation = Exclude<GridOperation, { type: "splitSegment" | "mergeSegments" }>;

/** A variant that moved from a row the operation removed to the row that took its segments. */
export interface VariantMove {
  id: string;
  from: string;
  to: string;
}

/** A bookmark that moved likewise; `dropped` when the user already had a bookmark on the receiving row. */
export interface BookmarkMove {
  userId: string;
  from: string;
  to: string;
  createdAt: string;
  dropped: boolean;
}

/** What pointed at removed rows and where it went, so that an undo that brings the rows back can return it. */
export interface AttachmentMoves {
  variants: VariantMove[];
  bookmarks: BookmarkMove[];
}

/** A segment's identity and block, kept while a merge has removed it, so that undoing the merge restores it. */
export interface SegmentIdentity {
  id: string;
  paragraph: number;
  kind: SegmentKind;
  headingLevel: number | null;
  xmlId: string | null;
  createdAt: string;
}

export interface LineageRecord {
  id: string;
  segmentId: string;
  sourceSegmentId: string;
  kind: "split" | "merge";
  operationId: string | null;
  createdAt: string;
}

/** A lineage row's end that a merge re-pointed from the removed segment to the surviving one. */
export interface LineageRepoint {
  id: string;
  end: "segmentId" | "sourceSegmentId";
}

export type Change =
  | { type: "layout"; op: LayoutOperation; restore?: AttachmentMoves }
  /**
   * `segmentId`'s text `before` becomes parts[0]; a new segment `created` with text parts[1] follows it in its
   * row and edition. `revisionIds` move to the new segment, `lineage.create` rows are made and `lineage.repoint`
   * ends are pointed at the new segment (empty for an editor's split, which creates one "split" lineage row).
   */
  | {
      type: "splitSegment";
      editionId: string;
      segmentId: string;
      before: string;
      parts: [string, string];
      created: SegmentIdentity;
      revisionIds: string[];
      lineage: { create: LineageRecord[]; repoint: LineageRepoint[] };
    }
  /**
   * `removedId`, the next segment of the edition in the same row, is merged into `segmentId`, whose text
   * becomes `merged`; `texts` are the two texts the merge expects. The removed segment's revisions move to
   * the surviving one, and lineage rows that named it name the survivor (rows that would name it twice go).
   */
  | { type: "mergeSegments"; editionId: string; segmentId: string; removedId: string; texts: [string, string]; merged: string }
  /**
   * The word links of one row between two editions (A's id sorts first): the sets of the row's segment pairs go from
   * `before` (what the editor saw, checked) to `after`; `summary` says what the editor did.
   */
  | { type: "wordLinks"; rowId: string; editionAId: string; editionBId: string; before: StoredLinkSet[]; after: StoredLinkSet[]; summary: string }
  /** A correction of one segment's text; it becomes a revision. `revertOf` names the revision a revert undoes. */
  /**
   * `links`, when given, are the word-link sets the segment must have afterwards (an undo restores them exactly);
   * without it the segment's links follow its unchanged words and the links of changed words are dropped.
   */
  | { type: "editText"; segmentId: string; before: string; after: string; reason: string; revertOf?: string; revisionId?: string; links?: StoredLinkSet[] };

/** One segment pair's word links as the journal keeps them (see lib/db/words/link-sets.ts). */
export interface StoredLinkSet {
  segmentAId: string;
  segmentBId: string;
  status: "automatic" | "edited" | "confirmed";
  aTokens: number[];
  bTokens: number[];
  probabilities: number[];
  dropped: number;
}

/** Who makes a change: the signed-in user, with the role the route checked. */
export interface Actor {
  id: string;
  name: string;
  role: "scholar" | "editor" | "admin";
}

/** One entry of the journal as the conflict messages, the journal page and the row history show it. */
export interface ChangeSummary {
  id: string;
  gridVersion: number;
  kind: string;
  summary: string;
  userId: string | null;
  userName: string | null;
  createdAt: string;
  rowIds: string[];
  undoneAt: string | null;
  undoOfId: string | null;
}
