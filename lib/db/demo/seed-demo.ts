/**
 * Loads the demo corpus (data/thirst-for-power) into an empty database: the five editions through the same
 * importer as `npm run import`, then the grid. The corpus's correspondence labels give paragraph-level rows; the
 * automatic aligner refines each of them into sentence-level rows around the pivot (the original), aligning
 * within each labelled row so that the paragraph correspondence stays a hard constraint. The demo thus starts
 * sentence-aligned, every row with the aligner's confidence, and its words aligned (lib/db/words).
 */
import fs from "node:fs";
import path from "node:path";
import { rowsFromLabels } from "../../alignment/label-rows";
import { readEditionFile } from "../../import/read-edition-file";
import { stripNoteRefs } from "../../text/note-refs";
import type { Db } from "../client";
import { computeAlignment, withinEachRow, type AlignedEdition } from "../alignment/compute-alignment";
import { replaceGrid } from "../alignment/replace-grid";
import { importEdition, type ImportEditionResult } from "../editions/import-edition";
import { alignWorkWords } from "../words/align-work-words";

export const DEMO_EDITION_FILES = ["ru.txt", "fr.txt", "es.txt", "it.txt", "en.txt"];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.work.count()) === 0;
}

export async function seedDemo(db: Db, corpusDir: string, options: { words?: boolean } = {}): Promise<{ workId: string; editions: number; rows: number }> {
  const files = DEMO_EDITION_FILES.map((name) => path.join(corpusDir, name)).filter((file) => fs.existsSync(file));
  const editions = files.map((file) => readEditionFile(file));
  const imported: ImportEditionResult[] = [];
  for (const edition of editions) {
    imported.push(await importEdition(db, { document: edition.document, checksum: edition.checksum, sourceFile: edition.fileName }));
  }
  const workId = imported[0].workId;
  const labelRows = rowsFromLabels(
    editions.map((edition, index) => ({
      id: imported[index].editionId,
      blocks: edition.document.blocks.map((block) => ({ labels: block.labels, segmentCount: block.sentences.length, line: block.line })),
    })),
  );
  const { pivotEditionId } = await db.work.findUniqueOrThrow({ where: { id: workId }, select: { pivotEditionId: true } });
  const texts = await Promise.all(
    imported.map(async ({ editionId }, index): Promise<AlignedEdition> => {
      const segments = await db.segment.findMany({ where: { editionId }, orderBy: { position: "asc" }, select: { id: true, text: true, paragraph: true } });
      return {
        editionId,
        name: editions[index].document.meta.edition,
        lang: editions[index].document.meta.language,
        segmentIds: segments.map((s) => s.id),
        segments: segments.map((s) => ({ text: stripNoteRefs(s.text), paragraph: s.paragraph })),
      };
    }),
  );
  const pivot = texts.find((t) => t.editionId === pivotEditionId) ?? texts[0];
  const { rows } = await computeAlignment(
    withinEachRow(labelRows),
    pivot,
    texts.filter((t) => t !== pivot),
  );
  await db.$transaction((tx) => replaceGrid(tx, workId, rows, { pivotEditionId: pivot.editionId }), { timeout: 60_000 });
  if (options.words !== false) await alignWorkWords(db, workId);
  return { workId, editions: editions.length, rows: rows.length };
}
