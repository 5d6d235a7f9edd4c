/**
 * The variant register's vocabulary and the shapes its writes and filters must have, validated with zod at
 * every boundary (HTTP API, forms, query strings). Editions are named by their slug within the work.
 */
import { z } from "zod";
import { refuseUnstorable } from "../text/storable-text";

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
export type VariantCategory = (typeof VARIANT_CATEGORIES)[number];

export const CATEGORY_LABEL: Record<VariantCategory, string> = {
  omission: "Omission",
  addition: "Addition",
  substitution: "Substitution",
  name_form: "Name form",
  number_date: "Number or date",
  softening_intensifying: "Softening or intensifying",
  mistranslation: "Mistranslation",
  other: "Other",
};

export const VARIANT_STATUSES = ["open", "confirmed", "rejected"] as const;
export type VariantStatus = (typeof VARIANT_STATUSES)[number];

export const STATUS_LABEL: Record<VariantStatus, string> = { open: "Open", confirmed: "Confirmed", rejected: "Rejected" };

export const MAX_NOTE_LENGTH = 5000;

const editionSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "an edition is named by its slug (a–z, 0–9, hyphens)");

const note = z
  .string()
  .trim()
  .min(1, "write a note saying what differs")
  .max(MAX_NOTE_LENGTH, `keep the note under ${MAX_NOTE_LENGTH} characters`);

const editions = z
  .array(editionSlug)
  .min(1, "choose at least one edition")
  .max(50)
  .refine((slugs) => new Set(slugs).size === slugs.length, "an edition is chosen twice");

export const CreateVariantSchema = z.object({
  rowId: z.uuid("the row is named by its id"),
  editions,
  category: z.enum(VARIANT_CATEGORIES, `choose one of: ${VARIANT_CATEGORIES.join(", ")}`),
  note,
  status: z.enum(VARIANT_STATUSES, `choose one of: ${VARIANT_STATUSES.join(", ")}`).default("open"),
});
export type CreateVariantInput = z.infer<typeof CreateVariantSchema>;

export const UpdateVariantSchema = z
  .object({
    editions: editions.optional(),
    category: z.enum(VARIANT_CATEGORIES, `choose one of: ${VARIANT_CATEGORIES.join(", ")}`).optional(),
    note: note.optional(),
    status: z.enum(VARIANT_STATUSES, `choose one of: ${VARIANT_STATUSES.join(", ")}`).optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), "say what to change");
export type UpdateVariantInput = z.infer<typeof UpdateVariantSchema>;

const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value), schema.optional());

/** Filters of the variants page and of the list and export APIs, as query parameters. */
export const VariantFilterSchema = z.object({
  category: optionalParam(z.enum(VARIANT_CATEGORIES, "unknown category")),
  edition: optionalParam(editionSlug),
  status: optionalParam(z.enum(VARIANT_STATUSES, "unknown status")),
  author: optionalParam(z.string().min(1).max(200).superRefine(refuseUnstorable)),
  /** Row number (the compare view's #rN). */
  row: optionalParam(z.coerce.number().int("a row number is a whole number").min(1, "rows are numbered from 1")),
  q: optionalParam(z.string().trim().max(200).superRefine(refuseUnstorable)),
});
export type VariantFilter = z.infer<typeof VariantFilterSchema>;

/** Query parameters (URLSearchParams or a Next.js searchParams object) as the plain object the filter schema reads. */
export function filterParams(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  return params instanceof URLSearchParams ? Object.fromEntries(params) : params;
}
