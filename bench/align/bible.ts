/**
 * A literary test pair for the sentence aligner: narrative books of two published translations of the Bible, the
 * King James Version (English, 1769 text) and the Reina-Valera (Spanish, 1909), read from Debian's SWORD modules
 * (`apt-get install diatheke sword-text-kjv sword-text-sparv`) with `diatheke`. Translators of narrative prose merge
 * and split sentences freely (the KJV runs a sentence across three verses where the Reina-Valera makes three), and
 * dialogue is punctuated differently in each: the hard case for sentence alignment.
 *
 * How the gold is derived, and why it can be defended: both editions number their verses, the numbering is the
 * editions' own (the same versification in both modules), and a verse of one renders the same verse of the other.
 * Each side is split into sentences with Intl.Segmenter over the chapter's text; a sentence covers the verses its
 * characters come from. Two sentences of different sides belong to the same gold bead when they cover a common verse,
 * and beads are the connected groups of that relation: the finest alignment consistent with the verse numbers. The
 * gold is therefore never wrong, but it can be coarser than the truth: two sentences in one verse on each side form one
 * 2-2 bead, and an aligner that (rightly) makes two 1-1 beads there gets one rung counted wrong. The benchmark prints
 * how many gold beads are of that kind.
 */
import { spawnSync } from "node:child_process";
import type { BeadLike } from "./metrics";
import type { BenchSegment, Bitext } from "./bitext";

const MODULES = { en: "engKJV2006eb", es: "spaRV1909eb" } as const;
export const BIBLE_BOOKS = ["Genesis", "Ruth", "Jonah", "Mark"];

interface Verse {
  chapter: string;
  verse: string;
  text: string;
}

/** The verses of a book, or null when diatheke or the module is not installed. */
function versesOf(module: string, book: string): Verse[] | null {
  const run = spawnSync("diatheke", ["-b", module, "-f", "plain", "-k", book], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) return null;
  const verses: Verse[] = [];
  for (const line of run.stdout.split("\n")) {
    const match = /^(.+?) (\d+):(\d+): (.*)$/.exec(line);
    if (!match) continue;
    const text = match[4].replace(/¶/g, "").replace(/\s+/g, " ").trim();
    if (text.length > 0) verses.push({ chapter: `${match[1]} ${match[2]}`, verse: `${match[1]} ${match[2]}:${match[3]}`, text });
  }
  return verses.length > 0 ? verses : null;
}

interface Sentence {
  text: string;
  chapter: string;
  verses: string[];
}

/** A chapter's sentences, each with the verses it covers. */
function sentencesOf(verses: readonly Verse[], lang: string): Sentence[] {
  let text = "";
  const owner: Array<{ start: number; verse: string }> = [];
  for (const v of verses) {
    owner.push({ start: text.length, verse: v.verse });
    text += v.text + " ";
  }
  const verseAt = (offset: number) => {
    let low = 0;
    let high = owner.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (owner[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
  const out: Sentence[] = [];
  for (const s of segmenter.segment(text)) {
    const trimmed = s.segment.trim();
    if (trimmed.length === 0) continue;
    const start = s.index + s.segment.indexOf(trimmed);
    const first = verseAt(start);
    const last = verseAt(start + trimmed.length - 1);
    out.push({ text: trimmed, chapter: verses[0].chapter, verses: owner.slice(first, last + 1).map((o) => o.verse) });
  }
  return out;
}

/** Connected groups of sentences that share a verse, in order: the gold beads. */
function goldBeads(a: readonly Sentence[], b: readonly Sentence[]): BeadLike[] {
  const lastA = new Map<string, number>();
  const lastB = new Map<string, number>();
  a.forEach((s, i) => s.verses.forEach((v) => lastA.set(v, i)));
  b.forEach((s, j) => s.verses.forEach((v) => lastB.set(v, j)));
  const beads: BeadLike[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    /* Grow the bead from the next sentence(s) until no sentence outside it shares a verse with one inside. */
    let endA = i;
    let endB = j;
    const reach = (verses: readonly string[]) => {
      for (const v of verses) {
        endA = Math.max(endA, (lastA.get(v) ?? -1) + 1);
        endB = Math.max(endB, (lastB.get(v) ?? -1) + 1);
      }
    };
    if (j >= b.length || (i < a.length && order(a[i]) <= order(b[j]))) {
      endA = i + 1;
      reach(a[i].verses);
    } else {
      endB = j + 1;
      reach(b[j].verses);
    }
    let grown = true;
    while (grown) {
      grown = false;
      const beforeA = endA;
      const beforeB = endB;
      for (let x = i; x < endA; x++) reach(a[x].verses);
      for (let y = j; y < endB; y++) reach(b[y].verses);
      grown = endA !== beforeA || endB !== beforeB;
    }
    beads.push({ a: range(i, endA), b: range(j, endB) });
    i = endA;
    j = endB;
  }
  return beads;
}

const verseOrder = new Map<string, number>();

/** Position of a sentence's first verse in the books' order. */
function order(sentence: Sentence): number {
  return verseOrder.get(sentence.verses[0]) ?? 0;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

export interface BibleBitext extends Bitext {
  /** Gold beads with at least two sentences on each side inside one verse range (where the gold may be coarser than the truth). */
  coarseBeads: number;
}

/** The KJV–Reina-Valera bitext of the given books, chapters as paragraphs, or null when the modules are missing. */
export function bibleBitext(books: readonly string[] = BIBLE_BOOKS): BibleBitext | null {
  const a: Sentence[] = [];
  const b: Sentence[] = [];
  for (const book of books) {
    const en = versesOf(MODULES.en, book);
    const es = versesOf(MODULES.es, book);
    if (!en || !es) return null;
    for (const v of en) if (!verseOrder.has(v.verse)) verseOrder.set(v.verse, verseOrder.size);
    for (const v of es) if (!verseOrder.has(v.verse)) verseOrder.set(v.verse, verseOrder.size);
    const chapters = [...new Set(en.map((v) => v.chapter))];
    for (const chapter of chapters) {
      a.push(...sentencesOf(en.filter((v) => v.chapter === chapter), "en"));
      const spanish = es.filter((v) => v.chapter === chapter);
      if (spanish.length > 0) b.push(...sentencesOf(spanish, "es"));
    }
  }
  const gold = goldBeads(a, b);
  const chapterNumber = new Map<string, number>();
  const segments = (side: Sentence[]): BenchSegment[] =>
    side.map((s) => {
      if (!chapterNumber.has(s.chapter)) chapterNumber.set(s.chapter, chapterNumber.size);
      return { text: s.text, paragraph: chapterNumber.get(s.chapter) };
    });
  return {
    name: `KJV–RV1909 (${books.join(", ")})`,
    langA: "en",
    langB: "es",
    a: segments(a),
    b: segments(b),
    gold,
    coarseBeads: gold.filter((bead) => bead.a.length >= 2 && bead.b.length >= 2).length,
  };
}
