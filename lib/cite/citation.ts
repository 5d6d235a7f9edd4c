/**
 * A cited passage in every shown edition, written out as the reader copies it: the quotation with a reference in
 * one common style, BibTeX and CSL-JSON for the editions. A working translation is cited as a working translation
 * made for Hexapla — never with the imprint of the published edition it stands in for — and an earlier witness as
 * such. Framework-free: the data layer (lib/db/cite) gathers a Citation, the API and the UI show what this writes.
 */
import { languageName, provenanceStatement, type ProvenanceKind } from "../editions/provenance";

export interface CitedEdition {
  slug: string;
  title: string;
  language: string;
  provenance: ProvenanceKind;
  isOriginal: boolean;
  standsInForOriginal: boolean;
  editor: string | null;
  translator: string | null;
  publisher: string | null;
  place: string | null;
  year: number | null;
  translatedFrom: string | null;
  /** When a working translation was made: a date, or `made/last revised`. */
  made: string | null;
  /** An earlier witness: a text a newer one replaced. */
  witness: boolean;
}

export interface CitedCell {
  edition: CitedEdition;
  /** The edition's sentences in the cited rows, in order; empty when the edition has no text there. */
  sentences: string[];
  /** The edition's paragraph numbers (¶, counted from 1 over its paragraphs and quotations) the sentences stand in. */
  paragraphs: number[];
}

export interface Citation {
  work: { slug: string; title: string; author: string | null };
  /** The rows cited, as numbered today (the link does not depend on them). */
  rows: { from: number; to: number };
  /** The stable link (absolute), keyed by segment identity. */
  link: string;
  cells: CitedCell[];
  /** The day the passage was read (YYYY-MM-DD), for "accessed". */
  accessed: string;
}

export interface CslItem {
  id: string;
  type: "book" | "manuscript" | "document";
  title: string;
  author?: { family: string; given?: string }[];
  editor?: { literal: string }[];
  translator?: { literal: string }[];
  publisher?: string;
  "publisher-place"?: string;
  issued?: { "date-parts": number[][] };
  accessed: { "date-parts": number[][] };
  language: string;
  genre?: string;
  note?: string;
  URL: string;
}

export interface CitationFormats {
  /** The quotation in every shown edition, the reference and the link, as plain text. */
  text: string;
  /** The reference alone: "Trotsky, “Thirst for Power”, ¶ 12; «Жажда власти», working translation (Hexapla), ¶ 12". */
  reference: string;
  /** Each edition's reference, in column order. */
  references: { slug: string; reference: string }[];
  bibtex: string;
  csl: CslItem[];
}

const OPENING_QUOTES = "“”\"«»„‘’‹›";

/** A title as the edition gives it, without the quotation marks around it. */
export function bareTitle(title: string): string {
  let start = 0;
  let end = title.length;
  while (start < end && (OPENING_QUOTES.includes(title[start]) || /\s/.test(title[start]))) start++;
  while (end > start && (OPENING_QUOTES.includes(title[end - 1]) || /\s/.test(title[end - 1]))) end--;
  return title.slice(start, end);
}

/** A title in quotation marks: as given when it carries its own, else in English ones. */
function quotedTitle(title: string): string {
  return OPENING_QUOTES.includes(title.trim()[0] ?? "") ? title.trim() : `“${title.trim()}”`;
}

/** The family name of an author as written ("Leon Trotsky" → "Trotsky"), and the given names. */
export function splitName(name: string): { family: string; given?: string } {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop() ?? "";
  return parts.length ? { family, given: parts.join(" ") } : { family };
}

/** "¶ 12", "¶¶ 12–13", "¶¶ 3, 5–7"; empty for none. */
export function paragraphLocator(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  if (sorted.length === 0) return "";
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return `${sorted.length === 1 ? "¶" : "¶¶"} ${runs.join(", ")}`;
}

/** What the edition is, in a reference, when it is not a published text: null for a published text. */
function provenancePhrase(edition: CitedEdition): string | null {
  if (edition.witness) return "earlier witness (Hexapla)";
  if (edition.provenance === "working_translation") return "working translation (Hexapla)";
  if (edition.provenance === "imported") return "imported text (Hexapla)";
  return null;
}

function imprint(edition: CitedEdition): string {
  const where = [edition.place, edition.publisher].filter(Boolean).join(": ");
  return [where, edition.year].filter(Boolean).join(", ");
}

/** One edition's part of the reference: its title, what it is (or the imprint of a published text), the paragraphs. */
export function editionReference(cell: CitedCell): string {
  const { edition } = cell;
  const phrase = provenancePhrase(edition);
  const published = phrase === null && imprint(edition) ? ` (${imprint(edition)})` : "";
  return [`${quotedTitle(edition.title)}${published}`, phrase, paragraphLocator(cell.paragraphs)].filter(Boolean).join(", ");
}

/** The reference of the whole passage: the author once, then each edition's part. */
export function passageReference(citation: Pick<Citation, "work" | "cells">): string {
  const parts = citation.cells.map(editionReference);
  const author = citation.work.author ? `${splitName(citation.work.author).family}, ` : "";
  return `${author}${parts.join("; ")}`;
}

/** A quotation in the marks of its language. */
export function quote(text: string, language: string): string {
  const primary = language.toLowerCase().split("-")[0];
  if (primary === "en") return `“${text}”`;
  if (primary === "fr") return `«\u202f${text}\u202f»`;
  if (primary === "de") return `„${text}“`;
  return `«${text}»`;
}

const BIBTEX_SPECIAL = /[\\{}&%$#_^~]/g;

function bibtexValue(value: string): string {
  return value.replace(BIBTEX_SPECIAL, (char) => (char === "\\" ? "\\textbackslash{}" : char === "^" ? "\\^{}" : char === "~" ? "\\~{}" : `\\${char}`));
}

/** The key of an edition's entry: work and edition, e.g. `thirst-for-power-ru`. */
export function entryKey(workSlug: string, editionSlug: string): string {
  return `${workSlug}-${editionSlug}`.replace(/[^A-Za-z0-9-]/g, "-");
}

/** The year a working translation was last revised, from `made` (`2026-11-25/2026-12-06`). */
function madeYear(made: string | null): number | null {
  const last = made?.split("/").pop();
  const year = last ? Number(last.slice(0, 4)) : NaN;
  return Number.isInteger(year) && year > 0 ? year : null;
}

function noteOf(edition: CitedEdition): string {
  if (edition.witness) return `Earlier witness: a text of this edition that a newer one replaced, kept in Hexapla.`;
  return provenanceStatement({ ...edition, language: edition.language });
}

function issuedYear(edition: CitedEdition): number | null {
  return edition.provenance === "published" ? edition.year : madeYear(edition.made);
}

function bibtexEntry(citation: Citation, cell: CitedCell): string {
  const { edition } = cell;
  const published = edition.provenance === "published" && !edition.witness;
  const year = issuedYear(edition);
  const fields: [string, string | number | null][] = [
    ["author", citation.work.author],
    ["title", bareTitle(edition.title)],
    ["editor", published ? edition.editor : null],
    ["translator", published ? edition.translator : null],
    ["publisher", published ? edition.publisher : null],
    ["address", published ? edition.place : null],
    ["howpublished", published ? null : "Hexapla"],
    ["year", year],
    ["langid", languageName(edition.language).toLowerCase()],
    ["note", noteOf(edition)],
    ["url", citation.link],
    ["urldate", citation.accessed],
  ];
  const lines = fields.filter(([, value]) => value !== null && value !== "").map(([name, value]) => `  ${name} = {${typeof value === "number" ? value : bibtexValue(value!)}}`);
  return `@${published ? "book" : "misc"}{${entryKey(citation.work.slug, edition.slug)},\n${lines.join(",\n")}\n}`;
}

function dateParts(date: string): number[][] {
  return [date.split("-").map(Number)];
}

function cslItem(citation: Citation, cell: CitedCell): CslItem {
  const { edition } = cell;
  const published = edition.provenance === "published" && !edition.witness;
  const year = issuedYear(edition);
  const item: CslItem = {
    id: entryKey(citation.work.slug, edition.slug),
    type: published ? "book" : edition.provenance === "working_translation" ? "manuscript" : "document",
    title: bareTitle(edition.title),
    accessed: { "date-parts": dateParts(citation.accessed) },
    language: edition.language,
    note: noteOf(edition),
    URL: citation.link,
  };
  if (citation.work.author) item.author = [splitName(citation.work.author)];
  if (published) {
    if (edition.editor) item.editor = [{ literal: edition.editor }];
    if (edition.translator) item.translator = [{ literal: edition.translator }];
    if (edition.publisher) item.publisher = edition.publisher;
    if (edition.place) item["publisher-place"] = edition.place;
  } else {
    item.publisher = "Hexapla";
    item.genre = edition.witness ? "Earlier witness" : edition.provenance === "working_translation" ? "Working translation" : "Imported text";
  }
  if (year) item.issued = { "date-parts": [[year]] };
  return item;
}

/** Everything a reader can copy for the passage. */
export function formatCitation(citation: Citation): CitationFormats {
  const reference = passageReference(citation);
  const quotations = citation.cells.map((cell) =>
    cell.sentences.length ? `[${cell.edition.slug}] ${quote(cell.sentences.join(" "), cell.edition.language)}` : `[${cell.edition.slug}] (no text in this edition here)`,
  );
  return {
    text: `${quotations.join("\n")}\n\n${reference}.\n${citation.link}\n`,
    reference,
    references: citation.cells.map((cell) => ({ slug: cell.edition.slug, reference: editionReference(cell) })),
    bibtex: `${citation.cells.map((cell) => bibtexEntry(citation, cell)).join("\n\n")}\n`,
    csl: citation.cells.map((cell) => cslItem(citation, cell)),
  };
}
