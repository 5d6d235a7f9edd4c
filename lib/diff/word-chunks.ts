/** The words of a text with their offsets, as search highlights them. */
import { wordTokens } from "../text/tokens";

export interface WordChunk {
  /** The word as written. */
  chunk: string;
  start: number;
  /** Exclusive. */
  end: number;
}

/** The words of a text in its language (Intl.Segmenter, see tokens.ts), with their offsets. */
export function wordChunks(text: string, lang: string): WordChunk[] {
  return wordTokens(text, lang)
    .filter((token) => /[\p{L}\p{N}]/u.test(token.text))
    .map((token) => ({ chunk: token.text, start: token.index, end: token.index + token.text.length }));
}

