/**
 * The shapes of the HTTP API's own requests and answers (works, editions, segments, rows, import, export, tokens),
 * validated with zod at the boundary and turned into the OpenAPI document's schemas (lib/api/openapi.ts).
 */
import { z } from "zod";
import { refuseUnstorable } from "../text/storable-text";
import { IMPORT_FORMATS, SUPPORTED_ENCODINGS } from "../formats";
import { TextNormalisationSchema } from "../formats/work-export";
import { BLOCK_KINDS, CORRECTION_KINDS, lineText, PROVENANCES } from "../text/edition-document";
import { languageTag } from "../text/language-tag";
import { MAX_TOKEN_DAYS, TOKEN_SCOPES } from "../auth/roles";
import { JournalFilterSchema } from "../db/grid/list-journal";
import { VariantFilterSchema } from "../variants/variant-schemas";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug: a–z, 0–9 and hyphens");
const slugList = z
  .string()
  .transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(slug).min(1, "name at least one edition").max(50));

export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 1000;

/** `limit` and `cursor` of every paged read (rows, segments, the grid, variants, the journal). */
export const PAGE_PARAMS = {
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT).describe(`items per page (at most ${PAGE_LIMIT_MAX})`),
  cursor: z.string().min(1).max(200).optional().describe("the `next` cursor of the previous page"),
};
const page = PAGE_PARAMS;

/** The editor's grid, a page of rows at a time (every page carries the grid version: a client that sees it change starts again). */
export const GridQuerySchema = z.strictObject({ ...page });

/** The variant register's filters (as on the variants page), a page at a time in reading order. */
export const VariantsQuerySchema = VariantFilterSchema.extend(page);

/** The journal's filters (as on the journal page), newest first, a page at a time. */
export const JournalQuerySchema = JournalFilterSchema.omit({ before: true }).extend(page);

export const SEARCH_LIMIT_MAX = 500;

export const SearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, "say what to search for").max(200, "keep the query under 200 characters").superRefine(refuseUnstorable).describe("websearch syntax: words, \"a phrase\", -excluded, or"),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(100).describe(`rows per page (at most ${SEARCH_LIMIT_MAX})`),
  cursor: page.cursor,
});

export const WorkQuerySchema = z.strictObject({
  superseded: z.enum(["true", "false"]).default("false").describe("also list earlier witnesses (texts replaced by a newer one)"),
});

export const SegmentsQuerySchema = z.strictObject({ edition: slug.describe("the edition's slug"), ...page });

export const RowsQuerySchema = z.strictObject({
  editions: slugList.optional().describe("comma-separated edition slugs; default: the current editions"),
  ...page,
});

export const WordLinksQuerySchema = z
  .strictObject({
    editions: slugList.optional().describe("comma-separated edition slugs; default: the current editions; exactly two with format=pharaoh"),
    from: z.coerce.number().int().min(1).default(1).describe("first row number (1-based)"),
    to: z.coerce.number().int().min(1).optional().describe("last row number; default from + 99 (at most 500 rows)"),
    format: z.enum(["json", "pharaoh"]).default("json").describe("json, or pharaoh: one line of `i-j` links per row (two editions)"),
  })
  .refine((query) => query.format === "json" || query.editions?.length === 2, { message: "format=pharaoh needs exactly two editions", path: ["editions"] });

export const EXPORT_KINDS = [
  "tei-edition",
  "tei-alignment",
  "tei-parallel",
  "tmx",
  "grid-csv",
  "grid-json",
  "variants-csv",
  "variants-json",
  "work-json",
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const ExportKindSchema = z.enum(EXPORT_KINDS);

export const ExportQuerySchema = z.strictObject({
  edition: slug.optional().describe("the edition (tei-edition only)"),
  editions: slugList.optional().describe("comma-separated edition slugs, in column order; default: the current editions"),
});

const optionalText = (max: number) => lineText(max).pipe(z.string().min(1)).optional();

/** The import form's fields (multipart/form-data, besides `file`); empty fields count as not given. */
export const ImportFormSchema = z
  .strictObject({
    mode: z.enum(["preview", "import"]).default("preview").describe("preview writes nothing; import writes"),
    checksum: z.string().regex(/^[0-9a-f]{64}$/, "the checksum the preview gave").optional().describe("the preview's checksum: the import is refused if the file differs"),
    format: z.enum(IMPORT_FORMATS).optional().describe("default: detected"),
    encoding: z.enum(SUPPORTED_ENCODINGS).optional().describe("default: detected"),
    action: z.enum(["add", "replace"]).default("add").describe("add an edition, or replace the text of `replace`"),
    replace: slug.optional().describe("the edition whose text the file replaces (same language)"),
    work: slug.optional().describe("the new work's slug (POST /api/works), for files that do not name one"),
    workTitle: optionalText(500),
    author: optionalText(500),
    language: languageTag.optional(),
    edition: slug.optional(),
    title: optionalText(500),
    translator: optionalText(500),
    publisher: optionalText(500),
    place: optionalText(500),
    year: z.coerce.number().int().min(1000).max(2999).optional(),
    original: z.enum(["true", "false"]).optional(),
    standsInFor: z.enum(["original"]).optional().describe("the text is not the original but stands in for it (e.g. a working translation into the original's language)"),
    provenance: z.enum(PROVENANCES).optional().describe("what the text is, as the importer declares it (the file's own statement wins)"),
    align: z.enum(["true", "false"]).default("true").describe("align a new edition against the pivot"),
  })
  .refine((form) => form.action !== "replace" || form.replace != null, { path: ["replace"], message: "say which edition's text to replace" });
export type ImportForm = z.output<typeof ImportFormSchema>;

export const CreateApiTokenSchema = z.strictObject({
  name: lineText(100).pipe(z.string().min(1, "give the token a name, e.g. the script that uses it")),
  /** Days until the token stops working; HEXAPLA_TOKEN_DAYS (90) when left out. Every token expires. */
  expiresInDays: z.int().min(1).max(MAX_TOKEN_DAYS, `a token lives at most ${MAX_TOKEN_DAYS} days`).optional(),
  /** read: reads only; write (default): what your role allows except managing users and settings; admin: everything your role allows (admins only). */
  scope: z.enum(TOKEN_SCOPES).default("write"),
});

// Answers, for the OpenAPI document.

const Provenance = z.enum(PROVENANCES);

export const EditionInfoSchema = z.object({
  slug,
  language: z.string(),
  title: z.string(),
  translator: z.string().nullable(),
  publisher: z.string().nullable(),
  place: z.string().nullable(),
  year: z.int().nullable(),
  original: z.boolean().describe("the work's original text; never true for a working translation"),
  standsInForOriginal: z.boolean().describe("not the original, but in its place until the published original is imported"),
  role: z.string().describe("what the edition is to the work, in words: Original, Translation, or e.g. Working translation (stands in for the Russian original)"),
  provenance: Provenance,
  workingTranslation: z.boolean(),
  provenanceStatement: z.string(),
  source: z.string().nullable(),
  editor: z.string().nullable(),
  basedOn: z.string().nullable().describe("the published text this edition's text is that of"),
  translatedFrom: slug.nullable().describe("the edition this one was translated from"),
  made: z.string().nullable().describe("when the text was made: a date, or made/last revised (2026-11-25/2026-12-06)"),
  titleOurs: z.boolean().describe("the title is ours, not the title of the published edition it stands beside"),
  departures: z.string().nullable().describe("where the text deliberately departs from the text it was made from"),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
  sourceFile: z.string().nullable(),
  normalisation: TextNormalisationSchema.nullable().describe("what storing the text in Unicode NFC changed when it was imported (letters the file wrote in another form, segments they were in); null when nothing"),
  supersededBy: slug.nullable(),
  pivot: z.boolean(),
  segments: z.int(),
});

export const WorkInfoSchema = z.object({
  slug,
  title: z.string(),
  author: z.string().nullable(),
  pivotEdition: slug.nullable(),
  pivotReason: z.string().describe("why the pivot is that edition: the original when one is present, else the published text the working translations were made from, …"),
  gridVersion: z.int(),
  rows: z.int(),
  editions: z.array(EditionInfoSchema),
});

export const EditionDetailSchema = EditionInfoSchema.extend({
  work: slug,
  apparatus: z.array(z.object({ kind: z.enum(BLOCK_KINDS), headingLevel: z.int().nullable(), label: z.string().nullable(), text: z.string() })),
  corrections: z.array(
    z.object({
      line: z.int(),
      kind: z.enum(CORRECTION_KINDS).nullable().describe("extraction (damage done by extracting the text repaired), emendation (the source corrected) or markup; null when not recorded"),
      before: z.string(),
      after: z.string(),
      reason: z.string(),
    }),
  ),
});

const SegmentSchema = z.object({
  id: z.uuid(),
  xmlId: z.string().nullable(),
  kind: z.enum(BLOCK_KINDS),
  headingLevel: z.int().nullable(),
  paragraph: z.int(),
  text: z.string(),
});

export const SegmentPageSchema = z.object({
  work: slug,
  edition: slug,
  segments: z.array(SegmentSchema.extend({ position: z.int(), rowId: z.uuid().nullable(), version: z.int() })),
  next: z.string().nullable().describe("pass as `cursor` for the next page; null on the last"),
});

export const RowPageSchema = z.object({
  work: slug,
  gridVersion: z.int(),
  editions: z.array(slug),
  rows: z.array(
    z.object({
      id: z.uuid(),
      number: z.int(),
      position: z.int(),
      status: z.enum(["automatic", "confirmed"]),
      confidence: z.number().nullable(),
      version: z.int(),
      cells: z.record(z.string(), z.array(SegmentSchema)),
      variants: z.array(z.object({ id: z.uuid(), category: z.string(), status: z.string(), note: z.string(), editions: z.array(slug) })),
    }),
  ),
  next: z.string().nullable(),
});

export const ApiTokenSchema = z.object({ id: z.uuid(), name: z.string(), scope: z.enum(TOKEN_SCOPES), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string() });
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string().describe("shown once; store it now") });

export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(["unauthorized", "forbidden", "not_found", "conflict", "stale", "invalid", "unavailable", "internal"]),
    message: z.string(),
    details: z.unknown().optional().describe("e.g. { issues: [{ path, message }] } or { file, line, column } for a file that failed validation"),
  }),
});
