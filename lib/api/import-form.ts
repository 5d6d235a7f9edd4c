/**
 * Reads the import endpoints' multipart form: the body bounded while it streams (a declared or counted size over
 * the import limit is refused with 413 before the rest is read), then the file (checked against the limit again)
 * and the fields (ImportFormSchema; empty fields count as not given), turned into an ImportRequest.
 */
import { MAX_IMPORT_BYTES, type MetaDefaults } from "../formats";
import type { ImportRequest } from "../db/import/types";
import { DomainError } from "../db/errors";
import { PayloadTooLargeError, readBodyLimited, UnsupportedMediaTypeError } from "../http/read-body";
import { ImportFormSchema, type ImportForm } from "./schemas";
import { findUnstorableText } from "../text/storable-text";

/** Room for the other fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** `size`: what the request declared or the file measured; null when the body was counted past the limit while streaming. */
function tooLarge(size: number | null): PayloadTooLargeError {
  const what = size == null ? `The file is larger than the import limit of ${megabytes(MAX_IMPORT_BYTES)}` : `The file is ${megabytes(size)}; the import limit is ${megabytes(MAX_IMPORT_BYTES)}`;
  return new PayloadTooLargeError(`${what} — split the work into smaller files.`);
}

export interface ImportUpload {
  form: ImportForm;
  request: Omit<ImportRequest, "importedById" | "workSlug" | "newWork">;
}

export async function readImportForm(request: Request): Promise<ImportUpload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new UnsupportedMediaTypeError("Send the file as multipart/form-data with a field named “file”.");
  }
  const body = await readBodyLimited(request, MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES, tooLarge);
  let data: FormData;
  try {
    data = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new DomainError("invalid", "The form data could not be read.");
  }
  const file = data.get("file");
  if (!(file instanceof Blob)) throw new DomainError("invalid", "Choose a file to import.", { issues: [{ path: "file", message: "required" }] });
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge(file.size);
  const fields = Object.fromEntries([...data.entries()].filter(([key, value]) => key !== "file" && typeof value === "string" && value.trim() !== ""));
  const unstorable = findUnstorableText(fields);
  if (unstorable) {
    throw new DomainError("invalid", `The request is not valid: ${unstorable.path}: ${unstorable.reason}.`, { issues: [{ path: unstorable.path, message: unstorable.reason }] });
  }
  const form = ImportFormSchema.parse(fields);
  const fileName = uploadFileName("name" in file && typeof file.name === "string" ? file.name : "");
  return {
    form,
    request: {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName,
      format: form.format,
      encoding: form.encoding,
      meta: metaOf(form),
      replace: form.action === "replace" ? form.replace : undefined,
      align: form.align === "true",
      expectedChecksum: form.mode === "import" ? form.checksum : undefined,
    },
  };
}

/** Longest file name kept (longer ones keep their start and their end, where the extension is). */
const MAX_FILE_NAME = 255;

/**
 * The name the browser or script sent for the file, as it is shown in messages and stored with the edition: its last
 * path segment (a name is never a path here), without control or bidirectional control characters (a NUL could not
 * be stored; U+202E would show `gpj.md` as `dm.jpg`), and at most MAX_FILE_NAME characters; "upload" when none is left.
 */
export function uploadFileName(sent: string): string {
  const name = (sent.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, "").trim();
  if (name.length <= MAX_FILE_NAME) return name || "upload";
  return `${name.slice(0, MAX_FILE_NAME - 51)}…${name.slice(-50)}`;
}

function metaOf(form: ImportForm): MetaDefaults {
  const meta: MetaDefaults = {
    work: form.work,
    workTitle: form.workTitle,
    author: form.author,
    language: form.language,
    edition: form.edition,
    title: form.title,
    translator: form.translator,
    publisher: form.publisher,
    place: form.place,
    year: form.year,
    original: form.original === undefined ? undefined : form.original === "true",
    standsInForOriginal: form.standsInFor === "original" ? true : undefined,
    provenance: form.provenance,
  };
  return Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined));
}
