/**
 * Corrections of a segment's text, each with a required reason: every one becomes a revision (who, when,
 * why, before, after) and a journal entry, and can be undone like any change. A correction names the segment
 * version it was based on; when the text changed since, it is refused with the current text and who changed it.
 * The text is stored in Unicode normal form C, as imports store it (search, word links and anchors read it so).
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import { findChanges } from "./list-changes";
import type { TextEditRequest } from "./operation-request";
import { performChange, type ChangeResult } from "./perform-change";
import { requireEditor } from "./require-editor";
import { staleError } from "./stale";
import type { Actor, Tx } from "./types";
import { inWorkTransaction } from "./work-lock";

export interface TextEditOutcome extends ChangeResult {
  segment: { id: string; text: string; version: number };
}

export async function editSegmentText(db: Db, workId: string, actor: Actor, segmentId: string, request: TextEditRequest): Promise<TextEditOutcome> {
  requireEditor(actor);
  return inWorkTransaction(db, workId, async (tx, work) => {
    const segment = await segmentInWork(tx, work.id, segmentId);
    if (segment.version !== request.baseVersion) {
      const [last] = await findChanges(tx, { workId: work.id, gridVersion: segment.version }, 1);
      const who = last ? ` by ${last.userName ?? "someone"} (${last.summary})` : "";
      throw staleError(
        `The segment was changed${who} after you opened it. Your text is kept: compare it with the current text, then save again.`,
        work.gridVersion,
        last ? [last] : [],
      );
    }
    const text = request.text.normalize("NFC");
    const result = await performChange(tx, work, {
      actor,
      build: () => ({ type: "editText", segmentId, before: segment.text, after: text, reason: request.reason }),
    });
    return { ...result, segment: { id: segmentId, text, version: result.version } };
  });
}

export async function segmentInWork(tx: Tx | Db, workId: string, segmentId: string) {
  const segment = await tx.segment.findUnique({ where: { id: segmentId }, select: { id: true, workId: true, text: true, version: true, rowId: true, editionId: true } });
  if (!segment || segment.workId !== workId) throw new DomainError("not_found", "There is no such segment in this work.");
  return segment;
}
