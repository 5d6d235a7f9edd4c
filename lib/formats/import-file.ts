/**
 * One entry point for an uploaded file: decode the bytes, detect (or take) the format, parse, and compute the
 * preview's warnings and segmentation counts. Side files named by a plain-format edition (apparatus, corrections)
 * are not read here; their names are returned so the caller can ask for them.
 */
import { type EditionDocument, readingFile } from "../text/edition-document";
import { parseEditionText } from "../text/edition-format";
import { type AlignedDefaults, type AlignedImport } from "./aligned";
import { parseAlignedCsv } from "./csv-import";
import { detectFormat, type ImportFormat } from "./detect-format";
import { decodeInput, type DecodedInput, type SupportedEncoding } from "./encoding";
import { parseWorkExport } from "./json-export";
import { assertLineCount, assertSegmentCount } from "../text/limits";
import { parseMarkdownEdition } from "./markdown";
import { type MetaDefaults } from "./metadata";
import { segmentationStats, type SegmentationStats } from "./segmentation-stats";
import { parseTeiEdition } from "./tei-import";
import { parseTmx } from "./tmx-import";
import { importWarnings, type ImportWarning } from "./warnings";
import { type WorkExport } from "./work-export";

export interface EditionPreview {
  document: EditionDocument;
  warnings: ImportWarning[];
  stats: SegmentationStats;
}

export type ImportedContent =
  | ({ kind: "edition"; sideFiles: string[] } & EditionPreview)
  | { kind: "aligned"; aligned: AlignedImport; previews: EditionPreview[] }
  | { kind: "work"; work: WorkExport };

export interface ImportedFile {
  file: string;
  format: ImportFormat;
  encoding: Omit<DecodedInput, "text">;
  content: ImportedContent;
}

export interface ImportOptions {
  /** Skip detection. */
  format?: ImportFormat;
  /** Read the bytes in this encoding instead of detecting it. */
  encoding?: SupportedEncoding;
  /** Metadata for single-edition formats (Markdown, TEI); values in the file win. */
  defaults?: MetaDefaults;
  /** Metadata for aligned formats (TMX, CSV). */
  alignedDefaults?: AlignedDefaults;
}

function preview(document: EditionDocument, text: string): EditionPreview {
  return { document, warnings: importWarnings(document, text), stats: segmentationStats(document) };
}

export function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportedFile {
  return readingFile(fileName, () => {
    const { text, ...encoding } = decodeInput(bytes, fileName, { encoding: options.encoding });
    assertLineCount(text, fileName);
    const format = options.format ?? detectFormat(fileName, text);
    return { file: fileName, format, encoding, content: parseContent(format, text, fileName, options) };
  });
}

function parseContent(format: ImportFormat, text: string, file: string, options: ImportOptions): ImportedContent {
  switch (format) {
    case "plain": {
      const parsed = parseEditionText(text, file);
      const document: EditionDocument = { meta: parsed.meta, blocks: parsed.blocks, apparatus: null, corrections: [] };
      const sideFiles = [parsed.apparatusFile, parsed.correctionsFile].filter((name): name is string => name != null);
      return { kind: "edition", sideFiles, ...preview(document, text) };
    }
    case "markdown":
      return { kind: "edition", sideFiles: [], ...preview(parseMarkdownEdition(text, file, options.defaults), text) };
    case "tei":
      return { kind: "edition", sideFiles: [], ...preview(parseTeiEdition(text, file, options.defaults), text) };
    case "tmx":
    case "csv": {
      const aligned = format === "tmx" ? parseTmx(text, file, options.alignedDefaults) : parseAlignedCsv(text, file, options.alignedDefaults);
      return { kind: "aligned", aligned, previews: aligned.editions.map((document) => preview(document, text)) };
    }
    case "work-json": {
      const work = parseWorkExport(text, file);
      assertSegmentCount(work.editions.reduce((sum, edition) => sum + edition.segments.length, 0), file);
      return { kind: "work", work };
    }
  }
}
