/**
 * The word-diff and signal settings of the compare view and the diff page, as they live in the URL so that a
 * view can be shared: `diff=en,en-2` (the pair of same-language editions to diff), `view=side|inline`,
 * `ignoreCase=1`, `ignorePunctuation=1`, `ignoreWhitespace=1`, `profile=standard|accents|none` (the language
 * profile, which never changes stored text), `anchors=differing|all|none`, `words=on|off` (word differences across
 * languages, on by default), `base=<edition>` (what word differences are measured against) and `page=N`. Unknown or invalid
 * values fall back to the defaults with a message, never to an error page.
 */
import { z } from "zod";
import type { WordDiffOptions } from "./word-diff";

export const PROFILES = ["standard", "accents", "none"] as const;
export type Profile = (typeof PROFILES)[number];

export const PROFILE_LABEL: Record<Profile, string> = {
  standard: "Language profile (quotes and dashes; Russian ё/е and pre-1918 spelling)",
  accents: "Language profile and accent variants (perché/perchè)",
  none: "No normalisation (exact characters)",
};

export const DIFF_VIEWS = ["side", "inline"] as const;
export type DiffView = (typeof DIFF_VIEWS)[number];

export const ANCHOR_MODES = ["differing", "all", "none"] as const;
export type AnchorMode = (typeof ANCHOR_MODES)[number];

export interface ViewParams {
  /** Slugs of the two editions to diff, or null for no diff. */
  diff: [string, string] | null;
  view: DiffView;
  ignoreCase: boolean;
  ignorePunctuation: boolean;
  ignoreWhitespace: boolean;
  profile: Profile;
  anchors: AnchorMode;
  /** Word differences across languages (from the word links): on by default. */
  words: boolean;
  /** Slug of the edition word differences are measured against; null = the work's pivot. */
  base: string | null;
  page: number;
}

export const DEFAULT_VIEW_PARAMS: ViewParams = {
  diff: null,
  view: "side",
  ignoreCase: false,
  ignorePunctuation: false,
  ignoreWhitespace: false,
  profile: "standard",
  anchors: "differing",
  words: true,
  base: null,
  page: 1,
};

type Query = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const flag = z.enum(["1", "0", "true", "false", "on", "off"]).transform((value) => ["1", "true", "on"].includes(value));

const FIELDS = {
  diff: z
    .string()
    .transform((value) => value.split(",").map((slug) => slug.trim()))
    .pipe(
      z
        .tuple([z.string().regex(/^[a-z0-9-]+$/), z.string().regex(/^[a-z0-9-]+$/)], "name two editions, e.g. diff=en,en-2")
        .refine(([a, b]) => a !== b, "choose two different editions"),
    ),
  view: z.enum(DIFF_VIEWS),
  ignoreCase: flag,
  ignorePunctuation: flag,
  ignoreWhitespace: flag,
  profile: z.enum(PROFILES),
  anchors: z.enum(ANCHOR_MODES),
  words: flag,
  base: z.string().regex(/^[a-z0-9-]+$/, "name an edition, e.g. base=en"),
  page: z.coerce.number().int().min(1).max(1_000_000),
} satisfies Record<keyof ViewParams, z.ZodType>;

/** The view settings in a query; each invalid one is replaced by its default and named in `errors`. */
export function parseViewParams(query: Query): { params: ViewParams; errors: string[] } {
  const params: Record<string, unknown> = { ...DEFAULT_VIEW_PARAMS };
  const errors: string[] = [];
  for (const [name, schema] of Object.entries(FIELDS)) {
    const raw = first(query[name]);
    if (raw === undefined || raw === "") continue;
    const result = schema.safeParse(raw);
    if (result.success) params[name] = result.data;
    else errors.push(`${name}: ${result.error.issues[0].message}`);
  }
  return { params: params as unknown as ViewParams, errors };
}

/**
 * The query string of a view (with a leading "?"): settings that differ from the defaults, then the editions,
 * last and with literal commas, as the compare view has always written them (`?editions=ru,en`).
 */
export function viewQuery(params: ViewParams, editions: readonly string[] | null): string {
  const parts: string[] = [];
  if (params.diff) parts.push(`diff=${params.diff.map(encodeURIComponent).join(",")}`);
  for (const name of ["view", "profile", "anchors"] as const) {
    if (params[name] !== DEFAULT_VIEW_PARAMS[name]) parts.push(`${name}=${params[name]}`);
  }
  for (const name of ["ignoreCase", "ignorePunctuation", "ignoreWhitespace"] as const) {
    if (params[name]) parts.push(`${name}=1`);
  }
  if (!params.words) parts.push("words=off");
  if (params.base) parts.push(`base=${encodeURIComponent(params.base)}`);
  if (params.page !== 1) parts.push(`page=${params.page}`);
  if (editions) parts.push(`editions=${editions.map(encodeURIComponent).join(",")}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** The word-diff options the settings stand for. */
export function wordDiffOptions(params: ViewParams): Partial<WordDiffOptions> {
  return {
    ignoreCase: params.ignoreCase,
    ignorePunctuation: params.ignorePunctuation,
    ignoreWhitespace: params.ignoreWhitespace,
    profile: params.profile !== "none",
    foldAccents: params.profile === "accents",
  };
}

/** The page (1-based) that holds row `number` when pages have `pageSize` rows. */
export function pageOfRow(number: number, pageSize: number): number {
  return Math.max(1, Math.ceil(number / pageSize));
}
