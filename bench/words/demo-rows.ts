/**
 * The demo work's sentence-level rows built in memory exactly as the demo seeding builds them (labelled paragraph
 * rows refined by the sentence aligner around the English), with each cell's word tokens as the compare view
 * tokenises them. The word benchmark and its gold use these rows.
 */
import path from "node:path";
import { rowsFromLabels } from "../../lib/alignment/label-rows";
import { computeAlignment, withinEachRow, type AlignedEdition } from "../../lib/db/alignment/compute-alignment";
import { readEditionFile } from "../../lib/import/read-edition-file";
import { cellWordTokens } from "../../lib/alignment/words/cell-tokens";
import { stripNoteRefs } from "../../lib/text/note-refs";

export const DEMO_DIR = path.join(import.meta.dirname, "..", "..", "data", "thirst-for-power");
export const DEMO_LANGUAGES = ["en", "ru", "fr", "es", "it"] as const;

export interface DemoRows {
  languages: string[];
  /** rows[r][lang] = the cell's word tokens. */
  rows: Record<string, string[]>[];
}

export async function demoRows(): Promise<DemoRows> {
  const editions = DEMO_LANGUAGES.map((lang) => readEditionFile(path.join(DEMO_DIR, `${lang}.txt`)));
  const labelRows = rowsFromLabels(
    editions.map((edition, index) => ({
      id: DEMO_LANGUAGES[index],
      blocks: edition.document.blocks.map((block) => ({ labels: block.labels, segmentCount: block.sentences.length, line: block.line })),
    })),
  );
  const texts: AlignedEdition[] = editions.map((edition, index) => {
    const sentences = edition.document.blocks.flatMap((block, paragraph) => block.sentences.map((sentence) => ({ text: sentence.text, paragraph })));
    return {
      editionId: DEMO_LANGUAGES[index],
      name: DEMO_LANGUAGES[index],
      lang: DEMO_LANGUAGES[index],
      segmentIds: sentences.map((_, i) => `${DEMO_LANGUAGES[index]}${i}`),
      segments: sentences.map((sentence) => ({ text: stripNoteRefs(sentence.text), paragraph: sentence.paragraph })),
    };
  });
  const { rows } = await computeAlignment(withinEachRow(labelRows), texts[0], texts.slice(1));
  return {
    languages: [...DEMO_LANGUAGES],
    rows: rows.map((row) =>
      Object.fromEntries(
        texts.map((edition) => {
          const ids = row.cells[edition.editionId] ?? [];
          const segmentTexts = ids.map((id) => edition.segments[edition.segmentIds.indexOf(id)].text);
          return [edition.lang, cellWordTokens(segmentTexts, edition.lang).map((token) => token.text)];
        }),
      ),
    ),
  };
}
