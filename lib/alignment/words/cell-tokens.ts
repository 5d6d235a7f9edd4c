/**
 * The words of a cell that word links point at: every word-like token (letters or digits) of each segment, note
 * references left out, without the no-break spaces the word segmenter keeps inside a word (French "central\u202f!"), numbered from 0 across the cell's segments in order. Offsets are in the segment's own
 * text, so the compare view can mark exactly these words; the aligner sees the same list.
 */
import { splitNoteRefs } from "../../text/note-refs";
import { wordTokens } from "../../text/tokens";

export interface CellToken {
  text: string;
  /** Index of the segment within the cell. */
  segment: number;
  /** Position of the word within its segment (0-based). */
  index: number;
  /** Offsets in the segment's text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]/u;

/** The words of one segment's text, with offsets in that text. */
export function segmentWordTokens(text: string, lang: string): { text: string; start: number; end: number }[] {
  const words: { text: string; start: number; end: number }[] = [];
  let offset = 0;
  for (const part of splitNoteRefs(text)) {
    if (part.kind === "note") {
      offset += part.label.length + 3;
      continue;
    }
    for (const token of wordTokens(part.text, lang)) {
      if (!WORD.test(token.text)) continue;
      const lead = token.text.length - token.text.trimStart().length;
      const text = token.text.trim();
      words.push({ text, start: offset + token.index + lead, end: offset + token.index + lead + text.length });
    }
    offset += part.text.length;
  }
  return words;
}

export function cellWordTokens(segmentTexts: readonly string[], lang: string): CellToken[] {
  return segmentTexts.flatMap((text, segment) => segmentWordTokens(text, lang).map((word, index) => ({ text: word.text, start: word.start, end: word.end, segment, index })));
}
