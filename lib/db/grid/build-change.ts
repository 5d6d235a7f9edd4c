/** Turns an editor's request into a complete Change against the current grid (new ids, texts of a split…). */
import { randomUUID } from "node:crypto";
import { DomainError } from "../errors";
import { newSplitIdentity } from "./apply-change";
import type { EditorOperation } from "./operation-request";
import type { Change, Tx } from "./types";

export async function buildChange(tx: Tx, workId: string, op: EditorOperation, operationId: string): Promise<Change> {
  switch (op.type) {
    case "splitRow":
      return { type: "layout", op: { ...op, newRowId: randomUUID() } };
    case "popDown":
    case "insertEmptyCell":
      return { type: "layout", op: { ...op, newRowId: randomUUID() } };
    case "splitSegment": {
      const segment = await segmentOf(tx, workId, op.segmentId);
      if (op.offset >= segment.text.length) {
        throw new DomainError("invalid", `The segment has ${segment.text.length} characters; split it before one of them (offset 1 to ${segment.text.length - 1}).`);
      }
      const parts: [string, string] = [segment.text.slice(0, op.offset).trimEnd(), segment.text.slice(op.offset).trimStart()];
      if (parts.some((part) => part === "")) {
        throw new DomainError("invalid", "Splitting there would leave one part without text; choose a point between words.");
      }
      return {
        type: "splitSegment",
        editionId: segment.editionId,
        segmentId: segment.id,
        before: segment.text,
        parts,
        ...newSplitIdentity(segment, operationId),
      };
    }
    case "mergeSegments": {
      const segment = await segmentOf(tx, workId, op.segmentId);
      const next = await tx.segment.findFirst({
        where: { editionId: segment.editionId, position: { gt: segment.position } },
        orderBy: { position: "asc" },
        select: { id: true, text: true },
      });
      if (next === null) throw new DomainError("invalid", "This is the last segment of its edition: there is no next segment to merge it with.");
      const nextId = next.id;
      return {
        type: "mergeSegments",
        editionId: segment.editionId,
        segmentId: segment.id,
        removedId: nextId,
        texts: [segment.text, next.text],
        merged: joinTexts(segment.text, next.text),
      };
    }
    default:
      return { type: "layout", op };
  }
}

/** Two segments' texts as one: a space between them unless one already has it. */
export function joinTexts(first: string, second: string): string {
  return /\s$/.test(first) || /^\s/.test(second) ? first + second : `${first} ${second}`;
}

async function segmentOf(tx: Tx, workId: string, segmentId: string) {
  const segment = await tx.segment.findUnique({
    where: { id: segmentId },
    select: { id: true, workId: true, editionId: true, rowId: true, position: true, text: true, paragraph: true, kind: true, headingLevel: true },
  });
  if (!segment || segment.workId !== workId || segment.rowId === null) {
    throw new DomainError("not_found", "There is no such segment in this work's grid.");
  }
  return segment;
}

/** The rows a request names, which must not have changed since the version it was based on. */
export async function rowsNamedBy(tx: Tx, workId: string, op: EditorOperation): Promise<string[]> {
  if ("rowId" in op) return [op.rowId];
  const segment = await tx.segment.findFirst({ where: { id: op.segmentId, workId }, select: { rowId: true } });
  return segment?.rowId ? [segment.rowId] : [];
}
