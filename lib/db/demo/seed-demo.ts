/**
 * Loads the demo corpus (data/thirst-for-power) into an empty database: the five editions through the
 * same importer as `npm run import`, then the paragraph-level grid from the corpus's correspondence labels.
 */
import fs from "node:fs";
import path from "node:path";
import { rowsFromLabels } from "../../alignment/label-rows";
import { readEditionFile } from "../../import/read-edition-file";
import type { Db } from "../client";
import { importEdition, type ImportEditionResult } from "../editions/import-edition";
import { replaceGrid } from "../alignment/replace-grid";

export const DEMO_EDITION_FILES = ["ru.txt", "fr.txt", "es.txt", "it.txt", "en.txt"];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.work.count()) === 0;
}

export async function seedDemo(db: Db, corpusDir: string): Promise<{ workId: string; editions: number; rows: number }> {
  const files = DEMO_EDITION_FILES.map((name) => path.join(corpusDir, name)).filter((file) => fs.existsSync(file));
  const editions = files.map((file) => readEditionFile(file));
  const imported: ImportEditionResult[] = [];
  for (const edition of editions) {
    imported.push(await importEdition(db, { document: edition.document, checksum: edition.checksum, sourceFile: edition.fileName }));
  }
  const workId = imported[0].workId;
  const rows = rowsFromLabels(
    editions.map((edition, index) => ({
      id: imported[index].editionId,
      blocks: edition.document.blocks.map((block) => ({ labels: block.labels, segmentCount: block.sentences.length, line: block.line })),
    })),
  );
  await db.$transaction(async (tx) => {
    const segments = await tx.segment.findMany({ where: { workId }, orderBy: [{ editionId: "asc" }, { position: "asc" }], select: { id: true, editionId: true } });
    const byEdition = new Map<string, string[]>();
    for (const segment of segments) {
      const list = byEdition.get(segment.editionId) ?? [];
      list.push(segment.id);
      byEdition.set(segment.editionId, list);
    }
    await replaceGrid(
      tx,
      workId,
      rows.map((row) => ({
        cells: Object.fromEntries(Object.entries(row.cells).map(([editionId, indexes]) => [editionId, indexes.map((i) => byEdition.get(editionId)![i])])),
        status: "automatic",
        confidence: null,
      })),
    );
  });
  return { workId, editions: editions.length, rows: rows.length };
}
