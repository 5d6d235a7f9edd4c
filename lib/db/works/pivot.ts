/** A work's editions as the pivot rule (lib/editions/pivot.ts) sees them, and why its pivot is the edition it is. */
import { explainPivot, type PivotCandidate } from "../../editions/pivot";
import type { Db } from "../client";

type Reader = Pick<Db, "edition" | "work">;

export async function pivotCandidates(db: Pick<Db, "edition">, workId: string): Promise<(PivotCandidate & { title: string })[]> {
  const editions = await db.edition.findMany({
    where: { workId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      language: true,
      provenance: true,
      isOriginal: true,
      standsInForOriginal: true,
      translatedFrom: true,
      supersededById: true,
      _count: { select: { segments: true } },
    },
  });
  return editions.map(({ supersededById, _count, ...edition }) => ({ ...edition, current: supersededById === null, hasText: _count.segments > 0 }));
}

/** One sentence saying why the work's pivot is that edition (or what aligning would choose when it has none). */
export async function pivotReason(db: Reader, workId: string): Promise<string> {
  const [work, editions] = await Promise.all([
    db.work.findUniqueOrThrow({ where: { id: workId }, select: { pivotEditionId: true } }),
    pivotCandidates(db, workId),
  ]);
  return explainPivot(editions.find((edition) => edition.id === work.pivotEditionId) ?? null, editions);
}
