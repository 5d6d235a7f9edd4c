/** Records a variant on a row (one transaction: the variant and its editions, or nothing). */
import type { CreateVariantInput } from "../../variants/variant-schemas";
import type { Db } from "../client";
import { DomainError } from "../errors";
import { findWorkBySlug } from "./find-work";
import { getVariant } from "./get-variant";
import { resolveEditions } from "./resolve-editions";
import type { VariantRecord } from "./types";

export interface CreateVariantOptions {
  workSlug: string;
  authorId: string;
  input: CreateVariantInput;
}

export async function createVariant(db: Db, options: CreateVariantOptions): Promise<VariantRecord> {
  const work = await findWorkBySlug(db, options.workSlug);
  const { input } = options;
  const variantId = await db.$transaction(async (tx) => {
    const row = await tx.alignmentRow.findFirst({ where: { id: input.rowId, workId: work.id }, select: { id: true } });
    if (!row) {
      const message = "this work has no such row (it may have been merged into another; reload the page)";
      throw new DomainError("invalid", `The request is not valid: rowId: ${message}`, { issues: [{ path: "rowId", message }] });
    }
    const editionIds = await resolveEditions(tx, work.id, input.editions);
    const variant = await tx.variant.create({
      data: {
        workId: work.id,
        rowId: row.id,
        category: input.category,
        note: input.note,
        status: input.status,
        authorId: options.authorId,
        editions: { create: editionIds.map((editionId) => ({ editionId })) },
      },
      select: { id: true },
    });
    return variant.id;
  });
  return getVariant(db, work.id, variantId);
}
