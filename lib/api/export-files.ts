/**
 * Exports of a work as files: `planExport` checks the options against the work's editions and names the file
 * (media type, file name) before anything is written; `exportBody` writes it, a piece at a time, from an
 * ExportSource — the database read a page at a time (lib/db/export/paged-source.ts) or a WorkExport in memory;
 * `exportStream` turns the pieces into the response's bytes as the client reads them. The alignment, TMX, CSV,
 * JSON and parallel exports default to the current editions (earlier witnesses only when named); every edition
 * named must exist.
 */
import { DomainError } from "../db/errors";
import { memorySource, type ExportSource } from "../formats/export-source";
import { gridCsvStream, gridJsonStream, tmxStream, variantsCsvStream, variantsJsonStream, workJsonStream } from "../formats/export-streams";
import { teiAlignmentStream, teiEditionStream, teiParallelStream } from "../formats/tei-stream";
import type { WorkExport } from "../formats/work-export";
import type { ExportKind } from "./schemas";

export interface ExportPlan {
  kind: ExportKind;
  /** The edition of tei-edition. */
  edition?: string;
  /** The editions written, in column order (all kinds but tei-edition, variants-* and work-json). */
  editions: string[];
  contentType: string;
  fileName: string;
}

export interface ExportFile extends ExportPlan {
  body: AsyncIterable<string>;
}

const XML = "application/xml; charset=utf-8";
const TEI = "application/tei+xml; charset=utf-8";
const CSV = "text/csv; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

function invalid(message: string, path: string): DomainError {
  return new DomainError("invalid", message, { issues: [{ path, message }] });
}

/** What the export of `kind` with these options writes; refused (422) for editions the work does not have. */
export function planExport(
  work: { slug: string; editions: { slug: string; supersededBy?: string | null }[] },
  kind: ExportKind,
  options: { edition?: string; editions?: string[] },
): ExportPlan {
  const known = new Set(work.editions.map((e) => e.slug));
  const current = work.editions.filter((e) => e.supersededBy == null).map((e) => e.slug);
  const unknown = (options.editions ?? []).filter((slug) => !known.has(slug));
  if (unknown.length > 0) throw invalid(`The work has no edition ${unknown.map((s) => `“${s}”`).join(", ")}.`, "editions");
  const editions = options.editions ?? current;
  const base = work.slug;
  const suffix = options.editions ? `-${editions.join("-")}` : "";
  const plan = (contentType: string, fileName: string): ExportPlan => ({ kind, editions, contentType, fileName });
  switch (kind) {
    case "tei-edition": {
      if (!options.edition) throw invalid("Say which edition to export (?edition=…).", "edition");
      if (!known.has(options.edition)) throw invalid(`The work has no edition “${options.edition}”.`, "edition");
      return { ...plan(TEI, `${base}-${options.edition}.tei.xml`), edition: options.edition, editions: [options.edition] };
    }
    case "tei-alignment":
      return plan(TEI, `${base}-alignment${suffix}.tei.xml`);
    case "tei-parallel":
      return plan(TEI, `${base}-parallel${suffix}.tei.xml`);
    case "tmx":
      return plan(XML, `${base}${suffix}.tmx`);
    case "grid-csv":
      return plan(CSV, `${base}-grid${suffix}.csv`);
    case "grid-json":
      return plan(JSON_TYPE, `${base}-grid${suffix}.json`);
    case "variants-csv":
      return { ...plan(CSV, `${base}-variants.csv`), editions: [...known] };
    case "variants-json":
      return { ...plan(JSON_TYPE, `${base}-variants.json`), editions: [...known] };
    case "work-json":
      return { ...plan(JSON_TYPE, `${base}.hexapla.json`), editions: [...known] };
  }
}

/** The file's text, a piece at a time, read from the source as it is written. */
export function exportBody(source: ExportSource, plan: ExportPlan): AsyncIterable<string> {
  switch (plan.kind) {
    case "tei-edition":
      return teiEditionStream(source, plan.edition!);
    case "tei-alignment":
      return teiAlignmentStream(source, plan.editions);
    case "tei-parallel":
      return teiParallelStream(source, plan.editions);
    case "tmx":
      return tmxStream(source, plan.editions);
    case "grid-csv":
      return gridCsvStream(source, plan.editions);
    case "grid-json":
      return gridJsonStream(source, plan.editions);
    case "variants-csv":
      return variantsCsvStream(source);
    case "variants-json":
      return variantsJsonStream(source);
    case "work-json":
      return workJsonStream(source);
  }
}

/** An export of a WorkExport held in memory (tests; the whole-load baseline of `npm run bench:export`). */
export function renderExport(work: WorkExport, kind: ExportKind, options: { edition?: string; editions?: string[] }): ExportFile {
  const plan = planExport({ slug: work.work.slug, editions: work.editions }, kind, options);
  return { ...plan, body: exportBody(memorySource(work), plan) };
}

/** Characters per piece of a streamed export: the exporters' small pieces are gathered up to about this size. */
export const STREAM_PIECE_CHARS = 64 * 1024;

/** The pieces gathered into strings of about STREAM_PIECE_CHARS characters. */
export async function* gathered(body: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let pending = "";
  for await (const piece of body) {
    pending += piece;
    if (pending.length >= STREAM_PIECE_CHARS) {
      yield pending;
      pending = "";
    }
  }
  if (pending) yield pending;
}

/** The export's text as a stream of UTF-8 bytes, each piece rendered (and read) when the client is ready for it. */
export function exportStream(body: AsyncIterable<string> | Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pieces = gathered(body);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
