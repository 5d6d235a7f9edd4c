import { db } from "../client";
import { NotFoundError } from "../errors";
import { assertReadAccess, type ReadAccess } from "../users/reading-access";

/** An edition with its provenance, apparatus, corrections, earlier witnesses and text, for the edition page. */
export async function getEdition(access: ReadAccess, workSlug: string, editionSlug: string) {
  assertReadAccess(access);
  const edition = await db().edition.findFirst({
    where: { slug: editionSlug, work: { slug: workSlug } },
    include: {
      work: true,
      importedBy: { select: { name: true } },
      apparatus: { orderBy: { position: "asc" } },
      corrections: { orderBy: { position: "asc" } },
      supersedes: { orderBy: { importedAt: "asc" }, select: { slug: true, title: true, language: true } },
      segments: { orderBy: { position: "asc" }, select: { id: true, text: true, kind: true, paragraph: true, headingLevel: true } },
    },
  });
  if (!edition) throw new NotFoundError(`No edition “${editionSlug}” in “${workSlug}”.`);
  return edition;
}
