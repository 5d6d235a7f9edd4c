/**
 * JSON exports: the grid (cells as texts), the variant register, and the full work — everything the exporters
 * read — which `parseWorkExport` validates (zod schema plus references between rows, segments, editions and
 * variants, and word links against the words of their segments) so that a whole work can be re-imported.
 */
import { checkGridInvariant, type Grid } from "../alignment/grid";
import { segmentWordTokens } from "../alignment/words/cell-tokens";
import { ImportError, resolveRole } from "../text/edition-document";
import { assertTextSize } from "../text/limits";
import { provenanceKind, roleLabel } from "../editions/provenance";
import { jsonChunks } from "./json-chunks";
import { cellTexts, rowsInOrder, selectEditions, segmentTexts, WorkExportSchema, type EditionExport, type WorkExport } from "./work-export";

export const WORK_JSON_FORMAT = "hexapla-work";
export const WORK_JSON_VERSION = 1;

/** "Original", "Translation" or e.g. "Working translation (stands in for the Russian original)". */
export function roleOf(edition: Pick<EditionExport, "meta">): string {
  const { meta } = edition;
  return roleLabel({ provenance: provenanceKind(meta.provenance), isOriginal: meta.original, standsInForOriginal: meta.standsInForOriginal, language: meta.language });
}

/** An edition as the grid JSON lists it, with what storing its text in Unicode NFC changed at its import (null: nothing). */
export function gridEdition(edition: Pick<EditionExport, "slug" | "meta" | "normalisation">) {
  const { meta } = edition;
  return {
    slug: edition.slug,
    language: meta.language,
    title: meta.title,
    original: meta.original,
    standsInForOriginal: meta.standsInForOriginal ?? false,
    role: roleOf(edition),
    provenance: meta.provenance,
    normalisation: edition.normalisation,
  };
}

/** An edition as the variant register lists it. */
export function variantEdition(edition: Pick<EditionExport, "slug" | "meta">) {
  return { slug: edition.slug, language: edition.meta.language, title: edition.meta.title, provenance: edition.meta.provenance, role: roleOf(edition) };
}

/** The JSON text of a value with a final line feed, a piece at a time (the export route streams it). */
function* withLineFeed(value: unknown): Generator<string> {
  yield* jsonChunks(value);
  yield "\n";
}

export function gridJsonChunks(work: WorkExport, editionSlugs?: readonly string[]): Iterable<string> {
  const editions = selectEditions(work, editionSlugs);
  const texts = new Map(editions.map((edition) => [edition.slug, segmentTexts(edition)]));
  const grid = {
    format: "hexapla-grid",
    version: 1,
    work: work.work,
    editions: editions.map(gridEdition),
    rows: rowsInOrder(work).map((row) => ({
      id: row.id,
      position: row.position,
      status: row.status,
      confidence: row.confidence,
      cells: Object.fromEntries(editions.map((edition) => [edition.slug, cellTexts(row, edition, texts.get(edition.slug)!)])),
    })),
  };
  return withLineFeed(grid);
}

export function exportGridJson(work: WorkExport, editionSlugs?: readonly string[]): string {
  return [...gridJsonChunks(work, editionSlugs)].join("");
}

/** The register, with the editions it names and their provenance (a working translation is labelled as such). */
export function variantsJsonChunks(work: WorkExport): Iterable<string> {
  const positions = new Map(work.rows.map((row) => [row.id, row.position]));
  const variants = work.variants.map((variant) => ({ ...variant, rowPosition: positions.get(variant.rowId) ?? null }));
  const named = new Set(work.variants.flatMap((variant) => variant.editionSlugs));
  const editions = work.editions
    .filter((edition) => named.has(edition.slug))
    .map(variantEdition);
  return withLineFeed({ format: "hexapla-variants", version: 1, work: work.work, editions, variants });
}

export function exportVariantsJson(work: WorkExport): string {
  return [...variantsJsonChunks(work)].join("");
}

export function workJsonChunks(work: WorkExport): Iterable<string> {
  return withLineFeed({ format: WORK_JSON_FORMAT, version: WORK_JSON_VERSION, ...work });
}

export function exportWorkJson(work: WorkExport): string {
  return [...workJsonChunks(work)].join("");
}

/** Line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Parses and validates a full-work JSON export. Throws ImportError naming the problem (and line, for bad JSON). */
export function parseWorkExport(json: string, file = "work.json"): WorkExport {
  assertTextSize(json, file);
  const source = json.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message);
    const where = offset ? position(source, Number(offset[1])) : null;
    const reason = message.replace(/,? (?:in|after) JSON at position \d+.*$/s, "").replace(/, ".*" is not valid JSON$/s, "");
    throw new ImportError(file, where?.line ?? null, `malformed JSON: ${reason}`, where?.column ?? null);
  }
  const envelope = data as { format?: unknown; version?: unknown } | null;
  if (envelope?.format !== WORK_JSON_FORMAT) throw new ImportError(file, null, `not a Hexapla work export (expected "format": "${WORK_JSON_FORMAT}")`);
  if (envelope.version !== WORK_JSON_VERSION) throw new ImportError(file, null, `unsupported work export version ${String(envelope.version)} (this version reads ${WORK_JSON_VERSION})`);
  const parsed = WorkExportSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ImportError(file, null, `invalid work export — ${problems.join("; ")}`);
  }
  assertReferences(parsed.data, file);
  assertGrid(parsed.data, file);
  /* Exports made before `standsInForOriginal` marked a working translation standing in for the original as the original. */
  for (const edition of parsed.data.editions) edition.meta = resolveRole(edition.meta);
  return parsed.data;
}

/**
 * The grid the file describes must hold as the editor's grid does (lib/alignment/grid.ts): for every edition with
 * aligned segments, its rows read in order give each of its segments once, in order — no segment in no row, none
 * out of order, no empty row. An edition none of whose segments is in a row is simply not aligned yet.
 */
function assertGrid(work: WorkExport, file: string): void {
  const aligned = work.editions.filter((edition) => work.rows.some((row) => (row.cells[edition.slug] ?? []).length > 0));
  const grid: Grid = {
    editionIds: aligned.map((edition) => edition.slug),
    rows: rowsInOrder(work).map((row) => ({
      id: row.id,
      status: row.status,
      confidence: row.confidence,
      cells: Object.fromEntries(aligned.map((edition) => [edition.slug, row.cells[edition.slug] ?? []])),
    })),
  };
  const violations = checkGridInvariant(grid, Object.fromEntries(aligned.map((edition) => [edition.slug, edition.segments.map((segment) => segment.id)])));
  if (violations.length > 0) {
    const shown = violations.slice(0, 3).map((violation) => violation.message.replace(/\.$/, ""));
    const more = violations.length > 3 ? `; and ${violations.length - 3} more` : "";
    throw new ImportError(file, null, `invalid work export — its alignment grid does not hold: ${shown.join("; ")}${more}`);
  }
}

function assertReferences(work: WorkExport, file: string): void {
  const fail = (reason: string) => {
    throw new ImportError(file, null, `invalid work export — ${reason}`);
  };
  const segmentIds = new Map<string, Set<string>>();
  for (const edition of work.editions) {
    if (segmentIds.has(edition.slug)) fail(`edition “${edition.slug}” appears twice`);
    if (edition.meta.edition !== edition.slug) fail(`edition “${edition.slug}” has meta.edition “${edition.meta.edition}”`);
    const ids = new Set<string>();
    for (const segment of edition.segments) {
      if (ids.has(segment.id)) fail(`edition “${edition.slug}” has two segments with id “${segment.id}”`);
      ids.add(segment.id);
    }
    segmentIds.set(edition.slug, ids);
    if (edition.normalisation && edition.normalisation.segments > edition.segments.length) {
      fail(`edition “${edition.slug}” records ${edition.normalisation.segments} segments changed by normalisation but has ${edition.segments.length}`);
    }
  }
  for (const edition of work.editions) {
    if (edition.supersededBy != null && !segmentIds.has(edition.supersededBy)) {
      fail(`edition “${edition.slug}” is superseded by unknown edition “${edition.supersededBy}”`);
    }
  }
  if (work.work.pivotEdition != null && !segmentIds.has(work.work.pivotEdition)) fail(`the pivot edition “${work.work.pivotEdition}” is not among the editions`);
  const rowIds = new Set<string>();
  const placed = new Set<string>();
  for (const row of work.rows) {
    if (rowIds.has(row.id)) fail(`two rows have id “${row.id}”`);
    rowIds.add(row.id);
    for (const [slug, ids] of Object.entries(row.cells)) {
      const known = segmentIds.get(slug);
      if (known == null) fail(`row “${row.id}” has a cell for unknown edition “${slug}”`);
      for (const id of ids) {
        if (!known!.has(id)) fail(`row “${row.id}” points at segment “${id}”, which edition “${slug}” does not have`);
        if (placed.has(`${slug}\u0000${id}`)) fail(`segment “${id}” of edition “${slug}” is in two rows`);
        placed.add(`${slug}\u0000${id}`);
      }
    }
  }
  for (const variant of work.variants) {
    if (!rowIds.has(variant.rowId)) fail(`variant “${variant.id}” refers to unknown row “${variant.rowId}”`);
    for (const slug of variant.editionSlugs) {
      if (!segmentIds.has(slug)) fail(`variant “${variant.id}” refers to unknown edition “${slug}”`);
    }
  }
  assertWordLinks(work, fail);
}

/** Word links name known segments of two different editions and words those segments have. */
function assertWordLinks(work: WorkExport, fail: (reason: string) => never): void {
  const editions = new Map(work.editions.map((edition) => [edition.slug, edition]));
  const wordCounts = new Map<string, number>();
  const countOf = (slug: string, id: string): number => {
    const key = `${slug}\u0000${id}`;
    let count = wordCounts.get(key);
    if (count === undefined) {
      const edition = editions.get(slug)!;
      const segment = edition.segments.find((s) => s.id === id)!;
      wordCounts.set(key, (count = segmentWordTokens(segment.text, edition.meta.language).length));
    }
    return count;
  };
  const seen = new Set<string>();
  (work.wordLinks ?? []).forEach((set, index) => {
    const where = `word link set ${index + 1}`;
    const a = editions.get(set.editionA);
    const b = editions.get(set.editionB);
    if (!a || !b) fail(`${where} refers to an unknown edition`);
    if (set.editionA === set.editionB) fail(`${where} links an edition with itself`);
    if (!a!.segments.some((s) => s.id === set.a) || !b!.segments.some((s) => s.id === set.b)) fail(`${where} refers to a segment its edition does not have`);
    const key = [`${set.editionA}\u0000${set.a}`, `${set.editionB}\u0000${set.b}`].sort().join("|");
    if (seen.has(key)) fail(`${where} repeats the segment pair of an earlier set`);
    seen.add(key);
    const pairs = set.links ? set.links.split(" ").map((pair) => pair.split("-").map(Number)) : [];
    if (pairs.length !== set.p.length) fail(`${where} has ${pairs.length} links but ${set.p.length} probabilities`);
    const wordsA = countOf(set.editionA, set.a);
    const wordsB = countOf(set.editionB, set.b);
    for (const [i, j] of pairs) if (i >= wordsA || j >= wordsB) fail(`${where} links word ${i}-${j}, but the segments have ${wordsA} and ${wordsB} words`);
  });
}
