/**
 * The neutral input of every exporter: a work with its editions (metadata and segments), the alignment grid and the
 * variant register. The data layer builds it from the database; the exporters turn it into TEI, TMX, CSV and JSON.
 * The zod schema validates a full-work JSON file on re-import (see json-export.ts).
 */
import { z } from "zod";
import { BLOCK_KINDS, CORRECTION_KINDS, EditionMetaSchema } from "../text/edition-document";

export const ROW_STATUSES = ["automatic", "confirmed"] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export const VARIANT_CATEGORIES = [
  "omission",
  "addition",
  "substitution",
  "name_form",
  "number_date",
  "softening_intensifying",
  "mistranslation",
  "other",
] as const;
export const VARIANT_STATUSES = ["open", "confirmed", "rejected"] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use a–z, 0–9 and hyphens");
const id = z.string().min(1);

export const SegmentExportSchema = z.object({
  /** Stable identity, written as the segment's xml:id (prefixed with `s-` when it is not a valid XML name). */
  id,
  /** The block (paragraph, heading, quotation…) the segment belongs to, counted from 0 within the edition. */
  blockIndex: z.number().int().min(0),
  kind: z.enum(BLOCK_KINDS),
  /** Heading level (1, 2…) for headings; optional, 1 when missing. */
  headingLevel: z.number().int().min(1).max(6).nullable().optional(),
  text: z.string(),
});

/** An edition's introduction, notes and other matter that is not aligned text, block by block. */
export const ApparatusBlockExportSchema = z.object({
  kind: z.enum(BLOCK_KINDS),
  headingLevel: z.number().int().min(1).max(6).nullable().optional(),
  /** The block's label, e.g. "n6" for note 6. */
  label: z.string().nullable().optional(),
  text: z.string(),
});

/** A correction made to the source text while preparing the edition. */
export const CorrectionExportSchema = z.object({
  line: z.number().int().min(0),
  /** extraction, emendation or markup; absent or null in exports made before kinds were recorded. */
  kind: z.enum(CORRECTION_KINDS).nullable().optional(),
  before: z.string(),
  after: z.string(),
  reason: z.string(),
});

/**
 * What storing the edition's text in Unicode NFC changed when it was imported (lib/text/normalise-document.ts): the
 * letters the file wrote in another form and the segments they were in. Null when it changed nothing (or the text was
 * imported before imports normalised).
 */
export const TextNormalisationSchema = z.object({
  form: z.literal("NFC"),
  letters: z.number().int().positive(),
  segments: z.number().int().min(0),
});

export const EditionExportSchema = z.object({
  slug,
  meta: EditionMetaSchema,
  /** In reading order. */
  segments: z.array(SegmentExportSchema),
  apparatus: z.array(ApparatusBlockExportSchema).optional(),
  corrections: z.array(CorrectionExportSchema).optional(),
  /** The edition whose text replaced this one; this one stays as an earlier witness. */
  supersededBy: slug.nullable().optional(),
  /** Who brought the text into Hexapla (display name) and when (ISO 8601), as recorded by the exporting instance. */
  importedBy: z.string().nullable().optional(),
  importedAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "an ISO 8601 date and time").optional(),
  /** The file the text was first imported from (a work export passes it on). */
  sourceFile: z.string().max(1000).nullable().optional(),
  /** What storing the text in Unicode NFC changed at its first import; absent in exports made before it was recorded. */
  normalisation: TextNormalisationSchema.nullable().optional(),
});

export const RowExportSchema = z.object({
  id,
  position: z.number().int(),
  status: z.enum(ROW_STATUSES),
  /** The aligner's confidence in [0, 1]; null for rows made by hand. */
  confidence: z.number().min(0).max(1).nullable(),
  /** Edition slug → ids of that edition's segments in this row, in reading order. */
  cells: z.record(z.string(), z.array(id)),
});

export const VariantExportSchema = z.object({
  id,
  rowId: id,
  editionSlugs: z.array(slug),
  category: z.enum(VARIANT_CATEGORIES),
  note: z.string(),
  status: z.enum(VARIANT_STATUSES),
  /** Display name of the editor who recorded the variant; null when unknown. */
  author: z.string().nullable(),
  /** ISO 8601 timestamp. */
  createdAt: z.string(),
});

export const WORD_LINK_STATUSES = ["automatic", "edited", "confirmed"] as const;

/** The word links between two segments of two editions: `links` as `i-j` (word i of segment a, word j of segment b, counted from 0 as `segmentWordTokens` counts them). */
export const WordLinkSetExportSchema = z.object({
  editionA: slug,
  editionB: slug,
  a: id,
  b: id,
  status: z.enum(WORD_LINK_STATUSES),
  links: z.string().regex(/^(\d+-\d+( \d+-\d+)*)?$/, "space-separated i-j pairs"),
  /** One probability per link, in the order of `links`. */
  p: z.array(z.number().min(0).max(1)),
  dropped: z.number().int().min(0).optional(),
});

export const WorkExportSchema = z.object({
  work: z.object({
    slug,
    title: z.string().min(1),
    author: z.string().nullable(),
    /** The edition the others are aligned to. */
    pivotEdition: slug.nullable().optional(),
  }),
  editions: z.array(EditionExportSchema),
  /** In grid order. */
  rows: z.array(RowExportSchema),
  variants: z.array(VariantExportSchema),
  /** Word links inside the rows (absent in exports made before word alignment). */
  wordLinks: z.array(WordLinkSetExportSchema).optional(),
});

export type SegmentExport = z.infer<typeof SegmentExportSchema>;
export type EditionExport = z.infer<typeof EditionExportSchema>;
export type CorrectionExport = z.infer<typeof CorrectionExportSchema>;
export type ApparatusBlockExport = z.infer<typeof ApparatusBlockExportSchema>;
export type RowExport = z.infer<typeof RowExportSchema>;
export type VariantExport = z.infer<typeof VariantExportSchema>;
export type WorkExport = z.infer<typeof WorkExportSchema>;
export type WordLinkSetExport = z.infer<typeof WordLinkSetExportSchema>;

/** Finds an edition by slug or throws a plain Error (a programming error of the caller, not bad input). */
export function editionOf(work: WorkExport, editionSlug: string): EditionExport {
  const edition = work.editions.find((e) => e.slug === editionSlug);
  if (edition == null) throw new Error(`work ${work.work.slug} has no edition “${editionSlug}”`);
  return edition;
}

/** The chosen editions in the given order; all, in the work's order, when `slugs` is omitted. */
export function selectEditions(work: WorkExport, slugs?: readonly string[]): EditionExport[] {
  if (slugs == null) return work.editions;
  return slugs.map((s) => editionOf(work, s));
}

/** Segment text by id, for each edition. */
export function segmentTexts(edition: EditionExport): Map<string, string> {
  return new Map(edition.segments.map((segment) => [segment.id, segment.text]));
}

/** Rows sorted by position. */
export function rowsInOrder(work: WorkExport): RowExport[] {
  return [...work.rows].sort((a, b) => a.position - b.position);
}

/** The texts of one cell, in the row's order; unknown ids are a programming error of the caller. */
export function cellTexts(row: RowExport, edition: EditionExport, texts: Map<string, string>): string[] {
  return (row.cells[edition.slug] ?? []).map((segmentId) => {
    const text = texts.get(segmentId);
    if (text == null) throw new Error(`row ${row.id} points at segment ${segmentId}, which edition ${edition.slug} does not have`);
    return text;
  });
}
