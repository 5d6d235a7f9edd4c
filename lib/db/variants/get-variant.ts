/** One variant of a work as the register shows it. */
import type { Db } from "../client";
import { NotFoundError } from "../errors";
import { rowNumbers } from "./row-numbers";
import { toVariantRecord, VARIANT_INCLUDE } from "./to-record";
import type { VariantRecord } from "./types";

export async function getVariant(db: Db, workId: string, variantId: string): Promise<VariantRecord> {
  const variant = await db.variant.findFirst({ where: { id: variantId, workId }, include: VARIANT_INCLUDE });
  if (!variant) throw new NotFoundError("There is no such variant in this work.");
  const numbers = await rowNumbers(db, workId, [variant.rowId]);
  return toVariantRecord(variant, numbers.get(variant.rowId) ?? 0);
}
