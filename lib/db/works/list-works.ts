import { db } from "../client";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";

export type WorkSummary = Awaited<ReturnType<typeof listWorks>>[number];

/** Every work with its current editions (superseded texts left out), in display order. */
export async function listWorks(access: ReadAccess) {
  assertReadAccess(access);
  return db().work.findMany({
    orderBy: { title: "asc" },
    include: {
      editions: {
        where: { supersededById: null },
        orderBy: { position: "asc" },
        include: { importedBy: { select: { name: true } }, _count: { select: { segments: true } } },
      },
      _count: { select: { rows: true } },
    },
  });
}
