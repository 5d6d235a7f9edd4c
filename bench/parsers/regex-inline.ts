/**
 * The Markdown inline parser as it was before it was made linear: a chain of regular expressions. Kept only as the
 * benchmark's baseline, to show what backtracking costs on the same adversarial inputs (run on a smaller size).
 */
import { collapseSpaces } from "../../lib/formats/spaces";

const ESCAPABLE = /\\([!-/:-@[-`{-~])/g;
const PARKED = /\u0000(\d+)\u0000/g;

export function regexInlineText(markdown: string): string {
  const escaped: string[] = [];
  const text = markdown
    .replace(ESCAPABLE, (_, char: string) => `\u0000${escaped.push(char) - 1}\u0000`)
    .replace(/`+([^`]*?)`+/g, "$1")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(/\[([^\]^][^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, "$1")
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, "")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/\*(?=\S)([\s\S]*?\S)\*/g, "$1")
    .replace(/(?<![\p{L}\p{N}])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}])/gu, "$1");
  return collapseSpaces(text).replace(PARKED, (_, index: string) => escaped[Number(index)]);
}
