/** The compact form of the compare view's word marks (see prepare-rows.ts), read on the client without the aligner's code. */
import type { TextMark } from "@/lib/diff/text-marks";

export const WORD_MARK_KINDS = ["word-added", "word-omitted", "word-weak"] as const;

/** The word marks of a cell as TextMarks again (on the client); a "left out" mark says which editions leave the word out. */
export function expandWordMarks(words: { marks: number[]; omittedBy: string[] }): TextMark[] {
  const marks: TextMark[] = [];
  let omitted = 0;
  for (let k = 0; k + 2 < words.marks.length; k += 3) {
    const kind = WORD_MARK_KINDS[words.marks[k + 2]];
    marks.push({ start: words.marks[k], end: words.marks[k + 1], kind, label: kind === "word-omitted" ? words.omittedBy[omitted++] : undefined });
  }
  return marks;
}

