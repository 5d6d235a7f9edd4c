/** Public types of the sentence aligner. */
import type { Lexicon } from "../words/lexicon";

/** One segment (usually a sentence) of a text to align. */
export interface AlignSegment {
  text: string;
  /** Paragraph number; segments of one paragraph share it. Used only when both sides have it. */
  paragraph?: number;
}

/**
 * One alignment bead: the indices of the segments of side A and side B that translate each other.
 * Either list may be empty (an omission); `score` is the aligner's confidence in [0, 1].
 */
export interface Bead {
  a: number[];
  b: number[];
  score: number;
}

export interface AlignOptions {
  /** BCP 47 language code of side A; unknown or "und" gives language-neutral behaviour. */
  langA: string;
  /** BCP 47 language code of side B. */
  langB: string;
  /** Run the second pass with the dictionary induced from the first (default true). */
  induceDictionary?: boolean;
  /**
   * Add to the second pass's evidence the translations of the word aligner's model trained on the first pass's
   * confident beads (default false: bench:align measures it).
   */
  wordModel?: boolean;
  /** Bilingual dictionary entries for the word model (FreeDict, glossary), when the caller has them. */
  lexicon?: Lexicon | null;
  /** Use paragraph numbers when both sides have them (default true). */
  useParagraphs?: boolean;
}
