/**
 * Reverting a revision puts its old text back, as a new revision and journal entry. Only a revision whose new
 * text is still the segment's text can be reverted; otherwise later corrections come first.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import { performChange } from "./perform-change";
import { requireEditor } from "./require-editor";
import type { Actor } from "./types";
import type { TextEditOutcome } from "./edit-segment-text";
import { inWorkTransaction } from "./work-lock";

export interface RevertRequest {
  revisionId: string;
  /** The segment the revision must belong to (the address it was reached by), when known. */
  segmentId?: string;
  reason?: string;
}

export async function revertRevision(db: Db, workId: string, actor: Actor, { revisionId, segmentId, reason }: RevertRequest): Promise<TextEditOutcome> {
  requireEditor(actor);
  return inWorkTransaction(db, workId, async (tx, work) => {
    const revision = await tx.revision.findUnique({
      where: { id: revisionId },
      select: { id: true, reason: true, oldText: true, newText: true, segment: { select: { id: true, workId: true, text: true } } },
    });
    if (!revision || revision.segment.workId !== work.id || (segmentId !== undefined && revision.segment.id !== segmentId)) throw new DomainError("not_found", "There is no such revision in this work.");
    if (revision.segment.text !== revision.newText) {
      throw new DomainError(
        "conflict",
        "The segment's text has changed since this revision, so reverting it would undo later changes too. Revert the later revisions first.",
        { text: revision.segment.text },
      );
    }
    const result = await performChange(tx, work, {
      actor,
      build: () => ({
        type: "editText",
        segmentId: revision.segment.id,
        before: revision.newText,
        after: revision.oldText,
        reason: reason?.trim() ? reason.trim() : `Revert of “${revision.reason}”`,
        revertOf: revision.id,
      }),
    });
    return { ...result, segment: { id: revision.segment.id, text: revision.oldText, version: result.version } };
  });
}
