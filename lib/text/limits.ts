/**
 * Limits for imported files, checked before and while parsing so that a file over a limit is refused in seconds,
 * before any expensive step: its size in bytes before it is decoded, its lines before they are split, and its
 * segments as they are made (`SegmentBudget`; sentence splitting stops at the limit).
 */
import { ImportError } from "./edition-document";

/** Largest file accepted for import, in bytes (20 MiB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Largest number of segments (sentences, over all editions of one file and its side files) accepted for import. */
export const MAX_IMPORT_SEGMENTS = 100_000;
/** Largest number of lines in one imported file (a 20 MiB text wrapped at 40 characters has about as many). */
export const MAX_IMPORT_LINES = 500_000;

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

export function assertSegmentCount(count: number, file: string, line: number | null = null, limit = MAX_IMPORT_SEGMENTS): void {
  if (count > limit) {
    throw new ImportError(
      file,
      line,
      `more than ${limit.toLocaleString("en")} segments; the import limit is ${limit.toLocaleString("en")} — split the work into smaller files`,
    );
  }
}

/** Rejects a text of more than MAX_IMPORT_LINES lines (counted without splitting it), naming the first line over. */
export function assertLineCount(text: string, file: string): void {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    if (++lines > MAX_IMPORT_LINES) {
      throw new ImportError(
        file,
        lines,
        `more than ${MAX_IMPORT_LINES.toLocaleString("en")} lines; the import limit is ${MAX_IMPORT_LINES.toLocaleString("en")} — split the work into smaller files`,
      );
    }
  }
}

/** Counts segments as they are made, over one file and its side files, and refuses the one past the limit. */
export class SegmentBudget {
  private used = 0;

  constructor(private readonly limit = MAX_IMPORT_SEGMENTS) {}

  /** How many more segments may be made (splitting need not go further: one more is refused anyway). */
  get remaining(): number {
    return this.limit - this.used;
  }

  add(count: number, file: string, line: number | null): void {
    this.used += count;
    assertSegmentCount(this.used, file, line, this.limit);
  }
}

/**
 * Longest block (a paragraph, quotation or heading; an aligned file's cell; a work JSON's segment) accepted for
 * import, in characters. Splitting a block into sentences holds some 35 bytes per character of it at once, so one
 * 19 MB paragraph (a book without paragraph breaks) needed 700 MB and exhausted the app server's heap; blocks of at
 * most a million characters (some 150 pages) keep a 20 MB file's import within it.
 */
export const MAX_BLOCK_CHARS = 1_000_000;

/** Rejects a block longer than MAX_BLOCK_CHARS, naming the line where it starts. */
export function assertBlockLength(length: number, file: string, line: number | null, what: "paragraph" | "heading" | "sentence" | "segment" = "paragraph"): void {
  if (length > MAX_BLOCK_CHARS) {
    const advice = what === "paragraph" ? "separate the text into paragraphs (a blank line between them)" : `split it into shorter ${what}s`;
    throw new ImportError(
      file,
      line,
      `this ${what} is ${length.toLocaleString("en")} characters long; the import limit is ${MAX_BLOCK_CHARS.toLocaleString("en")} characters per ${what} — ${advice}`,
    );
  }
}
