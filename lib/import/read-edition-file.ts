/** Reads an edition file in the plain-text format with its side files (apparatus, corrections). */
import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type EditionDocument, ImportError } from "../text/edition-document";
import { parseCorrections, parseEditionText } from "../text/edition-format";

export interface EditionFile {
  document: EditionDocument;
  /** SHA-256 over the edition file and its side files: the same files give the same checksum. */
  checksum: string;
  fileName: string;
}

function readUtf8(file: string, displayName: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new ImportError(displayName, null, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(displayName, null, "the file is not valid UTF-8");
  }
}

function sideFile(base: string, name: string, owner: string, line: string): string {
  const resolved = path.resolve(path.dirname(base), name);
  if (!fs.existsSync(resolved)) throw new ImportError(owner, null, `front matter “${line}”: file ${name} not found`);
  return resolved;
}

/** Hashes one file's text framed by its role and length, so that text moved from one file to the next changes the checksum. */
function hashPart(hash: Hash, role: string, text: string): void {
  hash.update(`${role}\u0000${Buffer.byteLength(text)}\u0000`).update(text);
}

export function readEditionFile(file: string): EditionFile {
  const fileName = path.basename(file);
  const text = readUtf8(file, fileName);
  const hash = createHash("sha256");
  hashPart(hash, "edition", text);
  const parsed = parseEditionText(text, fileName);
  let apparatus: EditionDocument["apparatus"] = null;
  if (parsed.apparatusFile) {
    const apparatusPath = sideFile(file, parsed.apparatusFile, fileName, "apparatus");
    const apparatusText = readUtf8(apparatusPath, parsed.apparatusFile);
    hashPart(hash, "apparatus", apparatusText);
    const apparatusDoc = parseEditionText(apparatusText, parsed.apparatusFile);
    if (apparatusDoc.meta.work !== parsed.meta.work || apparatusDoc.meta.edition !== parsed.meta.edition) {
      throw new ImportError(parsed.apparatusFile, 1, `the apparatus belongs to ${apparatusDoc.meta.work}/${apparatusDoc.meta.edition}, not ${parsed.meta.work}/${parsed.meta.edition}`);
    }
    apparatus = { blocks: apparatusDoc.blocks };
  }
  let corrections: EditionDocument["corrections"] = [];
  if (parsed.correctionsFile) {
    const correctionsPath = sideFile(file, parsed.correctionsFile, fileName, "corrections");
    const correctionsText = readUtf8(correctionsPath, parsed.correctionsFile);
    hashPart(hash, "corrections", correctionsText);
    corrections = parseCorrections(correctionsText, parsed.correctionsFile);
  }
  return {
    document: { meta: parsed.meta, blocks: parsed.blocks, apparatus, corrections },
    checksum: hash.digest("hex"),
    fileName,
  };
}
