/**
 * The neutral shape every importer produces and every exporter reads: one edition's metadata, its blocks
 * (headings, paragraphs, quotations, datelines, notes) and their sentences. Importers of all formats
 * (plain text, Markdown, TEI, TMX, CSV) produce it; the data layer writes it in one transaction.
 */
import { z } from "zod";
import { languageTag } from "./language-tag";
import { refuseUnstorable } from "./storable-text";

export const BLOCK_KINDS = ["heading", "paragraph", "blockquote", "dateline", "note"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const PROVENANCES = ["published", "working-translation", "imported"] as const;
export type Provenance = (typeof PROVENANCES)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use a–z, 0–9 and hyphens");

/** Control characters, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const LINE_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Why a title or name is refused, or null: a control character, or a bidirectional control, which makes a title
 * read otherwise than it is stored (`abc\u202Etxt.exe` shows as “abcexe.txt”) and leaks its direction into what
 * follows it on a page. Marks of direction (U+200E, U+200F) stay allowed.
 */
export function lineTextProblem(text: string): string | null {
  const found = LINE_UNSAFE.exec(text);
  if (!found) return null;
  const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return found[0] >= "\u202A"
    ? `holds a bidirectional control character (${code}), which makes the text show otherwise than it reads — remove it`
    : `holds a control character (${code}) — remove it`;
}

/** A title or name: one line of at most `max` characters, without control characters (see lineTextProblem). */
export function lineText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .superRefine((text, context) => {
      const problem = lineTextProblem(text);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
}

const optionalText = lineText(500).nullable();
/** A statement (a source, what a text departs from): any text the database can store, up to 2,000 characters. */
const longText = z.string().trim().max(2000).superRefine(refuseUnstorable);

/** A day, month or year (ISO 8601: 2026-11-25, 2026-11, 2026), or an interval of two (`2026-11-25/2026-12-06`). */
export const MADE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/;

export const EditionMetaSchema = z.object({
  work: slug,
  workTitle: optionalText,
  author: optionalText,
  edition: slug,
  language: languageTag,
  title: lineText(500).pipe(z.string().min(1)),
  translator: optionalText,
  publisher: optionalText,
  place: optionalText,
  year: z.number().int().min(1000).max(2999).nullable(),
  /** The text is the work's original (not a translation). */
  original: z.boolean(),
  provenance: z.enum(PROVENANCES),
  source: longText.nullable(),
  /*
   * Provenance fields added after the first version of the format: optional, so that files written before them stay
   * importable; a missing one reads as false or unknown (see `editionRole`).
   */
  /** Not the original, but in its place until the published original is imported (e.g. a working translation into the original's language). */
  standsInForOriginal: z.boolean().optional(),
  /** Who edited this edition (introduction, notes), as the source names them. */
  editor: optionalText.optional(),
  /** The published text this edition's text is that of, when it is not the edition itself (e.g. a pamphlet reprinting a collection's text). */
  basedOn: longText.nullable().optional(),
  /** The edition of this work the text was translated from (its slug), e.g. a working translation made from the English. */
  translatedFrom: slug.nullable().optional(),
  /** When the text was made (a working translation): a day, month or year, or an interval `made/revised`. */
  made: z.string().trim().regex(MADE_PATTERN, "a date such as 2026-11-25, or an interval 2026-11-25/2026-12-06").nullable().optional(),
  /** The title is ours (e.g. a working translation's rendering), not the title the published edition it stands beside gives. */
  titleOurs: z.boolean().optional(),
  /** Where the text deliberately departs from the text it was made from (a sentence left out or added), in words. */
  departures: longText.nullable().optional(),
});
export type EditionMeta = z.infer<typeof EditionMetaSchema>;

/** The provenance fields added after the first version of the format, with their values when a file leaves them out. */
export const PROVENANCE_DEFAULTS = {
  standsInForOriginal: false,
  editor: null,
  basedOn: null,
  translatedFrom: null,
  made: null,
  titleOurs: false,
  departures: null,
} as const satisfies Partial<EditionMeta>;

/**
 * An edition's role, complete: the later provenance fields filled in, and a legacy contradiction resolved. Files
 * written before `stands-in-for` existed marked a working translation into the original's language as
 * `original: true`; a working translation is never the original, so such a file reads as standing in for it.
 */
export function completeRole(meta: EditionMeta): EditionMeta {
  const filled = { ...meta } as Record<string, unknown>;
  for (const [key, value] of Object.entries(PROVENANCE_DEFAULTS)) if (filled[key] === undefined) filled[key] = value;
  return resolveRole(filled as EditionMeta);
}

/** The legacy contradiction resolved (a working translation marked as the original stands in for it), nothing filled in. */
export function resolveRole(meta: EditionMeta): EditionMeta {
  if (meta.original && meta.provenance === "working-translation") return { ...meta, original: false, standsInForOriginal: true };
  if (meta.original && meta.standsInForOriginal) return { ...meta, standsInForOriginal: false };
  return meta;
}

/** The front-matter key of each metadata field, as editions are written by hand (`work-title: …`). */
export const META_FIELD_OF_KEY = {
  work: "work",
  "work-title": "workTitle",
  author: "author",
  edition: "edition",
  language: "language",
  title: "title",
  translator: "translator",
  publisher: "publisher",
  place: "place",
  year: "year",
  original: "original",
  provenance: "provenance",
  source: "source",
  "stands-in-for": "standsInForOriginal",
  editor: "editor",
  "based-on": "basedOn",
  "translated-from": "translatedFrom",
  made: "made",
  "title-ours": "titleOurs",
  departures: "departures",
} as const satisfies Record<string, keyof EditionMeta>;

/** A sentence of a block; `xmlId` keeps an identity given by the source (TEI xml:id) when there is one. */
export interface SentenceDoc {
  text: string;
  xmlId?: string | null;
}

export interface BlockDoc {
  kind: BlockKind;
  /** Heading level (1 for `#`, 2 for `##`); null for other kinds. */
  level: number | null;
  /** Correspondence labels across editions (`{#p12 #p13}`); may be empty. */
  labels: string[];
  /** 1-based line (or element index) in the source where the block starts, for error messages. */
  line: number;
  sentences: SentenceDoc[];
}

/**
 * What kind of correction: `extraction` repairs damage done by extracting the text (a hyphen lost at a line end, a
 * stray page number, a note number flattened into the text); `emendation` corrects the source itself (a misprint, a
 * wrong month, a date line it lacks); `markup` makes structure explicit (a heading, a byline moved to the front matter).
 */
export const CORRECTION_KINDS = ["extraction", "emendation", "markup"] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** One correction made to the source text while preparing the edition. */
export interface CorrectionDoc {
  line: number;
  /** Null for corrections listed before kinds were recorded. */
  kind: CorrectionKind | null;
  before: string;
  after: string;
  reason: string;
}

/** An edition's introduction, notes and other matter that is not aligned text. */
export interface ApparatusDoc {
  blocks: BlockDoc[];
}

export interface EditionDocument {
  meta: EditionMeta;
  blocks: BlockDoc[];
  apparatus: ApparatusDoc | null;
  corrections: CorrectionDoc[];
}

/** An error that names where in the input the problem is. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
    readonly column: number | null = null,
  ) {
    super(`${file}${line != null ? `:${line}${column != null ? `:${column}` : ""}` : ""}: ${reason}`);
    this.name = "ImportError";
  }
}

/**
 * Runs a reader over one file: an error it throws that is not an ImportError (a library's own on input it cannot
 * take, a stack or string too large) becomes one naming the file, so bad input never ends in an unexplained crash.
 */
export function readingFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const reason =
      error instanceof RangeError
        ? `the file is too large or too deeply nested to read (${error.message})`
        : `the file could not be read (${error instanceof Error ? error.message : String(error)})`;
    throw new ImportError(file, null, reason);
  }
}
