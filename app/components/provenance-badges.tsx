import { PROVENANCE_LABEL, type ProvenanceKind } from "@/lib/editions/provenance";

const CLASS: Record<ProvenanceKind, string> = {
  published: "badge badge-published",
  working_translation: "badge badge-working",
  imported: "badge badge-imported",
};

export function ProvenanceBadges({ provenance, isOriginal }: { provenance: ProvenanceKind; isOriginal: boolean }) {
  return (
    <>
      <span className={CLASS[provenance]} data-provenance={provenance}>
        {PROVENANCE_LABEL[provenance]}
        {provenance === "working_translation" ? <span className="visually-hidden"> (not the published text)</span> : null}
      </span>{" "}
      <span className={isOriginal ? "badge badge-original" : "badge"}>{isOriginal ? "Original" : "Translation"}</span>
    </>
  );
}
