/**
 * Renders an export of a work (lib/formats exporters over a WorkExport) as a file: its text a piece at a time (the
 * route streams it; the pieces joined are the exporter's whole text), media type and a file name. Bad options are
 * refused here, before the first piece. The alignment, TMX, CSV, JSON and parallel exports default to the current editions (earlier witnesses only
 * when named); every edition named must exist.
 */
import {
  gridCsvChunks,
  gridJsonChunks,
  teiAlignmentChunks,
  teiEditionChunks,
  teiParallelChunks,
  tmxChunks,
  variantsCsvChunks,
  variantsJsonChunks,
  workJsonChunks,
  type WorkExport,
} from "../formats";
import { DomainError } from "../db/errors";
import type { ExportKind } from "./schemas";

export interface ExportFile {
  body: Iterable<string>;
  contentType: string;
  fileName: string;
}

const XML = "application/xml; charset=utf-8";
const TEI = "application/tei+xml; charset=utf-8";
const CSV = "text/csv; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

function invalid(message: string, path: string): DomainError {
  return new DomainError("invalid", message, { issues: [{ path, message }] });
}

export function renderExport(work: WorkExport, kind: ExportKind, options: { edition?: string; editions?: string[] }): ExportFile {
  const known = new Set(work.editions.map((e) => e.slug));
  const current = work.editions.filter((e) => e.supersededBy == null).map((e) => e.slug);
  const unknown = (options.editions ?? []).filter((slug) => !known.has(slug));
  if (unknown.length > 0) throw invalid(`The work has no edition ${unknown.map((s) => `“${s}”`).join(", ")}.`, "editions");
  const editions = options.editions ?? current;
  const base = work.work.slug;
  const suffix = options.editions ? `-${editions.join("-")}` : "";
  switch (kind) {
    case "tei-edition": {
      if (!options.edition) throw invalid("Say which edition to export (?edition=…).", "edition");
      if (!known.has(options.edition)) throw invalid(`The work has no edition “${options.edition}”.`, "edition");
      return { body: teiEditionChunks(work, options.edition), contentType: TEI, fileName: `${base}-${options.edition}.tei.xml` };
    }
    case "tei-alignment":
      return { body: teiAlignmentChunks(work, editions), contentType: TEI, fileName: `${base}-alignment${suffix}.tei.xml` };
    case "tei-parallel":
      return { body: teiParallelChunks(work, editions), contentType: TEI, fileName: `${base}-parallel${suffix}.tei.xml` };
    case "tmx":
      return { body: tmxChunks(work, editions), contentType: XML, fileName: `${base}${suffix}.tmx` };
    case "grid-csv":
      return { body: gridCsvChunks(work, editions), contentType: CSV, fileName: `${base}-grid${suffix}.csv` };
    case "grid-json":
      return { body: gridJsonChunks(work, editions), contentType: JSON_TYPE, fileName: `${base}-grid${suffix}.json` };
    case "variants-csv":
      return { body: variantsCsvChunks(work), contentType: CSV, fileName: `${base}-variants.csv` };
    case "variants-json":
      return { body: variantsJsonChunks(work), contentType: JSON_TYPE, fileName: `${base}-variants.json` };
    case "work-json":
      return { body: workJsonChunks(work), contentType: JSON_TYPE, fileName: `${base}.hexapla.json` };
  }
}

/** Characters per piece of a streamed export: the exporters' small pieces are gathered up to about this size. */
const STREAM_PIECE_CHARS = 64 * 1024;

/** The export's text as a stream of UTF-8 bytes, each piece rendered when the client is ready for it. */
export function exportStream(body: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pieces = body[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let gathered = "";
      while (gathered.length < STREAM_PIECE_CHARS) {
        const next = pieces.next();
        if (next.done) {
          if (gathered) controller.enqueue(encoder.encode(gathered));
          controller.close();
          return;
        }
        gathered += next.value;
      }
      controller.enqueue(encoder.encode(gathered));
    },
    cancel() {
      pieces.return?.();
    },
  });
}
