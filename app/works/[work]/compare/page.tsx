import Link from "next/link";
import { notFound } from "next/navigation";
import { parseEditionSelection } from "@/lib/compare/edition-selection";
import { getCompareRows } from "@/lib/db/compare/get-compare-rows";
import { NotFoundError } from "@/lib/db/errors";
import { getWork } from "@/lib/db/works/get-work";
import { Passage } from "@/app/components/passage";
import { ProvenanceBadges } from "@/app/components/provenance-badges";
import { EditionPicker } from "./edition-picker";
import { JumpToRow } from "./jump-to-row";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadWork(slug: string) {
  try {
    return await getWork(slug);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `Compare · ${(await loadWork(work)).title}` };
}

export default async function ComparePage({ params, searchParams }: Props) {
  const { work: workSlug } = await params;
  const query = await searchParams;
  const work = await loadWork(workSlug);
  const selection = parseEditionSelection(query.editions, work.editions.map((edition) => edition.slug));
  const columns = selection.slugs.map((slug) => work.editions.find((edition) => edition.slug === slug)!);
  const rows = await getCompareRows(work.id, columns.map((edition) => edition.id));

  return (
    <>
      <p>
        <Link href="/">Works</Link> › {work.title}
      </p>
      <h1>Compare: {work.title}</h1>
      <div className="compare-toolbar">
        <EditionPicker
          editions={work.editions.map((edition) => ({
            slug: edition.slug,
            title: edition.title,
            language: edition.language,
            workingTranslation: edition.provenance === "working_translation",
          }))}
          selected={selection.slugs}
        />
        <div>
          <JumpToRow rowCount={rows.length} />
          <p className="lede">{rows.length} aligned rows.</p>
        </div>
      </div>
      {selection.error ? (
        <p role="alert" className="provenance-box">
          The address asked for an edition choice that does not work ({selection.error}); showing the first editions instead.
        </p>
      ) : null}
      <div className="grid" style={{ "--columns": columns.length } as React.CSSProperties} role="table" aria-label={`${work.title}, aligned editions`}>
        <div className="grid-head" role="row">
          <div role="columnheader">Row</div>
          {columns.map((edition) => (
            <div key={edition.id} role="columnheader" data-edition={edition.slug}>
              <div className="column-title" lang={edition.language}>
                {edition.title}
              </div>
              <div className="column-meta">
                <span>
                  {edition.language} · {[edition.place, edition.year].filter(Boolean).join(" ")}
                </span>
                <ProvenanceBadges provenance={edition.provenance} isOriginal={edition.isOriginal} />
              </div>
            </div>
          ))}
        </div>
        {rows.map((row) => (
          <div key={row.id} id={`r${row.number}`} className="grid-row" role="row" data-row-id={row.id} tabIndex={-1}>
            <div className="row-number" role="rowheader">
              <a href={`#r${row.number}`} aria-label={`Row ${row.number}, link`}>
                {row.number}
              </a>
              <span className="row-status">
                {row.status === "confirmed" ? "confirmed" : row.confidence != null ? `${Math.round(row.confidence * 100)}%` : ""}
              </span>
            </div>
            {columns.map((edition) => {
              const segments = row.cells[edition.id];
              return (
                <div key={edition.id} role="cell" className={segments.length ? "cell" : "cell empty"} lang={edition.language}>
                  {segments.length ? (
                    <Passage segments={segments} notesHref={`/works/${work.slug}/editions/${edition.slug}`} />
                  ) : (
                    <span className="visually-hidden">No text in this edition</span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}
