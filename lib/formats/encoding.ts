/**
 * Turns the bytes of an uploaded file into text. UTF-8 (with or without BOM) and UTF-16 (BOM or detected from its
 * NUL pattern) are recognised exactly; the legacy encodings Windows-1251, KOI8-R, Windows-1252, ISO-8859-1 and
 * ISO-8859-15 are guessed: Cyrillic by Russian letter frequencies and case (chardet is unreliable on short texts),
 * the Latin ones with chardet, checked to read as Western European text and refined by the bytes that tell them apart.
 * Binary files, empty files and files in other encodings are rejected with an ImportError.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import { ImportError } from "../text/edition-document";
import { assertByteSize } from "../text/limits";
import { GUESSED_UTF16_CONFIDENCE, isConfidentEncoding } from "./encoding-confidence";

export interface DecodedInput {
  text: string;
  /** WHATWG name of the encoding the bytes were read as, e.g. `utf-8`, `windows-1251`, `koi8-r`. */
  encoding: string;
  /**
   * 1 when certain (BOM, valid UTF-8); for UTF-16 without BOM the share of ordinary text characters, at most
   * GUESSED_UTF16_CONFIDENCE (the byte order and the encoding itself are inferred from where the NUL bytes are); for
   * a legacy encoding chardet's confidence (0–1) in it (for the Latin ones, in the Western encoding it ranked
   * highest), or 0.1 when chardet did not consider it.
   */
  confidence: number;
  hadBom: boolean;
  /** True when the caller named the encoding (e.g. the editor corrected a wrong guess), false when it was detected. */
  declared: boolean;
}

export const SUPPORTED_ENCODINGS = [
  "utf-8",
  "utf-16le",
  "utf-16be",
  "windows-1251",
  "koi8-r",
  "windows-1252",
  "iso-8859-1",
  "iso-8859-15",
] as const;
export type SupportedEncoding = (typeof SUPPORTED_ENCODINGS)[number];

export interface DecodeOptions {
  /** Read the bytes in this encoding instead of detecting one (a byte order mark is still skipped). */
  encoding?: SupportedEncoding;
}

const SAVE_AS_UTF8 = "save the file as UTF-8 and upload it again";

/**
 * Refuses a file whose encoding was only guessed, saying what was guessed and how sure, and (for bytes that are
 * almost UTF-8) where the first byte that is not UTF-8 is: the command line imports it only with `--encoding`.
 */
export function assertConfidentEncoding(decoded: Omit<DecodedInput, "text">, bytes: Uint8Array, file: string): void {
  if (isConfidentEncoding(decoded)) return;
  const invalid = decoded.encoding.startsWith("utf-16") ? null : firstInvalidUtf8(bytes);
  const notUtf8 = invalid == null ? "" : ` It is not UTF-8: line ${invalid.line} has a byte (0x${invalid.byte.toString(16).toUpperCase()}) that UTF-8 does not allow.`;
  throw new ImportError(
    file,
    invalid?.line ?? null,
    `the encoding was guessed as ${decoded.encoding} with ${Math.round(decoded.confidence * 100)}% confidence, which is not sure enough to import.${notUtf8} If ${decoded.encoding} is right, run the import again with --encoding ${decoded.encoding}; otherwise name the file's encoding with --encoding, or save it as UTF-8.`,
  );
}

/** The line and value of the first byte that breaks UTF-8, or null when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; byte: number } | null {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let valid = length > 0 && i + length <= bytes.length && bytes[i + 1] >= low && bytes[i + 1] <= high;
    for (let k = 2; valid && k < length; k++) valid = (bytes[i + k] & 0xc0) === 0x80;
    if (!valid) return { line, byte: b };
    i += length;
  }
  return null;
}

/** The encoding an XML declaration at the start of the bytes names (`<?xml version="1.0" encoding="UTF-8"?>`), lower-cased. */
function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  return /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1].toLowerCase() ?? null;
}

/** chardet's names of the legacy encodings we read, mapped to their WHATWG names. */
const LEGACY_FROM_CHARDET: Record<string, string> = {
  "windows-1251": "windows-1251",
  "KOI8-R": "koi8-r",
  "windows-1252": "windows-1252",
  "ISO-8859-1": "iso-8859-1",
};
/** Cyrillic single-byte encodings chardet may name for Russian text; resolved to Windows-1251 or KOI8-R. */
const CYRILLIC_FAMILY = new Set(["windows-1251", "KOI8-R", "ISO-8859-5", "IBM866", "x-mac-cyrillic"]);

export function decodeInput(bytes: Uint8Array, file = "input", options: DecodeOptions = {}): DecodedInput {
  if (bytes.length === 0) throw new ImportError(file, null, "the file is empty");
  assertByteSize(bytes.length, file);
  const decoded = options.encoding ? { ...decodeDeclared(bytes, options.encoding, file), declared: true } : { ...decodeBytes(bytes, file), declared: false };
  assertTextLike(decoded.text, file);
  if (decoded.text.trim() === "") throw new ImportError(file, null, "the file is empty (it holds only white space)");
  return decoded;
}

const BOMS: Partial<Record<SupportedEncoding, number[]>> = { "utf-8": [0xef, 0xbb, 0xbf], "utf-16le": [0xff, 0xfe], "utf-16be": [0xfe, 0xff] };

/** Reads the bytes in the encoding the caller named; UTF-8 must be valid, and UTF-16 must have whole code units. */
function decodeDeclared(bytes: Uint8Array, encoding: SupportedEncoding, file: string): Omit<DecodedInput, "declared"> {
  const bom = BOMS[encoding];
  const hadBom = bom != null && bom.every((byte, i) => bytes[i] === byte);
  const body = hadBom ? bytes.subarray(bom.length) : bytes;
  if (encoding === "utf-8") {
    const text = tryUtf8(body);
    if (text == null) throw new ImportError(file, null, "the file is not valid UTF-8; choose its encoding or let it be detected");
    return { text, encoding, confidence: 1, hadBom };
  }
  if (encoding.startsWith("utf-16") && body.length % 2 !== 0) {
    throw new ImportError(file, null, `the file has an odd number of bytes, so it cannot be ${encoding.toUpperCase()}`);
  }
  return { text: decodeWith(body, encoding), encoding, confidence: 1, hadBom };
}

function decodeBytes(bytes: Uint8Array, file: string): Omit<DecodedInput, "declared"> {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new ImportError(file, null, `the file is in UTF-32, which is not supported; ${SAVE_AS_UTF8}`);
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3), file), encoding: "utf-8", confidence: 1, hadBom: true };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeWith(bytes.subarray(2), "utf-16le"), encoding: "utf-16le", confidence: 1, hadBom: true };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeWith(bytes.subarray(2), "utf-16be"), encoding: "utf-16be", confidence: 1, hadBom: true };

  if (bytes.includes(0)) return detectUtf16(bytes, file);
  const utf8 = tryUtf8(bytes);
  if (utf8 != null) return { text: utf8, encoding: "utf-8", confidence: 1, hadBom: false };
  const label = xmlDeclaredEncoding(bytes);
  if (label === "utf-8" || label === "utf8") {
    const invalid = firstInvalidUtf8(bytes)!;
    throw new ImportError(
      file,
      invalid.line,
      `the XML declaration says the file is UTF-8, but it is not: this line has a byte (0x${invalid.byte.toString(16).toUpperCase()}) that UTF-8 does not allow; choose the file's real encoding, or save it as UTF-8`,
    );
  }
  return detectLegacy(bytes, file);
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  const text = tryUtf8(bytes);
  if (text == null) {
    throw new ImportError(file, null, "the file starts with a UTF-8 byte order mark but is not valid UTF-8");
  }
  return text;
}

/** Share of UTF-16 code units that are ordinary text characters (ASCII, Latin, Greek, Cyrillic, punctuation). */
function textLikeShare(text: string): number {
  if (text.length === 0) return 0;
  let ordinary = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0x09 || c === 0x0a || c === 0x0d ||
      (c >= 0x20 && c <= 0x7e) ||
      (c >= 0xa0 && c <= 0x24f) ||
      (c >= 0x370 && c <= 0x52f) ||
      (c >= 0x2000 && c <= 0x206f)
    ) {
      ordinary++;
    }
  }
  return ordinary / text.length;
}

/** NUL bytes without a BOM: UTF-16 text if one byte order reads as ordinary text, otherwise a binary file. */
function detectUtf16(bytes: Uint8Array, file: string): Omit<DecodedInput, "declared"> {
  if (bytes.length % 2 === 0) {
    const candidates = (["utf-16le", "utf-16be"] as const).map((encoding) => {
      const text = decodeWith(bytes, encoding);
      return { text, encoding, share: textLikeShare(text) };
    });
    const best = candidates[0].share >= candidates[1].share ? candidates[0] : candidates[1];
    if (best.share >= 0.95) return { text: best.text, encoding: best.encoding, confidence: Math.min(best.share, GUESSED_UTF16_CONFIDENCE), hadBom: false };
  }
  throw binaryError(file, "it contains NUL bytes");
}

function binaryError(file: string, why: string): ImportError {
  return new ImportError(file, null, `this is not a text file (${why}); PDF, Word, image and other binary files cannot be imported — export the text as UTF-8 first`);
}

/** Control characters that never occur in running text (tab, line feed, form feed and carriage return are allowed). */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

function assertTextLike(text: string, file: string): void {
  if (text.includes("\u0000")) throw binaryError(file, "it contains NUL characters");
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 8 && controls / text.length > 0.01) throw binaryError(file, `${controls} control characters`);
}

/** Legacy encodings are guessed from the first 64 KiB, which holds plenty of text for the statistics. */
const SAMPLE_BYTES = 64 * 1024;

function detectLegacy(bytes: Uint8Array, file: string): Omit<DecodedInput, "declared"> {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const matches = chardet.analyse(sample);
  const top = matches[0];
  if (top?.name === "UTF-8") {
    return { text: decodeWith(bytes, "utf-8"), encoding: "utf-8", confidence: top.confidence / 100, hadBom: false };
  }
  const cyrillic = readCyrillic(sample);
  let encoding: string;
  let chardetConfidence: number | undefined;
  if (cyrillic.plausible || (top != null && CYRILLIC_FAMILY.has(top.name))) {
    encoding = cyrillic.encoding;
    chardetConfidence = matches.find((m) => LEGACY_FROM_CHARDET[m.name] === encoding)?.confidence;
  } else {
    const latin = matches.find((m) => LEGACY_FROM_CHARDET[m.name] != null);
    const chardetAgrees =
      top == null || top.confidence === 0 || (latin != null && (latin === top || latin.confidence >= top.confidence * LATIN_RUNNER_UP_SHARE));
    encoding = chooseLatin(bytes);
    if (!chardetAgrees || !isWesternText(decodeWith(sample, encoding))) {
      const supported = top != null && LEGACY_FROM_CHARDET[top.name] != null;
      const named = top != null && top.confidence > 0 ? `${top.name}${top.lang ? ` (${top.lang})` : ""}` : null;
      const guess = named == null ? "" : supported ? ` (it looks most like ${named}, but does not read as Western European text in it)` : ` (it looks most like ${named}, which is not supported)`;
      const invalid = firstInvalidUtf8(bytes);
      const notUtf8 = invalid == null ? "" : `; it is not UTF-8 either: line ${invalid.line} has a byte (0x${invalid.byte.toString(16).toUpperCase()}) that UTF-8 does not allow`;
      throw new ImportError(
        file,
        invalid?.line ?? null,
        `the encoding could not be determined as one of UTF-8, UTF-16, Windows-1251, KOI8-R, Windows-1252, ISO-8859-1 or ISO-8859-15${guess}${notUtf8}; ${SAVE_AS_UTF8}`,
      );
    }
    chardetConfidence = latin?.confidence;
  }
  const confidence = chardetConfidence ? chardetConfidence / 100 : UNLISTED_CONFIDENCE;
  return { text: decodeWith(bytes, encoding), encoding, confidence, hadBom: false };
}

/** Confidence reported for a legacy encoding that chardet did not consider (it often does not for short texts). */
const UNLISTED_CONFIDENCE = 0.1;

/**
 * On short French or Spanish texts chardet often ranks a Central European encoding first with a Western one close
 * behind; genuine Czech, Polish or Hungarian text puts the Western one below half. A Western runner-up with at
 * least this share of the leader's confidence is accepted (if the text also reads as Western European), as is any
 * Western reading when chardet has no opinion at all (confidence 0).
 */
const LATIN_RUNNER_UP_SHARE = 0.6;

/**
 * Whether a Windows-1252 reading looks like Western European text: no Icelandic ð þ ý (what Turkish, Baltic and
 * Central European letters become) and no symbol of 0xA0–0xBF (¹ ³ ¿ ° …) wedged between two letters (what Polish
 * ą ł ż become).
 */
function isWesternText(text: string): boolean {
  return !/[ðþýÐÞÝ]/.test(text) && !/\p{L}[\u00a1-\u00bf]\p{L}/u.test(text);
}

/** Relative frequencies (per mille) of Russian letters; other Cyrillic letters count as rare. */
const RUSSIAN_FREQUENCIES: Record<string, number> = {
  о: 109.7, е: 84.5, а: 80.1, и: 73.5, н: 67, т: 62.6, с: 54.7, р: 47.3, в: 45.4, л: 44, к: 34.9, м: 32.1, д: 29.8,
  п: 28.1, у: 26.2, я: 20.1, ы: 19, ь: 17.4, г: 17, з: 16.5, б: 15.9, ч: 14.4, й: 12.1, х: 9.7, ж: 9.4, ш: 7.3,
  ю: 6.4, ц: 4.8, щ: 3.6, э: 3.2, ф: 2.6, ъ: 0.4, ё: 0.4,
};
/** Box-drawing and mathematical signs: KOI8-R's upper half read as anything else, or vice versa. */
const PSEUDOGRAPHICS = /[\u2219-\u22ff\u2320\u2321\u2500-\u25ff\u00b2\u00b7\u00f7]/u;

/**
 * How Russian-like a reading is: the mean log frequency of its Cyrillic letters (pseudographics count as very
 * rare), plus the share of lower-case letters (running text is mostly lower case, and the two encodings swap
 * cases), minus twice the share of words that switch from lower to upper case inside (“жАЖДА”).
 */
function russianScore(text: string): number {
  let logSum = 0;
  let letters = 0;
  let lower = 0;
  for (const char of text) {
    if (/\p{Script=Cyrillic}/u.test(char)) {
      const small = char.toLowerCase();
      logSum += Math.log(RUSSIAN_FREQUENCIES[small] ?? 0.1);
      letters += 1;
      if (char === small) lower += 1;
    } else if (PSEUDOGRAPHICS.test(char)) {
      logSum += Math.log(0.01);
      letters += 1;
    }
  }
  if (letters === 0) return -Infinity;
  const words = text.match(/\p{Script=Cyrillic}+/gu) ?? [];
  const anomalous = words.filter((word) => /\p{Ll}\p{Lu}/u.test(word)).length;
  return logSum / letters + lower / letters - (2 * anomalous) / Math.max(words.length, 1);
}

/**
 * Reads the bytes as Windows-1251 and as KOI8-R and keeps the likelier Russian reading (see russianScore). The
 * reading is `plausible` Cyrillic text when most words are Cyrillic and nearly all Cyrillic words are purely
 * Cyrillic with a normal case pattern (a Latin text read as Windows-1251 gives words like “йcrit”).
 */
function readCyrillic(bytes: Uint8Array): { encoding: string; plausible: boolean } {
  const readings = ["windows-1251", "koi8-r"].map((encoding) => {
    const text = decodeWith(bytes, encoding);
    return { encoding, text, score: russianScore(text) };
  });
  const best = readings[0].score >= readings[1].score ? readings[0] : readings[1];
  const words = best.text.match(/\p{L}+/gu) ?? [];
  const cyrillicWords = words.filter((word) => /\p{Script=Cyrillic}/u.test(word));
  const wellFormed = cyrillicWords.filter((word) => !/\p{Script=Latin}/u.test(word) && !/\p{Ll}\p{Lu}/u.test(word));
  const plausible = cyrillicWords.length > 0 && cyrillicWords.length > words.length / 2 && wellFormed.length >= cyrillicWords.length * 0.9;
  return { encoding: best.encoding, plausible };
}

/**
 * Bytes 0x80–0x9F are printable only in Windows-1252 (“ ” — € œ …); without them, Latin-9 is preferred when the
 * file has its € (0xA4, ¤ in Latin-1) or its Œ œ Ÿ (0xBC–0xBE, fractions in Latin-1) next to a letter; else ISO-8859-1.
 * Latin-9's Š š Ž ž are not used as evidence: their bytes are Latin-1 accents (´ ¸) that sloppy typing puts in words.
 */
function chooseLatin(bytes: Uint8Array): string {
  if (bytes.some((b) => b >= 0x80 && b <= 0x9f)) return "windows-1252";
  const isLetterByte = (b: number | undefined) =>
    b != null && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0xc0 && b !== 0xd7 && b !== 0xf7));
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0xa4) return "iso-8859-15";
    if (b >= 0xbc && b <= 0xbe && (isLetterByte(bytes[i - 1]) || isLetterByte(bytes[i + 1]))) {
      return "iso-8859-15";
    }
  }
  return "iso-8859-1";
}
