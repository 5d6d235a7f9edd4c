/**
 * An editor's glossary for a work: TSV term pairs between two languages (lib/alignment/words/glossary.ts reads
 * them), added in one transaction — a file with a bad line adds nothing — and read by the word aligner for any
 * pair of editions in those languages. Entries are only ever added; adding one twice changes nothing.
 */
import { z } from "zod";
import { GlossaryError, parseGlossary } from "../../alignment/words/glossary";
import type { LexiconEntry } from "../../alignment/words/lexicon";
import { primaryLanguage } from "../../text/name-key";
import type { Db } from "../client";
import { DomainError } from "../errors";
import { writeInChunks } from "../write-in-chunks";

export const MAX_GLOSSARY_BYTES = 2 * 1024 * 1024;

export const GlossaryRequestSchema = z.strictObject({
  languageA: z.string().min(2).max(12),
  languageB: z.string().min(2).max(12),
  tsv: z.string().min(1).max(MAX_GLOSSARY_BYTES),
});

export async function addGlossary(db: Db, workId: string, request: { languageA: string; languageB: string; tsv: string; userId: string | null }): Promise<{ added: number; entries: number }> {
  const languageA = primaryLanguage(request.languageA);
  const languageB = primaryLanguage(request.languageB);
  if (!/^[a-z]{2,3}$/.test(languageA) || !/^[a-z]{2,3}$/.test(languageB) || languageA === languageB) {
    throw new DomainError("invalid", "Name two different languages (e.g. ru and en).");
  }
  if (Buffer.byteLength(request.tsv) > MAX_GLOSSARY_BYTES) throw new DomainError("invalid", `The glossary is larger than ${MAX_GLOSSARY_BYTES / 1024 / 1024} MiB.`);
  let entries: { a: string; b: string; note: string | null }[];
  try {
    entries = parseGlossary(request.tsv).map((entry) => ({ ...entry, note: null }));
  } catch (error) {
    if (error instanceof GlossaryError) throw new DomainError("invalid", `The glossary could not be read: ${error.message}.`);
    throw error;
  }
  const notes = request.tsv.split(/\r?\n/).filter((line) => line.trim() && !line.startsWith("#")).map((line) => line.split("\t")[2]?.trim() || null);
  entries = entries.map((entry, index) => ({ ...entry, note: notes[index] ?? null }));
  if (entries.some((entry) => entry.a.length > 200 || entry.b.length > 200)) throw new DomainError("invalid", "A glossary term is longer than 200 characters.");
  const rows = entries.map((entry) => ({ workId, languageA, languageB, termA: entry.a, termB: entry.b, note: entry.note, addedById: request.userId }));
  const added = await db.$transaction(async (tx) => {
    let count = 0;
    await writeInChunks(rows, async (data) => (count += (await tx.glossaryEntry.createMany({ data, skipDuplicates: true })).count));
    return count;
  });
  return { added, entries: entries.length };
}

/** The work's glossary entries between two languages, oriented from `langA` to `langB`. */
export async function glossaryFor(db: Db, workId: string, langA: string, langB: string): Promise<LexiconEntry[]> {
  const a = primaryLanguage(langA);
  const b = primaryLanguage(langB);
  const rows = await db.glossaryEntry.findMany({
    where: { workId, OR: [{ languageA: a, languageB: b }, { languageA: b, languageB: a }] },
    select: { languageA: true, termA: true, termB: true },
  });
  return rows.map((row) => (row.languageA === a ? { a: row.termA, b: row.termB } : { a: row.termB, b: row.termA }));
}

export async function glossarySizes(db: Db, workId: string): Promise<{ languageA: string; languageB: string; entries: number }[]> {
  const groups = await db.glossaryEntry.groupBy({ by: ["languageA", "languageB"], where: { workId }, _count: true });
  return groups.map((group) => ({ languageA: group.languageA, languageB: group.languageB, entries: group._count }));
}
