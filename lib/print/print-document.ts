/**
 * A parallel edition as one printable HTML document: a header naming the work and, for each chosen edition, its
 * title, what it is (a working translation is labelled as one, with the app's own provenance statement — never
 * with the imprint of the edition it stands in for) and its imprint; then the rows side by side, each with its
 * number, in a table whose head repeats on every page and whose rows are never split across pages when they fit.
 * The fonts are the app's own (public/fonts, `fontBase`), so a PDF made from it embeds them. Framework-free: the
 * print route serves it to browsers and the export-pdf job renders it with Chromium (render-pdf.ts).
 */
import { splitNoteRefs } from "../text/note-refs";

export interface PrintEdition {
  slug: string;
  title: string;
  language: string;
  /** What the edition is, shortly: "Published text", "Working translation (stands in for the Russian original)". */
  label: string;
  /** One sentence on where the text comes from (lib/editions/provenance.ts, provenanceStatement). */
  statement: string;
  /** A published text's imprint (place, publisher, year, editor, translator); null when none is known or it is not published. */
  imprint: string | null;
  workingTranslation: boolean;
}

export interface PrintSegment {
  text: string;
  kind: "heading" | "paragraph" | "blockquote" | "dateline" | "note";
  paragraph: number;
}

export interface PrintRow {
  number: number;
  /** One cell per edition, in the editions' order. */
  cells: PrintSegment[][];
}

export interface PrintDocument {
  work: { title: string; author: string | null };
  editions: PrintEdition[];
  rows: PrintRow[];
  /** The rows printed, and how many the work has. */
  range: { from: number; to: number; total: number };
  /** When it was made (YYYY-MM-DD). */
  made: string;
  /** Where the fonts are served from, ending in a slash: "/fonts/". */
  fontBase: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const attr = escapeHtml;

/** The @font-face rules of the app's Noto Serif files (Latin and Cyrillic, with their extensions). */
function fontFaces(base: string): string {
  const ranges: Record<string, string> = {
    "cyrillic-ext": "U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F",
    cyrillic: "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116",
    "latin-ext": "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
    latin: "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  };
  const rules: string[] = [];
  for (const [subset, range] of Object.entries(ranges)) {
    for (const weight of [400, 700]) {
      for (const style of ["normal", "italic"]) {
        rules.push(
          `@font-face{font-family:"Noto Serif";font-style:${style};font-weight:${weight};src:url("${base}noto-serif-${subset}-${weight}-${style}.woff2") format("woff2");unicode-range:${range};}`,
        );
      }
    }
  }
  return rules.join("\n");
}

/** Landscape for four or five editions, so that each column keeps a readable measure. */
export function isLandscape(editions: number): boolean {
  return editions >= 4;
}

function style(doc: PrintDocument): string {
  const columns = doc.editions.length;
  return `${fontFaces(doc.fontBase)}
@page { size: A4 ${isLandscape(columns) ? "landscape" : "portrait"}; margin: 14mm 12mm 16mm; }
html { font-family: "Noto Serif", serif; font-size: ${columns >= 4 ? "8.5pt" : "9.5pt"}; line-height: 1.35; color: #111; }
body { margin: 0; }
header.edition-header h1 { font-size: 1.6em; margin: 0 0 0.2em; }
header.edition-header .author { font-size: 1.1em; margin: 0; }
header.edition-header .range { color: #444; margin: 0.3em 0 0.8em; }
.editions { border-collapse: collapse; width: 100%; margin-bottom: 1.2em; break-inside: avoid; }
.editions th, .editions td { text-align: left; vertical-align: top; padding: 0.25em 0.5em 0.25em 0; border-top: 0.5pt solid #999; }
.editions .label { font-style: italic; }
.parallel { border-collapse: collapse; width: 100%; table-layout: fixed; }
.parallel col.number { width: 2.6em; }
.parallel thead th { text-align: left; vertical-align: bottom; border-bottom: 1pt solid #333; padding: 0.2em 0.5em 0.3em 0; font-weight: 700; }
.parallel thead .label { display: block; font-weight: 400; font-style: italic; font-size: 0.85em; }
.parallel tbody tr { break-inside: avoid; page-break-inside: avoid; }
.parallel tbody th { text-align: right; vertical-align: top; font-weight: 400; color: #555; padding: 0.35em 0.6em 0.35em 0; font-size: 0.85em; }
.parallel td { vertical-align: top; padding: 0.35em 0.6em 0.35em 0; border-bottom: 0.5pt solid #ccc; overflow-wrap: break-word; }
.parallel td p { margin: 0 0 0.3em; }
.parallel td p:last-child { margin-bottom: 0; }
.parallel td .heading { font-weight: 700; }
.parallel td .blockquote { margin-left: 1em; }
.parallel td .dateline { font-style: italic; }
.parallel td .note { font-size: 0.85em; }
.parallel td.empty::after { content: "—"; color: #999; }
sup { font-size: 0.7em; line-height: 0; }
`;
}

/** A text ending as a sentence does. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A segment's text with its note references as superscripts. */
function segmentHtml(text: string): string {
  return splitNoteRefs(text)
    .map((part) => (part.kind === "text" ? escapeHtml(part.text) : `<sup>${escapeHtml(part.label)}</sup>`))
    .join("");
}

/** A cell: consecutive segments of one block stay one paragraph, heading or quotation. */
function cellHtml(segments: PrintSegment[]): string {
  const blocks: PrintSegment[][] = [];
  for (const segment of segments) {
    const current = blocks.at(-1);
    if (current && current[0].paragraph === segment.paragraph) current.push(segment);
    else blocks.push([segment]);
  }
  return blocks.map((block) => `<p class="${block[0].kind}">${block.map((segment) => segmentHtml(segment.text)).join(" ")}</p>`).join("");
}

export function printHtml(doc: PrintDocument): string {
  const { work, editions, rows, range } = doc;
  const rowsLabel = range.from === 1 && range.to === range.total ? `All ${range.total} rows` : `Rows ${range.from}–${range.to} of ${range.total}`;
  const editionRows = editions
    .map(
      (edition) =>
        `<tr><th scope="row"><span lang="${attr(edition.language)}">${escapeHtml(edition.title)}</span> (${escapeHtml(edition.slug)})</th>` +
        `<td><span class="label">${escapeHtml(edition.label)}.</span> ${escapeHtml(edition.statement)}${edition.imprint ? ` ${escapeHtml(sentence(edition.imprint))}` : ""}</td></tr>`,
    )
    .join("\n");
  const head = editions
    .map((edition) => `<th scope="col"><span lang="${attr(edition.language)}">${escapeHtml(edition.title)}</span><span class="label">${escapeHtml(edition.workingTranslation ? "working translation" : edition.label)}</span></th>`)
    .join("");
  const body = rows
    .map(
      (row) =>
        `<tr id="r${row.number}"><th scope="row">${row.number}</th>${row.cells
          .map((cell, index) => (cell.length ? `<td lang="${attr(editions[index].language)}">${cellHtml(cell)}</td>` : `<td class="empty"><span class="visually-hidden">No text</span></td>`))
          .join("")}</tr>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self'">
<title>${escapeHtml(work.title)} — parallel edition</title>
<style>
${style(doc)}
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<header class="edition-header">
${work.author ? `<p class="author">${escapeHtml(work.author)}</p>` : ""}
<h1>${escapeHtml(work.title)}</h1>
<p class="range">${rowsLabel} in ${editions.length} edition${editions.length === 1 ? "" : "s"}, aligned by Hexapla; printed on ${escapeHtml(doc.made)}.</p>
<table class="editions"><caption class="visually-hidden">The editions</caption>
${editionRows}
</table>
</header>
<main>
<table class="parallel">
<colgroup><col class="number">${editions.map(() => "<col>").join("")}</colgroup>
<thead><tr><th scope="col"><span class="visually-hidden">Row</span></th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</main>
</body>
</html>
`;
}
