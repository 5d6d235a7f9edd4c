/** How many words of a passage carry each word-difference mark (lib/diff/word-marks.ts): light enough for the browser. */
import type { TextMark } from "./text-marks";

/** How many words carry each word-difference mark. */
export interface WordMarkCounts {
  added: number;
  omitted: number;
  weak: number;
}

export function countWordMarks(marks: readonly TextMark[]): WordMarkCounts {
  const counts = { added: 0, omitted: 0, weak: 0 };
  for (const mark of marks) {
    if (mark.kind === "word-added") counts.added += 1;
    else if (mark.kind === "word-omitted") counts.omitted += 1;
    else if (mark.kind === "word-weak") counts.weak += 1;
  }
  return counts;
}
