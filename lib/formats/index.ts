/** Hexapla's interchange library: importers, exporters and import-preview checks for edition files. */
export { type AlignedDefaults, type AlignedImport, type AlignedRow } from "./aligned";
export { CSV_ROW_COLUMNS, detectDelimiter, parseAlignedCsv } from "./csv-import";
export { exportGridCsv, exportVariantsCsv, gridCsvChunks, VARIANT_CSV_COLUMNS, variantsCsvChunks, type CsvOptions } from "./csv-export";
export { detectFormat, IMPORT_FORMATS, type ImportFormat } from "./detect-format";
export {
  assertConfidentEncoding,
  decodeInput,
  SUPPORTED_ENCODINGS,
  type DecodedInput,
  type DecodeOptions,
  type SupportedEncoding,
} from "./encoding";
export { HIGH_ENCODING_CONFIDENCE, isConfidentEncoding } from "./encoding-confidence";
export { importFile, type EditionPreview, type ImportedContent, type ImportedFile, type ImportOptions } from "./import-file";
export {
  exportGridJson,
  exportVariantsJson,
  exportWorkJson,
  gridJsonChunks,
  parseWorkExport,
  variantsJsonChunks,
  WORK_JSON_FORMAT,
  WORK_JSON_VERSION,
  workJsonChunks,
} from "./json-export";
export { MAX_IMPORT_BYTES, MAX_IMPORT_SEGMENTS } from "../text/limits";
export { parseMarkdownEdition } from "./markdown";
export { inlineText } from "./markdown-inline";
export { type MetaDefaults } from "./metadata";
export { segmentationStats, type SegmentationStats } from "./segmentation-stats";
export {
  editionXmlId,
  exportTeiAlignment,
  exportTeiEdition,
  exportTeiParallel,
  segmentXmlId,
  teiAlignmentChunks,
  teiEditionChunks,
  teiEditionFileName,
  teiParallelChunks,
} from "./tei-export";
export { parseTeiEdition } from "./tei-import";
export { exportTmx, tmxChunks } from "./tmx-export";
export { parseTmx } from "./tmx-import";
export { importWarnings, MAX_WARNINGS_PER_CODE, WARNING_CODES, type ImportWarning, type WarningCode } from "./warnings";
export {
  ROW_STATUSES,
  VARIANT_CATEGORIES,
  VARIANT_STATUSES,
  WorkExportSchema,
  type EditionExport,
  type RowExport,
  type SegmentExport,
  type VariantExport,
  type WorkExport,
} from "./work-export";
