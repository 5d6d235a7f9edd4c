/** What an editor may ask for when starting an alignment, validated at the boundary, and the pivot it names. */
import { z } from "zod";
import type { Db } from "../client";
import { DomainError } from "../errors";

export const AlignRequestSchema = z.strictObject({
  /** "align": the whole work afresh; "realign": only the rows between confirmed rows. */
  mode: z.enum(["align", "realign"]),
  /** Slug of the edition to align to (a current edition of the work); the work's pivot when left out. */
  pivot: z.string().min(1).max(200).optional(),
});
export type AlignRequest = z.infer<typeof AlignRequestSchema>;

/** The preview before a run (GET …/align): which mode it would be. */
export const AlignPreviewQuerySchema = z.strictObject({ mode: z.enum(["align", "realign"]).default("align").describe("the run to preview") });

/** The id of the work's current edition with this slug; invalid when there is none. */
export async function pivotEditionIdOf(db: Db, workId: string, slug: string): Promise<string> {
  const edition = await db.edition.findFirst({ where: { workId, slug, supersededById: null }, select: { id: true } });
  if (!edition) throw new DomainError("invalid", `The pivot “${slug}” is not a current edition of this work.`, { issues: [{ path: "pivot", message: "not a current edition of this work" }] });
  return edition.id;
}
