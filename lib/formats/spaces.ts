/**
 * White space as the importers normalise it: runs of spaces, tabs and line breaks become one space. No-break
 * spaces (U+00A0, the narrow U+202F French typography puts before « » ; : ! ?) are text, not layout, and are kept.
 */
const LAYOUT_SPACE = /[ \t\r\n\f\v]+/g;
const EDGE_SPACE = /^[ \t\r\n\f\v]+|[ \t\r\n\f\v]+$/g;

export function collapseSpaces(text: string): string {
  return text.replace(LAYOUT_SPACE, " ").replace(EDGE_SPACE, "");
}
