/**
 * The neutral shape every importer produces and every exporter reads: one edition's metadata, its blocks
 * (headings, paragraphs, quotations, datelines, notes) and their sentences. Importers of all formats
 * (plain text, Markdown, TEI, TMX, CSV) produce it; the data layer writes it in one transaction.
 */
import { z } from "zod";

export const BLOCK_KINDS = ["heading", "paragraph", "blockquote", "dateline", "note"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const PROVENANCES = ["published", "working-translation", "imported"] as const;
export type Provenance = (typeof PROVENANCES)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use a–z, 0–9 and hyphens");
const optionalText = z.string().trim().max(500).nullable();

export const EditionMetaSchema = z.object({
  work: slug,
  workTitle: optionalText,
  author: optionalText,
  edition: slug,
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language code such as ru, fr or en-GB"),
  title: z.string().trim().min(1).max(500),
  translator: optionalText,
  publisher: optionalText,
  place: optionalText,
  year: z.number().int().min(1000).max(2999).nullable(),
  original: z.boolean(),
  provenance: z.enum(PROVENANCES),
  source: z.string().trim().max(2000).nullable(),
});
export type EditionMeta = z.infer<typeof EditionMetaSchema>;

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

/** One correction made to the source text while preparing the edition. */
export interface CorrectionDoc {
  line: number;
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
