/** How many variants each row of a work has, by status: the compare view marks rows and its overview strip with them. */
import type { VariantStatus } from "../../variants/variant-schemas";
import type { Db } from "../client";

export type RowVariantCounts = Record<VariantStatus, number>;

export async function countVariantsByRow(db: Db, workId: string): Promise<Map<string, RowVariantCounts>> {
  const groups = await db.variant.groupBy({ by: ["rowId", "status"], where: { workId }, _count: { _all: true } });
  const counts = new Map<string, RowVariantCounts>();
  for (const group of groups) {
    const row = counts.get(group.rowId) ?? { open: 0, confirmed: 0, rejected: 0 };
    row[group.status] = group._count._all;
    counts.set(group.rowId, row);
  }
  return counts;
}
