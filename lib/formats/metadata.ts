/**
 * Edition metadata shared by the importers: the YAML-ish front matter of Markdown files (same keys as the plain
 * format), and completing what a file says with what the caller supplies (the import form) and sensible fallbacks.
 */
import {
  completeRole,
  EditionMetaSchema,
  META_FIELD_OF_KEY,
  ImportError,
  PROVENANCES,
  type EditionMeta,
  type Provenance,
} from "../text/edition-document";

/** Metadata the caller already knows (e.g. from the import form); values found in the file take precedence. */
export type MetaDefaults = Partial<EditionMeta>;


type FrontMatterKey = keyof typeof META_FIELD_OF_KEY;

export interface FrontMatter {
  fields: Partial<EditionMeta>;
  /** 1-based line of each field, for error messages. */
  lines: Partial<Record<keyof EditionMeta, number>>;
  /** 0-based index of the first line after the closing `---`. */
  bodyStart: number;
}

/** Reads `---` front matter at the top of `lines`; returns null when the text does not start with it. */
export function parseFrontMatter(lines: string[], file: string): FrontMatter | null {
  if (lines[0]?.trim() !== "---") return null;
  const fields: Partial<EditionMeta> = {};
  const fieldLines: FrontMatter["lines"] = {};
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = i + 1;
    if (raw.trim() === "---") return { fields, lines: fieldLines, bodyStart: i + 1 };
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const colon = raw.indexOf(":");
    if (colon < 0) throw new ImportError(file, lineNo, `front matter line is not \`key: value\`: “${raw.trim()}”`, 1);
    const key = raw.slice(0, colon).trim().toLowerCase();
    const value = unquote(raw.slice(colon + 1).trim());
    if (!(key in META_FIELD_OF_KEY)) {
      const hint = key === "apparatus" || key === "corrections" ? " (apparatus and correction files are read only with the plain format)" : "";
      throw new ImportError(file, lineNo, `unknown front matter key “${key}”${hint}; known keys: ${Object.keys(META_FIELD_OF_KEY).join(", ")}`, 1);
    }
    const field = META_FIELD_OF_KEY[key as FrontMatterKey];
    setField(fields, field, value, file, lineNo, colon + 2);
    fieldLines[field] = lineNo;
  }
  throw new ImportError(file, 1, "the front matter opened with `---` is never closed by a line `---`", 1);
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) return value.slice(1, -1);
  return value;
}

function setField(fields: Partial<EditionMeta>, field: keyof EditionMeta, value: string, file: string, line: number, column: number): void {
  if (field === "year") {
    if (value !== "" && !/^\d{4}$/.test(value)) throw new ImportError(file, line, `year must have four digits, not “${value}”`, column);
    fields.year = value === "" ? null : Number(value);
  } else if (field === "original" || field === "titleOurs") {
    if (value !== "true" && value !== "false") throw new ImportError(file, line, `${field === "original" ? "original" : "title-ours"} must be true or false, not “${value}”`, column);
    fields[field] = value === "true";
  } else if (field === "standsInForOriginal") {
    if (value !== "" && value !== "original") throw new ImportError(file, line, `stands-in-for can only be “original” (or empty), not “${value}”`, column);
    fields.standsInForOriginal = value === "original";
  } else if (field === "provenance") {
    if (!(PROVENANCES as readonly string[]).includes(value)) {
      throw new ImportError(file, line, `provenance must be one of ${PROVENANCES.join(", ")}, not “${value}”`, column);
    }
    fields.provenance = value as Provenance;
  } else if (field === "work" || field === "edition" || field === "language" || field === "title") {
    if (value !== "") fields[field] = value;
  } else {
    fields[field] = value === "" ? null : value;
  }
}

const NULLABLE_FIELDS = ["workTitle", "author", "translator", "publisher", "place", "year", "source", "editor", "basedOn", "translatedFrom", "made", "departures"] as const;

/** Compares two language tags by their primary subtag (`en` and `en-GB` agree, `fr` and `ru` do not). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split("-")[0].toLowerCase() === b.split("-")[0].toLowerCase();
}

/**
 * Completes metadata: `found` (read from the file) wins over `defaults` (given by the caller), which win over
 * `fallbacks` (derived by the importer, e.g. the title from the first heading). Unset optional fields become null;
 * `provenance` defaults to `imported`, `original`, `stands-in-for` and `title-ours` to false. The result is validated
 * with EditionMetaSchema, and a working translation marked as the original (files written before `stands-in-for`)
 * reads as standing in for it (`completeRole`).
 */
export function completeMeta(
  found: Partial<EditionMeta>,
  defaults: MetaDefaults | undefined,
  fallbacks: Partial<EditionMeta>,
  file: string,
  line: number | null,
): EditionMeta {
  const pick = <K extends keyof EditionMeta>(key: K): EditionMeta[K] | undefined => {
    for (const source of [found, defaults ?? {}, fallbacks]) {
      const value = source[key];
      if (value !== undefined && value !== null && value !== "") return value as EditionMeta[K];
    }
    return undefined;
  };
  const missing = (["work", "edition", "language", "title"] as const).filter((key) => pick(key) === undefined);
  if (missing.length > 0) {
    throw new ImportError(file, line, `missing metadata: ${missing.join(", ")} — give ${missing.length > 1 ? "them" : "it"} in the file or in the import form`);
  }
  const candidate: Record<string, unknown> = {
    work: pick("work"),
    edition: pick("edition"),
    language: pick("language"),
    title: pick("title"),
    original: pick("original") ?? false,
    provenance: pick("provenance") ?? "imported",
    standsInForOriginal: pick("standsInForOriginal") ?? false,
    titleOurs: pick("titleOurs") ?? false,
  };
  for (const key of NULLABLE_FIELDS) candidate[key] = pick(key) ?? null;
  const parsed = EditionMetaSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new ImportError(file, line, `invalid metadata — ${problems}`);
  }
  return completeRole(parsed.data);
}

/** Throws when the language found in the file contradicts the one the caller declared. */
export function assertDeclaredLanguage(
  found: string | undefined,
  declared: string | undefined,
  file: string,
  line: number | null,
  where: string,
): void {
  if (found && declared && !sameLanguage(found, declared)) {
    throw new ImportError(file, line, `${where} says the language is “${found}”, which contradicts the declared language “${declared}”`);
  }
}

/** A slug made from a language tag: `en-GB` → `en-gb`. */
export function languageSlug(language: string): string {
  return language.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
