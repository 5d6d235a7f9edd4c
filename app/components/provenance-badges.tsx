import { PROVENANCE_LABEL, roleBadgeLabel, roleLabel, type ProvenanceKind } from "@/lib/editions/provenance";

const CLASS: Record<ProvenanceKind, string> = {
  published: "badge badge-published",
  working_translation: "badge badge-working",
  imported: "badge badge-imported",
};

interface Props {
  provenance: ProvenanceKind;
  isOriginal: boolean;
  standsInForOriginal: boolean;
  language: string;
}

/**
 * An edition's provenance and role as two badges, e.g. "Published text" "Translation". An edition that stands in for
 * the original reads as one label, "Working translation (stands in for the Russian original)", never as "Original".
 */
export function ProvenanceBadges(edition: Props) {
  const { provenance, isOriginal } = edition;
  const hidden = provenance === "working_translation" ? <span className="visually-hidden"> (not the published text)</span> : null;
  if (edition.standsInForOriginal && !isOriginal) {
    return (
      <span className={`${CLASS[provenance]} badge-stands-in`} data-provenance={provenance} data-role="stands-in-for-original">
        {roleLabel(edition)}
        {hidden}
      </span>
    );
  }
  return (
    <>
      <span className={CLASS[provenance]} data-provenance={provenance}>
        {PROVENANCE_LABEL[provenance]}
        {hidden}
      </span>{" "}
      <span className={isOriginal ? "badge badge-original" : "badge"} data-role={isOriginal ? "original" : "translation"}>
        {roleBadgeLabel(edition)}
      </span>
    </>
  );
}
