/**
 * Applies one Change inside the caller's transaction (the work is locked) and returns the change as applied,
 * its inverse, the rows it touched and the grid it must leave. Refusals throw before anything is written, or
 * the caller's transaction rolls back what was.
 */
import { randomUUID } from "node:crypto";
import { cellOf } from "../../alignment/grid";
import { applyOperation, type GridState } from "../../alignment/operations";
import { DomainError } from "../errors";
import type { GridWindow } from "./grid-window";
import { positionAfter } from "./segment-positions";
import { WORD_MODEL_VERSION } from "../words/link-sets";
import { remapSide, wordIndexMap } from "../../alignment/words/remap-links";
import { segmentWordTokens } from "../../alignment/words/cell-tokens";
import { emptyMoves, hasMoves, restoreAttachments, writeGridDiff } from "./write-grid";
import type { Change, LineageRecord, LineageRepoint, StoredLinkSet, Tx } from "./types";

export interface ChangeContext {
  workId: string;
  /** The rows the change concerns, as they are before it. */
  stored: GridWindow;
  /** The grid version this change produces. */
  version: number;
  operationId: string;
  actorId: string;
}

export interface AppliedChange {
  applied: Change;
  inverse: Change;
  touchedRowIds: string[];
  /** The grid the database must hold afterwards. */
  state: GridState;
}

export async function applyChange(tx: Tx, context: ChangeContext, change: Change): Promise<AppliedChange> {
  switch (change.type) {
    case "layout":
      return applyLayout(tx, context, change);
    case "splitSegment":
      return applySplitSegment(tx, context, change);
    case "mergeSegments":
      return applyMergeSegments(tx, context, change);
    case "editText":
      return applyEditText(tx, context, change);
    case "wordLinks":
      return applyWordLinks(tx, context, change);
  }
}

const setKey = (set: { segmentAId: string; segmentBId: string }) => `${set.segmentAId}|${set.segmentBId}`;

function sameSets(a: readonly StoredLinkSet[], b: readonly StoredLinkSet[]): boolean {
  const canonical = (sets: readonly StoredLinkSet[]) =>
    JSON.stringify(
      [...sets]
        .map((set) => [set.segmentAId, set.segmentBId, set.status, set.aTokens, set.bTokens, set.probabilities.map((p) => Math.round(p * 1000)), set.dropped])
        .sort((x, y) => `${x[0]}|${x[1]}`.localeCompare(`${y[0]}|${y[1]}`)),
    );
  return canonical(a) === canonical(b);
}

/** Replaces a row's link sets between two editions, after checking they are still the ones the change was built from. */
async function applyWordLinks(tx: Tx, context: ChangeContext, change: Extract<Change, { type: "wordLinks" }>): Promise<AppliedChange> {
  const pairs = [...new Map([...change.before, ...change.after].map((set) => [setKey(set), set])).values()];
  const current = pairs.length
    ? await tx.wordLinkSet.findMany({
        where: { OR: pairs.map(({ segmentAId, segmentBId }) => ({ segmentAId, segmentBId })) },
        select: { segmentAId: true, segmentBId: true, status: true, aTokens: true, bTokens: true, probabilities: true, dropped: true },
      })
    : [];
  if (!sameSets(current, change.before)) {
    throw new DomainError("conflict", "The word links of this row changed since; reload the row and try again.");
  }
  if (change.before.length > 0) {
    await tx.wordLinkSet.deleteMany({ where: { OR: change.before.map(({ segmentAId, segmentBId }) => ({ segmentAId, segmentBId })) } });
  }
  if (change.after.length > 0) {
    await tx.wordLinkSet.createMany({
      data: change.after.map((set) => ({ ...set, workId: context.workId, editionAId: change.editionAId, editionBId: change.editionBId, modelVersion: WORD_MODEL_VERSION })),
    });
  }
  return {
    applied: change,
    inverse: { ...change, before: change.after, after: change.before, summary: `Restored the word links` },
    touchedRowIds: [change.rowId],
    state: context.stored.state,
  };
}

async function applyLayout(tx: Tx, context: ChangeContext, change: Extract<Change, { type: "layout" }>): Promise<AppliedChange> {
  const result = applyOperation(context.stored.state, change.op);
  const moves = await writeGridDiff(tx, {
    workId: context.workId,
    before: context.stored,
    after: result.state,
    touchedRowIds: result.touchedRowIds,
    version: context.version,
  });
  if (change.restore) await restoreAttachments(tx, change.restore);
  return {
    applied: change,
    inverse: { type: "layout", op: result.inverse as typeof change.op, ...(hasMoves(moves) ? { restore: moves } : {}) },
    touchedRowIds: result.touchedRowIds,
    state: result.state,
  };
}

interface SegmentRecord {
  id: string;
  editionId: string;
  rowId: string | null;
  text: string;
}

async function requireSegment(tx: Tx, workId: string, segmentId: string): Promise<SegmentRecord> {
  const segment = await tx.segment.findUnique({ where: { id: segmentId }, select: { id: true, editionId: true, workId: true, rowId: true, text: true } });
  if (!segment || segment.workId !== workId) throw new DomainError("not_found", `There is no segment "${segmentId}" in this work.`);
  return segment;
}

function requireText(segment: SegmentRecord, expected: string, action: string): void {
  if (segment.text !== expected) {
    throw new DomainError(
      "conflict",
      `Cannot ${action}: the segment's text has changed since (it now reads “${segment.text}”).`,
      { segmentId: segment.id, text: segment.text },
    );
  }
}

async function applySplitSegment(tx: Tx, context: ChangeContext, change: Extract<Change, { type: "splitSegment" }>): Promise<AppliedChange> {
  const segment = await requireSegment(tx, context.workId, change.segmentId);
  requireText(segment, change.before, "split the segment");
  for (const part of change.parts) {
    if (part.trim() === "") throw new DomainError("invalid", "Both parts of a split segment need some text; choose another split point.");
  }
  const result = applyOperation(context.stored.state, {
    type: "splitSegment",
    editionId: change.editionId,
    segmentId: change.segmentId,
    newSegmentId: change.created.id,
  });
  const { created } = change;
  const position = await positionAfter(tx, change.editionId, change.segmentId, created.id);
  await tx.segment.update({ where: { id: segment.id }, data: { text: change.parts[0], version: context.version } });
  await tx.segment.create({
    data: {
      id: created.id,
      editionId: change.editionId,
      workId: context.workId,
      rowId: segment.rowId,
      position,
      paragraph: created.paragraph,
      kind: created.kind,
      headingLevel: created.headingLevel,
      xmlId: created.xmlId,
      text: change.parts[1],
      version: context.version,
      createdAt: new Date(created.createdAt),
    },
  });
  if (change.revisionIds.length > 0) {
    await tx.revision.updateMany({ where: { id: { in: change.revisionIds }, segmentId: segment.id }, data: { segmentId: created.id } });
  }
  await moveLinksOnSplit(tx, context.workId, segment, created.id, change.parts[0]);
  await repointLineage(tx, change.lineage.repoint, segment.id, created.id);
  if (change.lineage.create.length > 0) {
    await tx.segmentLineage.createMany({
      data: change.lineage.create.map((l) => ({ ...l, createdAt: new Date(l.createdAt) })),
    });
  }
  const touched = await writeGridDiff(tx, {
    workId: context.workId,
    before: context.stored,
    after: result.state,
    touchedRowIds: result.touchedRowIds,
    version: context.version,
  });
  assertNoMoves(touched);
  return {
    applied: change,
    inverse: {
      type: "mergeSegments",
      editionId: change.editionId,
      segmentId: change.segmentId,
      removedId: created.id,
      texts: change.parts,
      merged: change.before,
    },
    touchedRowIds: result.touchedRowIds,
    state: result.state,
  };
}

async function applyMergeSegments(tx: Tx, context: ChangeContext, change: Extract<Change, { type: "mergeSegments" }>): Promise<AppliedChange> {
  const segment = await requireSegment(tx, context.workId, change.segmentId);
  const removed = await requireSegment(tx, context.workId, change.removedId);
  const ids = context.stored.state.segments[change.editionId] ?? [];
  if (ids[ids.indexOf(change.segmentId) + 1] !== change.removedId) {
    throw new DomainError("conflict", "Cannot merge the segments: they are no longer next to each other in their edition.");
  }
  requireText(segment, change.texts[0], "merge the segments");
  requireText(removed, change.texts[1], "merge the segments");
  const result = applyOperation(context.stored.state, { type: "mergeSegments", editionId: change.editionId, segmentId: change.segmentId });

  const full = await tx.segment.findUniqueOrThrow({ where: { id: removed.id } });
  const revisionIds = (await tx.revision.findMany({ where: { segmentId: removed.id }, select: { id: true } })).map((r) => r.id);
  const lineage = await tx.segmentLineage.findMany({ where: { OR: [{ segmentId: removed.id }, { sourceSegmentId: removed.id }] } });
  const dropped: LineageRecord[] = [];
  const repoint: LineageRepoint[] = [];
  for (const l of lineage) {
    const segmentEnd = l.segmentId === removed.id ? segment.id : l.segmentId;
    const sourceEnd = l.sourceSegmentId === removed.id ? segment.id : l.sourceSegmentId;
    if (segmentEnd === sourceEnd) {
      dropped.push({
        id: l.id,
        segmentId: l.segmentId,
        sourceSegmentId: l.sourceSegmentId,
        kind: l.kind as LineageRecord["kind"],
        operationId: l.operationId,
        createdAt: l.createdAt.toISOString(),
      });
    } else {
      if (l.segmentId === removed.id) repoint.push({ id: l.id, end: "segmentId" });
      if (l.sourceSegmentId === removed.id) repoint.push({ id: l.id, end: "sourceSegmentId" });
    }
  }
  if (dropped.length > 0) await tx.segmentLineage.deleteMany({ where: { id: { in: dropped.map((l) => l.id) } } });
  await repointLineage(tx, repoint, removed.id, segment.id);
  if (revisionIds.length > 0) await tx.revision.updateMany({ where: { segmentId: removed.id }, data: { segmentId: segment.id } });
  await moveLinksOnMerge(tx, context.workId, segment, removed.id, change.texts[0]);
  await tx.segment.delete({ where: { id: removed.id } });
  await tx.segment.update({ where: { id: segment.id }, data: { text: change.merged, version: context.version } });
  const moves = await writeGridDiff(tx, {
    workId: context.workId,
    before: context.stored,
    after: result.state,
    touchedRowIds: result.touchedRowIds,
    version: context.version,
  });
  assertNoMoves(moves);
  return {
    applied: change,
    inverse: {
      type: "splitSegment",
      editionId: change.editionId,
      segmentId: change.segmentId,
      before: change.merged,
      parts: change.texts,
      created: {
        id: full.id,
        paragraph: full.paragraph,
        kind: full.kind,
        headingLevel: full.headingLevel,
        xmlId: full.xmlId,
        createdAt: full.createdAt.toISOString(),
      },
      revisionIds,
      lineage: { create: dropped, repoint },
    },
    touchedRowIds: result.touchedRowIds,
    state: result.state,
  };
}

async function repointLineage(tx: Tx, repoint: readonly LineageRepoint[], from: string, to: string): Promise<void> {
  for (const { id, end } of repoint) {
    await tx.segmentLineage.updateMany({ where: { id, [end]: from }, data: { [end]: to } });
  }
}

function assertNoMoves(moves: ReturnType<typeof emptyMoves>): void {
  if (hasMoves(moves)) throw new Error("A segment split or merge removed a row; it never should.");
}

async function applyEditText(tx: Tx, context: ChangeContext, change: Extract<Change, { type: "editText" }>): Promise<AppliedChange> {
  const segment = await requireSegment(tx, context.workId, change.segmentId);
  requireText(segment, change.before, "correct the text");
  if (change.after.trim() === "") throw new DomainError("invalid", "The corrected text is empty; a segment needs some text.");
  if (change.after === change.before) throw new DomainError("invalid", "The corrected text is the same as the current text.");
  const revisionId = randomUUID();
  await tx.segment.update({ where: { id: segment.id }, data: { text: change.after, version: context.version } });
  await tx.revision.create({
    data: {
      id: revisionId,
      segmentId: segment.id,
      authorId: context.actorId,
      reason: change.reason,
      oldText: change.before,
      newText: change.after,
      operationId: context.operationId,
    },
  });
  const touchedRowIds = segment.rowId === null ? [] : [segment.rowId];
  if (segment.rowId !== null) {
    await tx.alignmentRow.update({ where: { id: segment.rowId }, data: { version: context.version } });
  }
  const linksBefore = await followTextWithLinks(tx, context.workId, segment, change);
  return {
    applied: { ...change, revisionId },
    inverse: { type: "editText", segmentId: change.segmentId, before: change.after, after: change.before, reason: undoReason(change.reason), links: linksBefore },
    touchedRowIds,
    state: context.stored.state,
  };
}

async function languageOf(tx: Tx, editionId: string): Promise<string> {
  return (await tx.edition.findUniqueOrThrow({ where: { id: editionId }, select: { language: true } })).language;
}

type LinkRecord = Awaited<ReturnType<typeof linkSetsOf>>[number];

function linkSetsOf(tx: Tx, segmentId: string) {
  return tx.wordLinkSet.findMany({ where: { OR: [{ segmentAId: segmentId }, { segmentBId: segmentId }] } });
}

/** Adds links to the set of a segment pair (creating it), as one more write of a split or merge. */
async function addLinks(tx: Tx, workId: string, from: LinkRecord, pair: { segmentAId: string; segmentBId: string }, links: { a: number; b: number; p: number }[]): Promise<void> {
  if (links.length === 0) return;
  const key = { segmentAId_segmentBId: pair };
  const existing = await tx.wordLinkSet.findUnique({ where: key });
  await tx.wordLinkSet.upsert({
    where: key,
    create: { ...pair, workId, editionAId: from.editionAId, editionBId: from.editionBId, status: from.status, aTokens: links.map((l) => l.a), bTokens: links.map((l) => l.b), probabilities: links.map((l) => l.p), modelVersion: from.modelVersion },
    update: {
      aTokens: [...(existing?.aTokens ?? []), ...links.map((l) => l.a)],
      bTokens: [...(existing?.bTokens ?? []), ...links.map((l) => l.b)],
      probabilities: [...(existing?.probabilities ?? []), ...links.map((l) => l.p)],
    },
  });
}

/** A split segment keeps the links of the words of its first part; those of the second part go to the new segment. */
async function moveLinksOnSplit(tx: Tx, workId: string, segment: SegmentRecord, createdId: string, firstPart: string): Promise<void> {
  const sets = await linkSetsOf(tx, segment.id);
  if (sets.length === 0) return;
  const count = segmentWordTokens(firstPart, await languageOf(tx, segment.editionId)).length;
  for (const set of sets) {
    const side = set.segmentAId === segment.id ? "a" : "b";
    const links = set.aTokens.map((a, k) => ({ a, b: set.bTokens[k], p: set.probabilities[k] }));
    const stay = links.filter((link) => link[side] < count);
    const go = links.filter((link) => link[side] >= count).map((link) => ({ ...link, [side]: link[side] - count }));
    await tx.wordLinkSet.update({
      where: { segmentAId_segmentBId: { segmentAId: set.segmentAId, segmentBId: set.segmentBId } },
      data: { aTokens: stay.map((l) => l.a), bTokens: stay.map((l) => l.b), probabilities: stay.map((l) => l.p) },
    });
    await addLinks(tx, workId, set, side === "a" ? { segmentAId: createdId, segmentBId: set.segmentBId } : { segmentAId: set.segmentAId, segmentBId: createdId }, go);
  }
}

/** The links of a segment merged into the one before it move to the survivor, after that segment's own words. */
async function moveLinksOnMerge(tx: Tx, workId: string, survivor: SegmentRecord, removedId: string, firstText: string): Promise<void> {
  const sets = await linkSetsOf(tx, removedId);
  if (sets.length === 0) return;
  const count = segmentWordTokens(firstText, await languageOf(tx, survivor.editionId)).length;
  for (const set of sets) {
    const side = set.segmentAId === removedId ? "a" : "b";
    const links = set.aTokens.map((a, k) => ({ a, b: set.bTokens[k], p: set.probabilities[k] })).map((link) => ({ ...link, [side]: link[side] + count }));
    await addLinks(tx, workId, set, side === "a" ? { segmentAId: survivor.id, segmentBId: set.segmentBId } : { segmentAId: set.segmentAId, segmentBId: survivor.id }, links);
  }
}

const LINK_FIELDS = { segmentAId: true, segmentBId: true, editionAId: true, editionBId: true, status: true, aTokens: true, bTokens: true, probabilities: true, dropped: true } as const;

/**
 * The corrected segment's word links: set to `change.links` when the change carries them (an undo), else renumbered
 * to follow the unchanged words (remap-links.ts). Returns the sets as they were, which the inverse restores.
 */
async function followTextWithLinks(tx: Tx, workId: string, segment: SegmentRecord, change: Extract<Change, { type: "editText" }>): Promise<StoredLinkSet[]> {
  const where = { OR: [{ segmentAId: segment.id }, { segmentBId: segment.id }] };
  const before = await tx.wordLinkSet.findMany({ where, select: LINK_FIELDS });
  const strip = (set: (typeof before)[number]): StoredLinkSet => ({
    segmentAId: set.segmentAId,
    segmentBId: set.segmentBId,
    status: set.status,
    aTokens: set.aTokens,
    bTokens: set.bTokens,
    probabilities: set.probabilities,
    dropped: set.dropped,
  });
  if (change.links) {
    await tx.wordLinkSet.deleteMany({ where });
    const editions = new Map<string, string>();
    for (const set of change.links) {
      for (const id of [set.segmentAId, set.segmentBId]) {
        if (!editions.has(id)) editions.set(id, (await tx.segment.findUniqueOrThrow({ where: { id }, select: { editionId: true } })).editionId);
      }
    }
    if (change.links.length > 0) {
      await tx.wordLinkSet.createMany({
        data: change.links.map((set) => ({ ...set, workId, editionAId: editions.get(set.segmentAId)!, editionBId: editions.get(set.segmentBId)!, modelVersion: WORD_MODEL_VERSION })),
      });
    }
    return before.map(strip);
  }
  if (before.length === 0) return [];
  const { language } = await tx.edition.findUniqueOrThrow({ where: { id: segment.editionId }, select: { language: true } });
  const map = wordIndexMap(change.before, change.after, language);
  for (const set of before) {
    const moved = remapSide(set, set.segmentAId === segment.id ? "a" : "b", map);
    await tx.wordLinkSet.update({
      where: { segmentAId_segmentBId: { segmentAId: set.segmentAId, segmentBId: set.segmentBId } },
      data: { aTokens: moved.aTokens, bTokens: moved.bTokens, probabilities: moved.probabilities, dropped: moved.dropped },
    });
  }
  return before.map(strip);
}

/** The reason an undone correction is recorded with: "Undo: …", and undoing that gives the original back. */
export function undoReason(reason: string): string {
  return reason.startsWith("Undo: ") ? reason.slice("Undo: ".length) : `Undo: ${reason}`;
}

/** The ids a split gives the new segment and its lineage row when an editor splits a segment. */
export function newSplitIdentity(
  source: { paragraph: number; kind: Extract<Change, { type: "splitSegment" }>["created"]["kind"]; headingLevel: number | null; id: string },
  operationId: string,
): Pick<Extract<Change, { type: "splitSegment" }>, "created" | "lineage" | "revisionIds"> {
  const now = new Date().toISOString();
  const id = randomUUID();
  return {
    created: { id, paragraph: source.paragraph, kind: source.kind, headingLevel: source.headingLevel, xmlId: null, createdAt: now },
    revisionIds: [],
    lineage: { create: [{ id: randomUUID(), segmentId: id, sourceSegmentId: source.id, kind: "split", operationId, createdAt: now }], repoint: [] },
  };
}

/** Whether the segment's row is one the grid has (a segment of an edition not yet aligned has none). */
export function rowOfSegment(state: GridState, editionId: string, segmentId: string): string | null {
  return state.grid.rows.find((row) => cellOf(row, editionId).includes(segmentId))?.id ?? null;
}
