/**
 * How an edition's provenance and role are named wherever it is shown or exported: a working translation is never
 * presented as a published text, and an edition that stands in for the original is never called the original.
 */

export type ProvenanceKind = "published" | "working_translation" | "imported";

export const PROVENANCE_LABEL: Record<ProvenanceKind, string> = {
  published: "Published text",
  working_translation: "Working translation",
  imported: "Imported",
};

/** The kind of a provenance as files write it (`working-translation`) or as the database stores it (`working_translation`). */
export function provenanceKind(provenance: "published" | "working-translation" | "working_translation" | "imported"): ProvenanceKind {
  return provenance === "working-translation" ? "working_translation" : provenance;
}

/** The English name of a language code (`ru` → Russian), or the code when it has none. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export interface EditionRole {
  provenance: ProvenanceKind;
  isOriginal: boolean;
  standsInForOriginal?: boolean | null;
  language: string;
}

/**
 * What the edition is to the work, in words: "Original", "Translation", or, for an edition that stands in for the
 * original without being it, "Working translation (stands in for the Russian original)".
 */
export function roleLabel(edition: EditionRole): string {
  if (edition.isOriginal) return "Original";
  if (edition.standsInForOriginal) return `${PROVENANCE_LABEL[edition.provenance]} (stands in for the ${languageName(edition.language)} original)`;
  return "Translation";
}

/** The same, shorter, where the provenance is named beside it: "Original", "Translation", "Stands in for the Russian original". */
export function roleBadgeLabel(edition: EditionRole): string {
  if (edition.isOriginal) return "Original";
  if (edition.standsInForOriginal) return `Stands in for the ${languageName(edition.language)} original`;
  return "Translation";
}

export interface ProvenanceFacts {
  provenance: ProvenanceKind;
  importedByName?: string | null;
  importedAt?: Date | null;
  publisher?: string | null;
  place?: string | null;
  year?: number | null;
  language?: string;
  standsInForOriginal?: boolean | null;
  /** The slug of the edition a working translation was made from. */
  translatedFrom?: string | null;
  /** When it was made: a date, or `made/last revised`. */
  made?: string | null;
}

/** "on 2026-11-25", or "on 2026-11-25, last revised on 2026-12-06" for `2026-11-25/2026-12-06`. */
export function madeWords(made: string): string {
  const [first, last] = made.split("/");
  return last ? `on ${first}, last revised on ${last}` : `on ${first}`;
}

/** One sentence saying what the text is, e.g. for a working translation what it was made from and which published edition it stands in for. */
export function provenanceStatement(facts: ProvenanceFacts): string {
  const edition = [facts.place, facts.publisher, facts.year].filter(Boolean).join(", ");
  switch (facts.provenance) {
    case "published": {
      const standsFor = facts.standsInForOriginal ? `; it stands in for the ${facts.language ? `${languageName(facts.language)} ` : ""}original, which it is not` : "";
      return `The text of the published edition${edition ? ` (${edition})` : ""}${standsFor}.`;
    }
    case "working_translation": {
      const from = facts.translatedFrom ? ` from the edition ${facts.translatedFrom}` : "";
      const when = facts.made ? ` ${madeWords(facts.made)}` : "";
      const standsFor = facts.standsInForOriginal
        ? `: it stands in for the ${facts.language ? `${languageName(facts.language)} ` : ""}original${edition ? ` (${edition})` : ""}, which it is not`
        : edition
          ? `: it stands in for the edition ${edition}`
          : "";
      return `A working translation made for Hexapla${from}${when}, not the published text${standsFor}.`;
    }
    case "imported": {
      const who = facts.importedByName ? ` by ${facts.importedByName}` : "";
      const when = facts.importedAt ? ` on ${facts.importedAt.toISOString().slice(0, 10)}` : "";
      const standsFor = facts.standsInForOriginal ? `; it stands in for the ${facts.language ? `${languageName(facts.language)} ` : ""}original, which it is not` : "";
      return `Imported${who}${when}${standsFor}.`;
    }
  }
}
