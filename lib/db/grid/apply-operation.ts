/**
 * An editor's grid operation, in one transaction: refused as stale when the rows it concerns changed after the
 * version the editor saw (changes elsewhere in the grid do not stand in the way), refused with the reason when
 * it does not apply, otherwise applied, checked, journaled and announced. Answers with what changed since the
 * editor's version, so the page can catch up in one step.
 */
import type { Db } from "../client";
import { DomainError } from "../errors";
import { buildChange, rowsNamedBy } from "./build-change";
import type { GridPatch } from "./editor-grid";
import { changesSince } from "./list-changes";
import { loadGridChanges } from "./load-grid";
import type { OperationRequest } from "./operation-request";
import { performChange, type ChangeResult } from "./perform-change";
import { requireEditor } from "./require-editor";
import { refuseGap, refuseIfTouched } from "./stale";
import type { Actor } from "./types";
import { inWorkTransaction } from "./work-lock";

export interface OperationOutcome extends ChangeResult {
  changes: GridPatch;
}

export async function applyEditorOperation(db: Db, workId: string, actor: Actor, request: OperationRequest): Promise<OperationOutcome> {
  requireEditor(actor);
  const result = await inWorkTransaction(db, workId, async (tx, work) => {
    const base = request.baseVersion;
    if (base > work.gridVersion) {
      throw new DomainError("invalid", `Version ${base} is newer than the grid (version ${work.gridVersion}); reload the page.`);
    }
    const later = base < work.gridVersion ? await changesSince(tx, work.id, base) : [];
    refuseGap(later, base, work.gridVersion);
    return performChange(tx, work, {
      actor,
      request: request.op,
      build: async (operationId) => {
        refuseIfTouched(later, await rowsNamedBy(tx, work.id, request.op), work.gridVersion, "The operation");
        return buildChange(tx, work.id, request.op, operationId);
      },
      check: (touched) => refuseIfTouched(later, touched, work.gridVersion, "The operation"),
    });
  });
  return { ...result, changes: await loadGridChanges(db, workId, request.baseVersion) };
}
