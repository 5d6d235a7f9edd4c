/**
 * An editor's glossary for a work, or a dictionary given to the command line: TSV, one pair per line —
 * term in the first language, term in the second, an optional note. Lines starting with # and blank lines are
 * skipped; a line without two terms is an error naming its line.
 */
import type { LexiconEntry } from "./lexicon";

export class GlossaryError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export const MAX_GLOSSARY_LINES = 200_000;

export function parseGlossary(text: string): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines.length > MAX_GLOSSARY_LINES) throw new GlossaryError(MAX_GLOSSARY_LINES + 1, `more than ${MAX_GLOSSARY_LINES} lines`);
  lines.forEach((line, index) => {
    if (!line.trim() || line.startsWith("#")) return;
    const [a, b] = line.split("\t").map((field) => field?.trim() ?? "");
    if (!a || !b) throw new GlossaryError(index + 1, "expected two terms separated by a tab");
    entries.push({ a, b });
  });
  return entries;
}
