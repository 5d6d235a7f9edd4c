/**
 * Writes an already aligned file (TMX, CSV): its editions, then one grid row per aligned row of the file, with the
 * status and confidence the file records (automatic, without confidence, when it records none). The caller has
 * checked that the work has no grid yet (plan-import.ts).
 */
import type { AlignedImport } from "../../formats";
import { replaceGrid } from "../alignment/replace-grid";
import { createEdition, findOrCreateWork } from "../editions/import-edition";
import type { Tx } from "./types";

export interface WrittenEditions {
  workId: string;
  editions: { slug: string; segments: number }[];
  rows: number;
}

export async function writeAligned(
  tx: Tx,
  aligned: AlignedImport,
  source: { checksum: string; sourceFile: string; importedById: string | null },
): Promise<WrittenEditions> {
  const work = await findOrCreateWork(tx, aligned.editions[0].meta);
  const created = new Map<string, { editionId: string; segmentIds: string[] }>();
  for (const document of aligned.editions) {
    created.set(document.meta.edition, await createEdition(tx, work, { document, ...source }));
  }
  await replaceGrid(
    tx,
    work.id,
    aligned.rows.map((row) => ({
      cells: Object.fromEntries(
        Object.entries(row.cells).map(([slug, indexes]) => {
          const edition = created.get(slug)!;
          return [edition.editionId, indexes.map((i) => edition.segmentIds[i])];
        }),
      ),
      status: row.status ?? "automatic",
      confidence: row.confidence ?? null,
    })),
  );
  return {
    workId: work.id,
    editions: [...created].map(([slug, edition]) => ({ slug, segments: edition.segmentIds.length })),
    rows: aligned.rows.length,
  };
}
