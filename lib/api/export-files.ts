/**
 * Renders an export of a work (lib/formats exporters over a WorkExport) as a file: body, media type and a file
 * name. The alignment, TMX, CSV, JSON and parallel exports default to the current editions (earlier witnesses only
 * when named); every edition named must exist.
 */
import {
  exportGridCsv,
  exportGridJson,
  exportTeiAlignment,
  exportTeiEdition,
  exportTeiParallel,
  exportTmx,
  exportVariantsCsv,
  exportVariantsJson,
  exportWorkJson,
  type WorkExport,
} from "../formats";
import { DomainError } from "../db/errors";
import type { ExportKind } from "./schemas";

export interface ExportFile {
  body: string;
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
      return { body: exportTeiEdition(work, options.edition), contentType: TEI, fileName: `${base}-${options.edition}.tei.xml` };
    }
    case "tei-alignment":
      return { body: exportTeiAlignment(work, editions), contentType: TEI, fileName: `${base}-alignment${suffix}.tei.xml` };
    case "tei-parallel":
      return { body: exportTeiParallel(work, editions), contentType: TEI, fileName: `${base}-parallel${suffix}.tei.xml` };
    case "tmx":
      return { body: exportTmx(work, editions), contentType: XML, fileName: `${base}${suffix}.tmx` };
    case "grid-csv":
      return { body: exportGridCsv(work, editions), contentType: CSV, fileName: `${base}-grid${suffix}.csv` };
    case "grid-json":
      return { body: exportGridJson(work, editions), contentType: JSON_TYPE, fileName: `${base}-grid${suffix}.json` };
    case "variants-csv":
      return { body: exportVariantsCsv(work), contentType: CSV, fileName: `${base}-variants.csv` };
    case "variants-json":
      return { body: exportVariantsJson(work), contentType: JSON_TYPE, fileName: `${base}-variants.json` };
    case "work-json":
      return { body: exportWorkJson(work), contentType: JSON_TYPE, fileName: `${base}.hexapla.json` };
  }
}
