/**
 * Reads the import endpoints' multipart form: the file (checked against the size limit before it is read) and
 * the fields (ImportFormSchema; empty fields count as not given), and turns them into an ImportRequest.
 */
import { MAX_IMPORT_BYTES, type MetaDefaults } from "../formats";
import type { ImportRequest } from "../db/import/types";
import { DomainError } from "../db/errors";
import { ImportFormSchema, type ImportForm } from "./schemas";
import { PayloadTooLargeError } from "./responses";

/** Room for the other fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function tooLarge(size: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`The file is ${megabytes(size)}; the import limit is ${megabytes(MAX_IMPORT_BYTES)} — split the work into smaller files.`);
}

export interface ImportUpload {
  form: ImportForm;
  request: Omit<ImportRequest, "importedById" | "workSlug" | "newWork">;
}

export async function readImportForm(request: Request): Promise<ImportUpload> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES) throw tooLarge(length);
  if (!/^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new DomainError("invalid", "Send the file as multipart/form-data with a field named “file”.");
  }
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    throw new DomainError("invalid", "The form data could not be read.");
  }
  const file = data.get("file");
  if (!(file instanceof Blob)) throw new DomainError("invalid", "Choose a file to import.", { issues: [{ path: "file", message: "required" }] });
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge(file.size);
  const fields = Object.fromEntries([...data.entries()].filter(([key, value]) => key !== "file" && typeof value === "string" && value.trim() !== ""));
  const form = ImportFormSchema.parse(fields);
  const fileName = ("name" in file && typeof file.name === "string" && file.name) || "upload";
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
