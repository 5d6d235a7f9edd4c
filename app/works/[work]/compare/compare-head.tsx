import { ProvenanceBadges } from "@/app/components/provenance-badges";
import { TitleOurs } from "@/app/components/title-ours";
import type { ProvenanceKind } from "@/lib/editions/provenance";

/** What a column's head says of its edition (prepared on the server, drawn with the rows: compare-row.tsx). */
export interface HeadColumn {
  slug: string;
  language: string;
  title: string;
  titleOurs: boolean;
  /** Place and year of the edition, as the imprint gives them. */
  imprint: string;
  provenance: ProvenanceKind;
  isOriginal: boolean;
  standsInForOriginal: boolean;
  witness: { replacedOn: string; replacedBy: { slug: string; title: string; language: string }; inGrid: boolean } | null;
}

/**
 * The compare view's header row: what the rows' margins hold (said once here, not on every row), then each shown
 * edition's title, language and imprint, provenance and role.
 */
export function CompareHead({ columns }: { columns: HeadColumn[] }) {
  return (
    <div className="grid-head" role="row">
      <div role="columnheader" title="Each row's number, how sure its alignment is, and how far each edition's words diverge from the base">
        Row<span className="visually-hidden">: number, alignment confidence, word divergence per edition</span>
      </div>
      {columns.map((edition) => (
        <div key={edition.slug} role="columnheader" data-edition={edition.slug}>
          <div className="column-title" lang={edition.language}>
            {edition.title}
          </div>
          <TitleOurs ours={edition.titleOurs} />
          <div className="column-meta">
            <span>{`${edition.language} · ${edition.imprint}`}</span>
            <ProvenanceBadges {...edition} />
            {edition.witness ? (
              <span className="witness-note">
                Earlier witness ({edition.slug}), replaced on {edition.witness.replacedOn} by <span lang={edition.witness.replacedBy.language}>{edition.witness.replacedBy.title}</span> (
                {edition.witness.replacedBy.slug}).
                {edition.witness.inGrid ? null : " Its text is not in the alignment grid, so its cells are empty."}
              </span>
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}
