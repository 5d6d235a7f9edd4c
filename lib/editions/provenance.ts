/** How an edition's provenance is named wherever it is shown or exported: a working translation is never presented as a published text. */

export type ProvenanceKind = "published" | "working_translation" | "imported";

export const PROVENANCE_LABEL: Record<ProvenanceKind, string> = {
  published: "Published text",
  working_translation: "Working translation",
  imported: "Imported",
};

export interface ProvenanceFacts {
  provenance: ProvenanceKind;
  importedByName?: string | null;
  importedAt?: Date | null;
  publisher?: string | null;
  place?: string | null;
  year?: number | null;
}

/** One sentence saying what the text is, e.g. for a working translation which published edition it stands in for. */
export function provenanceStatement(facts: ProvenanceFacts): string {
  const edition = [facts.place, facts.publisher, facts.year].filter(Boolean).join(", ");
  switch (facts.provenance) {
    case "published":
      return `The text of the published edition${edition ? ` (${edition})` : ""}.`;
    case "working_translation":
      return `A working translation made for Hexapla, not the published text${edition ? `: it stands in for the edition ${edition}` : ""}.`;
    case "imported": {
      const who = facts.importedByName ? ` by ${facts.importedByName}` : "";
      const when = facts.importedAt ? ` on ${facts.importedAt.toISOString().slice(0, 10)}` : "";
      return `Imported${who}${when}.`;
    }
  }
}
