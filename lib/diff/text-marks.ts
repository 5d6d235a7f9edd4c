/**
 * Marks on a text (diff changes, anchors, search hits) as ranges of offsets, and the pieces a renderer needs
 * to show them: the text cut at every mark boundary, each piece with the marks covering it. A cell of several
 * segments is marked in the coordinates of its segments joined by one space (`joinSegments`), and
 * `marksOfSegment` brings the marks back to each segment.
 */
export interface TextMark {
  start: number;
  /** Exclusive. */
  end: number;
  kind: string;
  /** A short description for assistive technology and tooltips (e.g. "1936, missing in fr"). */
  label?: string;
}

export interface TextPiece {
  text: string;
  start: number;
  marks: TextMark[];
}

/** The text cut at every mark boundary; pieces concatenate to the text. */
export function markPieces(text: string, marks: readonly TextMark[]): TextPiece[] {
  const inside = marks.filter((mark) => mark.end > mark.start && mark.start < text.length && mark.end > 0);
  const cuts = new Set([0, text.length]);
  for (const mark of inside) {
    cuts.add(Math.max(0, mark.start));
    cuts.add(Math.min(text.length, mark.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    pieces.push({ text: text.slice(start, end), start, marks: inside.filter((mark) => mark.start <= start && mark.end >= end) });
  }
  return pieces;
}

/** Segments joined by one space, and where each segment starts in the joined text. */
export function joinSegments(texts: readonly string[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let offset = 0;
  for (const text of texts) {
    starts.push(offset);
    offset += text.length + 1;
  }
  return { text: texts.join(" "), starts };
}

/** The marks of a joined cell that fall in the segment starting at `start` with `length` characters, in its own offsets. */
export function marksOfSegment(marks: readonly TextMark[], start: number, length: number): TextMark[] {
  return marks.flatMap((mark) => {
    const from = Math.max(mark.start, start);
    const to = Math.min(mark.end, start + length);
    return to > from ? [{ ...mark, start: from - start, end: to - start }] : [];
  });
}

/** Marks of one kind over consecutive diff parts: the parts of `kind` become marks, in the offsets of the text the parts rebuild. */
export function diffMarks(parts: readonly { kind: string; text: string }[], kind: string): TextMark[] {
  const marks: TextMark[] = [];
  let offset = 0;
  for (const part of parts) {
    if (part.kind === kind && part.text.trim() !== "") marks.push({ start: offset, end: offset + part.text.length, kind });
    offset += part.text.length;
  }
  return marks;
}
