/**
 * Which edition a work is aligned around (its pivot), chosen by rule and explained in words. In order:
 * 1. the original (a published one before an imported one): every other edition is a translation of it;
 * 2. when no original is present, the published text the working translations were made from (`translatedFrom`):
 *    they follow it sentence by sentence, so it is what they can be aligned to most faithfully;
 * 3. a published text;
 * 4. an edition that stands in for the original (e.g. a working translation into the original's language);
 * 5. the first edition with text.
 * Only current editions (not earlier witnesses) with text are candidates.
 */
import { languageName, type ProvenanceKind } from "./provenance";

export interface PivotCandidate {
  id: string;
  slug: string;
  language: string;
  provenance: ProvenanceKind;
  isOriginal: boolean;
  standsInForOriginal: boolean;
  /** The slug of the edition this one was translated from. */
  translatedFrom: string | null;
  /** Not replaced by a newer text. */
  current: boolean;
  hasText: boolean;
}

export type PivotRule = "original" | "translations-source" | "published" | "stands-in" | "first";

export interface PivotChoice<T extends PivotCandidate> {
  edition: T;
  rule: PivotRule;
  /** Why this edition is the pivot, in one sentence that names it by slug. */
  reason: string;
}

const RANK: Record<PivotRule, number> = { original: 0, "translations-source": 1, published: 2, "stands-in": 3, first: 4 };

function list(slugs: string[]): string {
  return slugs.length <= 1 ? (slugs[0] ?? "") : `${slugs.slice(0, -1).join(", ")} and ${slugs.at(-1)}`;
}

/** The editions made from `source`, current, by slug. */
function madeFrom<T extends PivotCandidate>(editions: readonly T[], source: T): T[] {
  return editions.filter((e) => e.current && e.translatedFrom === source.slug && e.id !== source.id);
}

/** How the rule ranks one edition among the others (lower is preferred), with the reason it would give. */
export function rankEdition<T extends PivotCandidate>(edition: T, editions: readonly T[]): { rule: PivotRule; reason: string } {
  const name = `${edition.slug} (${languageName(edition.language)})`;
  const standIns = editions.filter((e) => e.current && e.standsInForOriginal && e.id !== edition.id).map((e) => e.slug);
  const noOriginal = `no original text of the work is present${standIns.length ? ` (${list(standIns)} only stand${standIns.length === 1 ? "s" : ""} in for it)` : ""}`;
  if (edition.isOriginal) {
    return { rule: "original", reason: `${name} is the pivot because it is the original text of the work; every other edition is aligned to it.` };
  }
  const translations = madeFrom(editions, edition);
  if (edition.provenance !== "working_translation" && translations.length > 0) {
    const kind = edition.provenance === "published" ? "published" : "imported";
    return {
      rule: "translations-source",
      reason: `${name} is the pivot because ${noOriginal}, and it is the ${kind} text the working translations ${list(translations.map((e) => e.slug))} were made from, so they follow it most closely.`,
    };
  }
  if (edition.provenance === "published") {
    return { rule: "published", reason: `${name} is the pivot because ${noOriginal} and it is a published text.` };
  }
  if (edition.standsInForOriginal) {
    return { rule: "stands-in", reason: `${name} is the pivot because it stands in for the original, which is not present, and no published text is.` };
  }
  return { rule: "first", reason: `${name} is the pivot because no original, published text or stand-in for the original is present; it is the first edition with text.` };
}

/** The edition the rule chooses, or null when no current edition has text. Ties go to the first in display order. */
export function choosePivotByRule<T extends PivotCandidate>(editions: readonly T[]): PivotChoice<T> | null {
  let best: PivotChoice<T> | null = null;
  for (const edition of editions) {
    if (!edition.current || !edition.hasText) continue;
    const ranked = rankEdition(edition, editions);
    const better =
      best === null ||
      RANK[ranked.rule] < RANK[best.rule] ||
      (ranked.rule === "original" && best.rule === "original" && edition.provenance === "published" && best.edition.provenance !== "published");
    if (better) best = { edition, ...ranked };
  }
  return best;
}

/**
 * Why the work's pivot is what it is: the rule's reason when the rule chooses it; otherwise a sentence saying it was
 * chosen when the work was last aligned and which edition the rule would choose, and why.
 */
export function explainPivot<T extends PivotCandidate>(pivot: T | null, editions: readonly T[]): string {
  const chosen = choosePivotByRule(editions);
  if (pivot === null) return chosen ? `The work has no pivot yet; aligning it will use ${chosen.reason.replace(/ is the pivot because /, ", because ")}` : "The work has no edition with text to align.";
  if (chosen && chosen.edition.id === pivot.id) return chosen.reason;
  const own = `${pivot.slug} (${languageName(pivot.language)}) is the pivot because it was chosen when the work was last aligned.`;
  return chosen ? `${own} By the rule the pivot would be ${chosen.reason.replace(/ is the pivot because /, ", because ")}` : own;
}

/** Whether `candidate` should take the pivot from `current` when it is imported: the rule chooses it and ranks it higher. */
export function takesPivot<T extends PivotCandidate>(candidate: T, current: T | null, editions: readonly T[]): boolean {
  const chosen = choosePivotByRule(editions);
  if (!chosen || chosen.edition.id !== candidate.id) return false;
  if (current === null || !current.current) return true;
  return RANK[chosen.rule] < RANK[rankEdition(current, editions).rule];
}
