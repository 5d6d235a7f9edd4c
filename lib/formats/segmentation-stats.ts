/** Counts shown in the import preview: how the text was cut into blocks and sentences. */
import { BLOCK_KINDS, type BlockKind, type EditionDocument } from "../text/edition-document";

export interface SegmentationStats {
  blocks: number;
  sentences: number;
  byKind: Record<BlockKind, { blocks: number; sentences: number }>;
  apparatus: { blocks: number; sentences: number };
  /** Mean sentence length in characters (main text), 0 when there is none. */
  averageSentenceLength: number;
  /** The longest sentence of the main text: a very long one often means a missed sentence break. */
  longestSentence: { length: number; line: number; text: string } | null;
}

export function segmentationStats(doc: EditionDocument): SegmentationStats {
  const byKind = Object.fromEntries(BLOCK_KINDS.map((kind) => [kind, { blocks: 0, sentences: 0 }])) as SegmentationStats["byKind"];
  let sentences = 0;
  let characters = 0;
  let longest: SegmentationStats["longestSentence"] = null;
  for (const block of doc.blocks) {
    byKind[block.kind].blocks += 1;
    byKind[block.kind].sentences += block.sentences.length;
    sentences += block.sentences.length;
    for (const sentence of block.sentences) {
      characters += sentence.text.length;
      if (longest == null || sentence.text.length > longest.length) longest = { length: sentence.text.length, line: block.line, text: sentence.text };
    }
  }
  const apparatusBlocks = doc.apparatus?.blocks ?? [];
  return {
    blocks: doc.blocks.length,
    sentences,
    byKind,
    apparatus: { blocks: apparatusBlocks.length, sentences: apparatusBlocks.reduce((sum, block) => sum + block.sentences.length, 0) },
    averageSentenceLength: sentences === 0 ? 0 : Math.round(characters / sentences),
    longestSentence: longest,
  };
}
