/**
 * The command line's import of one file (`npm run import`): read it from disk as a regular file within the limits,
 * refuse an encoding that was only guessed unless the caller named it, then preview and import it with the same
 * code as the browser. A plain-format file in UTF-8 is read with its side files (apparatus, corrections).
 */
import path from "node:path";
import { assertConfidentEncoding, decodeInput, detectFormat, type ImportFormat, type MetaDefaults, type SupportedEncoding } from "../../formats";
import { readEditionFile } from "../../import/read-edition-file";
import { readRegularFile } from "../../import/read-regular-file";
import { readingFile } from "../../text/edition-document";
import type { Db } from "../client";
import { previewImport } from "./preview-import";
import { runImport } from "./run-import";
import type { ImportPreview, ImportRequest, ImportResult } from "./types";

export interface PathImportOptions {
  format?: ImportFormat;
  encoding?: SupportedEncoding;
  meta?: MetaDefaults;
  workSlug?: string;
  replace?: string;
  align?: boolean;
  importedById: string | null;
}

/** The import request for a file on disk; throws ImportError for a file that cannot or must not be imported. */
export function requestFromPath(file: string, options: PathImportOptions): ImportRequest {
  const fileName = path.basename(file);
  const bytes = new Uint8Array(readRegularFile(file, fileName));
  const request: ImportRequest = {
    bytes,
    fileName,
    format: options.format,
    encoding: options.encoding,
    meta: options.meta ?? {},
    workSlug: options.workSlug,
    replace: options.replace,
    align: options.align ?? true,
    importedById: options.importedById,
  };
  const { text, ...decoded } = readingFile(fileName, () => decodeInput(bytes, fileName, { encoding: options.encoding }));
  assertConfidentEncoding(decoded, bytes, fileName);
  if ((options.format ?? readingFile(fileName, () => detectFormat(fileName, text))) === "plain" && decoded.encoding === "utf-8") {
    const edition = readEditionFile(file);
    request.prepared = { document: edition.document, checksum: edition.checksum };
  }
  return request;
}

/** Previews (handing the preview to `onPreview` before anything is written) and imports one file. */
export async function importPath(
  db: Db,
  file: string,
  options: PathImportOptions,
  onPreview: (preview: ImportPreview) => void = () => {},
): Promise<{ preview: ImportPreview; result: ImportResult }> {
  const request = requestFromPath(file, options);
  const preview = await previewImport(db, request);
  onPreview(preview);
  const result = await runImport(db, { ...request, expectedChecksum: preview.checksum });
  return { preview, result };
}
