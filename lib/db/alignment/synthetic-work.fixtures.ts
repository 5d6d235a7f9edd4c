/**
 * A large synthetic work for timing the aligner end to end: `count` source sentences of varied length with
 * numbers and names, rendered into each language with its own vocabulary and length ratio; every 37th sentence
 * of an edition merged with the next and every 53rd split in two, so the editions do not align one to one. The
 * segments are written directly (the importer is not what is timed) and laid out one row per pivot sentence,
 * translations distributed by position: a deliberately rough first grid.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../client";
import { POSITION_GAP } from "../editions/import-edition";
import { replaceGrid } from "./replace-grid";
import { writeInChunks } from "../write-in-chunks";

const NAMES = ["Kamenev", "Zinoviev", "Bukharin", "Radek", "Pyatakov", "Vyshinsky", "Trotsky", "Stalin", "Sedov", "Smirnov"];
const LENGTH_RATIO: Record<string, number> = { ru: 0.9, fr: 1.15, es: 1.1, it: 1.1, en: 1 };

/** A small deterministic generator (mulberry32), so every run times the same texts. */
function random(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

interface SourceSentence {
  words: number[];
  number: number | null;
  name: string | null;
}

function sourceSentences(count: number): SourceSentence[] {
  const next = random(1937);
  return Array.from({ length: count }, () => ({
    words: Array.from({ length: 4 + Math.floor(next() * 26) }, () => Math.floor(next() * 400)),
    number: next() < 0.2 ? 1900 + Math.floor(next() * 40) : null,
    name: next() < 0.3 ? NAMES[Math.floor(next() * NAMES.length)] : null,
  }));
}

function render(sentence: SourceSentence, lang: string): string {
  const ratio = LENGTH_RATIO[lang] ?? 1;
  const words = sentence.words.slice(0, Math.max(2, Math.round(sentence.words.length * ratio)));
  while (words.length < Math.round(sentence.words.length * ratio)) words.push(words[words.length % sentence.words.length]);
  const text = words.map((w) => `${lang}${w.toString(36)}`);
  if (sentence.name) text.splice(1, 0, sentence.name);
  if (sentence.number !== null) text.push(String(sentence.number));
  return `${text.join(" ")}.`;
}

function editionSentences(source: SourceSentence[], lang: string, reshape: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const text = render(source[i], lang);
    if (reshape && i % 37 === 36 && i + 1 < source.length) {
      out.push(`${text} ${render(source[i + 1], lang)}`);
      i += 1;
    } else if (reshape && i % 53 === 52) {
      const words = text.split(" ");
      const half = Math.ceil(words.length / 2);
      out.push(`${words.slice(0, half).join(" ")}.`, words.slice(half).join(" ") || ".");
    } else {
      out.push(text);
    }
  }
  return out;
}

export async function createSyntheticWork(db: Db, slug: string, languages: string[], count: number): Promise<{ workId: string; segments: number }> {
  const source = sourceSentences(count);
  const work = await db.work.create({ data: { slug, title: `Synthetic ${slug}` } });
  const texts = languages.map((lang, index) => editionSentences(source, lang, index > 0));
  const segmentIds: string[][] = [];
  const editionIds: string[] = [];
  for (const [index, lang] of languages.entries()) {
    const edition = await db.edition.create({
      data: { workId: work.id, slug: lang, language: lang, title: `${lang} edition`, isOriginal: index === 0, provenance: "imported", position: index },
    });
    const ids = texts[index].map(() => randomUUID());
    const segments = texts[index].map((text, i) => ({
      id: ids[i],
      editionId: edition.id,
      workId: work.id,
      position: (i + 1) * POSITION_GAP,
      paragraph: Math.floor(i / 8),
      kind: "paragraph" as const,
      text,
    }));
    await writeInChunks(segments, (data) => db.segment.createMany({ data }));
    segmentIds.push(ids);
    editionIds.push(edition.id);
  }
  const pivot = segmentIds[0];
  await db.$transaction(
    (tx) =>
      replaceGrid(
        tx,
        work.id,
        pivot.map((id, row) => ({
          status: "automatic" as const,
          confidence: null,
          cells: Object.fromEntries(
            segmentIds.map((ids, e) => {
              const from = Math.floor((row * ids.length) / pivot.length);
              const to = Math.floor(((row + 1) * ids.length) / pivot.length);
              return [editionIds[e], e === 0 ? [id] : ids.slice(from, to)];
            }),
          ),
        })),
      ),
    { timeout: 120_000 },
  );
  return { workId: work.id, segments: segmentIds.reduce((sum, ids) => sum + ids.length, 0) };
}
