/**
 * Changes a variant's editions, category, note or status. Its author may change it; so may any editor or
 * admin (who review the register). One transaction: all the changes, or none.
 */
import { hasRole, type SessionUser } from "../../auth/roles";
import type { UpdateVariantInput } from "../../variants/variant-schemas";
import type { Db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { findWorkBySlug } from "./find-work";
import { getVariant } from "./get-variant";
import { resolveEditions } from "./resolve-editions";
import type { VariantRecord } from "./types";

export interface UpdateVariantOptions {
  workSlug: string;
  variantId: string;
  actor: SessionUser;
  input: UpdateVariantInput;
}

export async function updateVariant(db: Db, options: UpdateVariantOptions): Promise<VariantRecord> {
  const work = await findWorkBySlug(db, options.workSlug);
  const { input, actor } = options;
  await db.$transaction(async (tx) => {
    const variant = await tx.variant.findFirst({ where: { id: options.variantId, workId: work.id }, select: { id: true, authorId: true } });
    if (!variant) throw new NotFoundError("There is no such variant in this work.");
    if (variant.authorId !== actor.id && !hasRole(actor.role, "editor")) {
      throw new DomainError("forbidden", "Only the variant's author or an editor may change it.");
    }
    if (input.editions) {
      const editionIds = await resolveEditions(tx, work.id, input.editions);
      await tx.variantEdition.deleteMany({ where: { variantId: variant.id } });
      await tx.variantEdition.createMany({ data: editionIds.map((editionId) => ({ variantId: variant.id, editionId })) });
    }
    await tx.variant.update({
      where: { id: variant.id },
      data: {
        ...(input.category ? { category: input.category } : {}),
        ...(input.note ? { note: input.note } : {}),
        ...(input.status ? { status: input.status } : {}),
        updatedAt: new Date(),
      },
    });
  });
  return getVariant(db, work.id, options.variantId);
}
