/** Note references written `[^6]` in running text: split out so they can be shown as superscripts linked to the apparatus. */

export type TextPart = { kind: "text"; text: string } | { kind: "note"; label: string };

const NOTE_REF = /\[\^([\p{L}\p{N}_-]+)\]/gu;

export function splitNoteRefs(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(NOTE_REF)) {
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    parts.push({ kind: "note", label: match[1] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** The text without its note references, for diffs, search and alignment. */
export function stripNoteRefs(text: string): string {
  return text.replace(NOTE_REF, "");
}
