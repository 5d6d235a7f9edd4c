/**
 * Anchors of a cell as marks for the compare view: every anchor found in the cell, or only those that some
 * chosen edition lacks, each labelled with the editions it is missing in; and, for the cell itself, the
 * anchors other editions have and it lacks.
 */
import { nameKeyCandidates, nameKeysMatch } from "../text/name-key";
import { extractAnchors, impliedKeys, type Anchor, type AnchorDifference } from "./anchors";
import type { TextMark } from "./text-marks";

export type AnchorMarkMode = "all" | "differing";

/** Anchors found per language and text, kept between requests (finding them tokenises the text); cleared when full. */
const found = new Map<string, readonly Anchor[]>();

function anchorsOf(text: string, lang: string): readonly Anchor[] {
  const key = `${lang}\u0000${text}`;
  let anchors = found.get(key);
  if (!anchors) {
    if (found.size >= 20_000) found.clear();
    anchors = extractAnchors(text, lang);
    found.set(key, anchors);
  }
  return anchors;
}

/** True when an anchor found in a cell is (or attests) the anchor a difference is about. */
export function anchorMatches(anchor: Anchor, difference: Pick<AnchorDifference, "key" | "kind">, lang: string): boolean {
  if (difference.kind === "name") {
    if (anchor.kind !== "name") return false;
    const key = difference.key.slice("name:".length);
    return nameKeyCandidates(anchor.text, lang).some((candidate) => nameKeysMatch(candidate, key));
  }
  return impliedKeys(anchor).includes(difference.key);
}

/**
 * Marks for the anchors of `text`: kind "anchor-differs" (labelled "missing in …", with `editionLabel`
 * naming editions) for anchors of a difference, kind "anchor" for the others when `mode` is "all".
 */
export function anchorMarks(
  text: string,
  lang: string,
  differences: readonly AnchorDifference[],
  mode: AnchorMarkMode,
  editionLabel: (editionId: string) => string,
): TextMark[] {
  if (mode === "differing" && differences.length === 0) return [];
  return anchorsOf(text, lang).flatMap((anchor): TextMark[] => {
    const difference = differences.find((candidate) => anchorMatches(anchor, candidate, lang));
    if (difference) {
      const label = `${anchor.text}: missing in ${difference.missingIn.map(editionLabel).join(", ")}`;
      return [{ start: anchor.start, end: anchor.end, kind: "anchor-differs", label }];
    }
    return mode === "all" ? [{ start: anchor.start, end: anchor.end, kind: "anchor" }] : [];
  });
}

/** The differences whose anchor the edition lacks. */
export function missingIn(differences: readonly AnchorDifference[], editionId: string): AnchorDifference[] {
  return differences.filter((difference) => difference.missingIn.includes(editionId));
}
