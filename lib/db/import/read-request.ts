/**
 * First step of every import, in the browser, the API and on the command line: decode and parse the file with
 * lib/formats, filling in metadata the file lacks (from the form, or from the edition being replaced), and check
 * that what the file says fits the request (its work, the replaced edition's language).
 */
import { createHash } from "node:crypto";
import {
  importFile,
  importWarnings,
  segmentationStats,
  type ImportedContent,
  type ImportFormat,
  type MetaDefaults,
} from "../../formats";
import { sameLanguage } from "../../formats/metadata";
import { type EditionDocument, ImportError } from "../../text/edition-document";
import { NotFoundError } from "../errors";
import type { ImportPreview, ImportRequest, Reader } from "./types";

export interface ParsedImport {
  file: string;
  format: ImportFormat;
  encoding: ImportPreview["encoding"];
  checksum: string;
  content: ImportedContent;
}

/** The edition a replacement targets: the work's current edition with that slug. */
export async function findReplacedEdition(reader: Reader, workSlug: string | undefined, slug: string) {
  if (!workSlug) throw new ImportError("request", null, "say which work the edition to replace belongs to");
  const edition = await reader.edition.findFirst({ where: { slug, supersededById: null, work: { slug: workSlug } } });
  if (!edition) throw new NotFoundError(`The work “${workSlug}” has no edition “${slug}” whose text could be replaced.`);
  return edition;
}

/** Fields of the form that apply to every edition of an aligned file (not edition, language or title). */
function commonDefaults(meta: MetaDefaults): MetaDefaults {
  const { work, workTitle, author, provenance } = meta;
  return Object.fromEntries(Object.entries({ work, workTitle, author, provenance }).filter(([, value]) => value !== undefined));
}

export async function readRequest(reader: Reader, request: ImportRequest): Promise<ParsedImport> {
  const replaced = request.replace ? await findReplacedEdition(reader, request.workSlug, request.replace) : null;
  const meta: MetaDefaults = {
    /* The text that replaces an edition standing in for the original is, unless it says otherwise, the original itself. */
    ...(replaced ? { edition: replaced.slug, language: replaced.language, original: replaced.isOriginal || replaced.standsInForOriginal, title: replaced.title } : {}),
    ...request.meta,
    ...(request.workSlug ? { work: request.workSlug } : {}),
  };
  const parsed = request.prepared ? fromPrepared(request) : fromBytes(request, meta);
  checkAgainstRequest(parsed, request, replaced?.language ?? null);
  return parsed;
}

function fromBytes(request: ImportRequest, meta: MetaDefaults): ParsedImport {
  const imported = importFile(request.bytes, request.fileName, {
    format: request.format,
    encoding: request.encoding,
    defaults: meta,
    alignedDefaults: { common: commonDefaults(meta) },
  });
  const checksum = createHash("sha256").update(request.bytes).digest("hex");
  return { file: request.fileName, format: imported.format, encoding: imported.encoding, checksum, content: imported.content };
}

function fromPrepared(request: ImportRequest): ParsedImport {
  const { document, checksum } = request.prepared!;
  return {
    file: request.fileName,
    format: "plain",
    encoding: { encoding: "utf-8", confidence: 1, hadBom: false, declared: false },
    checksum,
    content: { kind: "edition", sideFiles: [], document, warnings: importWarnings(document, ""), stats: segmentationStats(document) },
  };
}

/** The documents a parsed file holds (one for single-edition formats). */
export function documentsOf(content: ImportedContent): EditionDocument[] {
  if (content.kind === "edition") return [content.document];
  if (content.kind === "aligned") return content.aligned.editions;
  return [];
}

function checkAgainstRequest(parsed: ParsedImport, request: ImportRequest, replacedLanguage: string | null): void {
  const { content, file } = parsed;
  const fileWork = content.kind === "work" ? content.work.work.slug : documentsOf(content)[0]?.meta.work;
  if (request.workSlug && fileWork && fileWork !== request.workSlug) {
    throw new ImportError(file, null, `the file belongs to the work “${fileWork}”, not “${request.workSlug}”; import it into that work, or change the work it names`);
  }
  const works = new Set(documentsOf(content).map((doc) => doc.meta.work));
  if (works.size > 1) throw new ImportError(file, null, `the file's editions belong to different works (${[...works].join(", ")})`);
  if (!request.replace) return;
  if (content.kind !== "edition") {
    throw new ImportError(file, null, "only a file holding one edition can replace an edition's text; TMX, CSV and work exports bring their own editions");
  }
  const language = content.document.meta.language;
  if (replacedLanguage && !sameLanguage(language, replacedLanguage)) {
    throw new ImportError(
      file,
      null,
      `mismatched languages: the file is in “${language}” but the edition “${request.replace}” is in “${replacedLanguage}”; a text can only replace an edition in its own language`,
    );
  }
  content.document.meta = { ...content.document.meta, edition: request.replace };
}
