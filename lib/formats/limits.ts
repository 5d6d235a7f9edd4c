/** Size limits for imported files, checked before and while parsing so that a huge upload fails early and clearly. */
import { ImportError } from "../text/edition-document";

/** Largest file accepted for import, in bytes (20 MiB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Largest number of segments (sentences, over all editions of one file) accepted for import. */
export const MAX_IMPORT_SEGMENTS = 100_000;

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export function assertByteSize(byteLength: number, file: string): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError(
      file,
      null,
      `the file is ${megabytes(byteLength)} MB; the import limit is ${megabytes(MAX_IMPORT_BYTES)} MB — split the work into smaller files`,
    );
  }
}

/** UTF-8 length of a string, computed without allocating the encoded bytes. */
export function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** Rejects a text whose UTF-8 encoding would exceed the import limit (cheap when it clearly cannot). */
export function assertTextSize(text: string, file: string): void {
  if (text.length * 3 > MAX_IMPORT_BYTES) assertByteSize(utf8Length(text), file);
}

export function assertSegmentCount(count: number, file: string, line: number | null = null): void {
  if (count > MAX_IMPORT_SEGMENTS) {
    throw new ImportError(
      file,
      line,
      `more than ${MAX_IMPORT_SEGMENTS.toLocaleString("en")} segments; the import limit is ${MAX_IMPORT_SEGMENTS.toLocaleString("en")} — split the work into smaller files`,
    );
  }
}
