/**
 * A small work with an earlier witness, for integration and e2e tests: an English original and a French working
 * translation aligned row by row, then the French text replaced by a published French text through the import
 * layer (as the import page does), which keeps the working translation as `fr-superseded`. Row 2 differs:
 * the working translation says "fusillés sur", the published one "exécutés à" (one run of changed words).
 */
import type { Db } from "../client";
import { runImport } from "../import/run-import";
import type { ImportResult } from "../import/types";
import { createScholarWork, type FixtureEdition } from "../search/scholar-work.fixtures";

export const WITNESS_EDITIONS: FixtureEdition[] = [
  {
    slug: "en",
    language: "en",
    title: "Thirst for Power",
    original: true,
    provenance: "published",
    rows: ["Thirst for Power", "In August 1936 Zinoviev and Kamenev were shot at Vyshinsky's demand.", "On 26 May 1928 I wrote to my friends from Alma-Ata."],
  },
  {
    slug: "fr",
    language: "fr",
    title: "La soif du pouvoir",
    provenance: "working-translation",
    rows: ["La soif du pouvoir", "En août 1936, Zinoviev et Kamenev furent fusillés sur la demande de Vychinski.", "Le 26 mai 1928, j'écrivais d'Alma-Ata à mes amis."],
  },
];

export const PUBLISHED_FRENCH = `# La soif du pouvoir

En août 1936, Zinoviev et Kamenev furent exécutés à la demande de Vychinski.

Le 26 mai 1928, j'écrivais d'Alma-Ata à mes amis.
`;

/** Creates the work and replaces its French text; returns the work's id and the import's result. */
export async function createWitnessWork(db: Db, slug: string, importedById: string | null = null): Promise<{ workId: string; replacement: ImportResult }> {
  const workId = await createScholarWork(db, slug, WITNESS_EDITIONS);
  const replacement = await runImport(db, {
    bytes: new TextEncoder().encode(PUBLISHED_FRENCH),
    fileName: `${slug}-fr-published.md`,
    workSlug: slug,
    replace: "fr",
    meta: { provenance: "published", publisher: "Grasset", place: "Paris", year: 1937 },
    importedById,
  });
  return { workId, replacement };
}
