/**
 * Reads an edition file in the plain-text format with its side files (apparatus, corrections): regular files only,
 * side files inside the edition's folder, each within the size and line limits, and the segments of the edition and
 * its apparatus counted together against the segment limit as they are made.
 */
import { createHash, type Hash } from "node:crypto";
import path from "node:path";
import { type EditionDocument, ImportError, readingFile } from "../text/edition-document";
import { parseCorrections, parseEditionText } from "../text/edition-format";
import { SegmentBudget } from "../text/limits";
import { readRegularFile, sideFilePath } from "./read-regular-file";

export interface EditionFile {
  document: EditionDocument;
  /** SHA-256 over the edition file and its side files: the same files give the same checksum. */
  checksum: string;
  fileName: string;
}

function readUtf8(file: string, displayName: string, bytes = readRegularFile(file, displayName)): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(displayName, null, "the file is not valid UTF-8");
  }
}

/** Hashes one file's text framed by its role and length, so that text moved from one file to the next changes the checksum. */
function hashPart(hash: Hash, role: string, text: string): void {
  hash.update(`${role}\u0000${Buffer.byteLength(text)}\u0000`).update(text);
}

export function readEditionFile(file: string): EditionFile {
  return readingFile(path.basename(file), () => readEdition(file));
}

function readEdition(file: string): EditionFile {
  const fileName = path.basename(file);
  const text = readUtf8(file, fileName);
  const hash = createHash("sha256");
  hashPart(hash, "edition", text);
  const budget = new SegmentBudget();
  const parsed = parseEditionText(text, fileName, budget);
  const side = (name: string, key: "apparatus" | "corrections") => {
    const line = parsed.sideFileLines[key];
    const sidePath = sideFilePath(file, name, fileName, key, line);
    let bytes: Buffer;
    try {
      bytes = readRegularFile(sidePath, name, { followLinks: false });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      throw new ImportError(fileName, line, `front matter “${key}”: ${name}: ${error.reason}`);
    }
    return readUtf8(sidePath, name, bytes);
  };
  let apparatus: EditionDocument["apparatus"] = null;
  if (parsed.apparatusFile) {
    const apparatusText = side(parsed.apparatusFile, "apparatus");
    hashPart(hash, "apparatus", apparatusText);
    const apparatusDoc = parseEditionText(apparatusText, parsed.apparatusFile, budget);
    if (apparatusDoc.meta.work !== parsed.meta.work || apparatusDoc.meta.edition !== parsed.meta.edition) {
      throw new ImportError(parsed.apparatusFile, 1, `the apparatus belongs to ${apparatusDoc.meta.work}/${apparatusDoc.meta.edition}, not ${parsed.meta.work}/${parsed.meta.edition}`);
    }
    apparatus = { blocks: apparatusDoc.blocks };
  }
  let corrections: EditionDocument["corrections"] = [];
  if (parsed.correctionsFile) {
    const correctionsText = side(parsed.correctionsFile, "corrections");
    hashPart(hash, "corrections", correctionsText);
    corrections = parseCorrections(correctionsText, parsed.correctionsFile);
  }
  return {
    document: { meta: parsed.meta, blocks: parsed.blocks, apparatus, corrections },
    checksum: hash.digest("hex"),
    fileName,
  };
}
