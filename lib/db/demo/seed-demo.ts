/**
 * Loads the demo corpus (data/thirst-for-power) into an empty database: the five editions through the same
 * importer as `npm run import`, and the English text as extracted before its corrections (`en-extracted`), an
 * earlier witness of `en` that `en` replaced; then the grid. The corpus's correspondence labels give
 * paragraph-level rows; the automatic aligner refines each of them into sentence-level rows around the pivot the
 * pivot rule chooses (lib/editions/pivot.ts: no original is present, so the published English the working
 * translations were made from), aligning within each labelled row so that the paragraph correspondence stays a
 * hard constraint. The demo thus starts sentence-aligned, every row with the aligner's confidence, the witness
 * diffable against `en` word by word, and its words aligned (lib/db/words).
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
/** Earlier witnesses: the file, and the edition whose text replaced it. */
export const DEMO_WITNESS_FILES = [{ file: "en-extracted.txt", replacedBy: "en" }];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.work.count()) === 0;
}

export async function seedDemo(db: Db, corpusDir: string, options: { words?: boolean } = {}): Promise<{ workId: string; editions: number; rows: number }> {
  const files = DEMO_EDITION_FILES.map((name) => path.join(corpusDir, name)).filter((file) => fs.existsSync(file));
  const witnesses = DEMO_WITNESS_FILES.filter(({ file }) => fs.existsSync(path.join(corpusDir, file)));
  const editions = [...files, ...witnesses.map(({ file }) => path.join(corpusDir, file))].map((file) => readEditionFile(file));
  const imported: ImportEditionResult[] = [];
  for (const edition of editions) {
    imported.push(await importEdition(db, { document: edition.document, checksum: edition.checksum, sourceFile: edition.fileName }));
  }
  const workId = imported[0].workId;
  for (const [index, { replacedBy }] of witnesses.entries()) {
    const successor = imported[editions.findIndex((edition) => edition.document.meta.edition === replacedBy)];
    await db.edition.update({ where: { id: imported[files.length + index].editionId }, data: { supersededById: successor.editionId } });
  }
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
