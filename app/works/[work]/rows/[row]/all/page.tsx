import Link from "next/link";
import { notFound } from "next/navigation";
import { readDb } from "@/lib/db/client";
import { findRow } from "@/lib/db/compare/find-row";
import { getRowCells } from "@/lib/db/search/get-row-cells";
import { languageName } from "@/lib/editions/provenance";
import { Passage } from "@/app/components/passage";
import { ProvenanceBadges } from "@/app/components/provenance-badges";
import { TitleOurs } from "@/app/components/title-ours";
import { loadWork } from "../../../load-work";
import { RowParam } from "../../row-param";
import "../../../compare/reading-layout.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string; row: string }> };

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `One row, every edition · ${(await loadWork(work)).title}` };
}

/**
 * One row in every edition of the work, each with its language, editions of one language together: the way to read
 * many translations of one passage side by side, beyond the columns the compare view shows. Earlier witnesses follow
 * when they have text in the row.
 */
export default async function RowAllEditionsPage({ params }: Props) {
  const { work: slug, row: rowParam } = await params;
  const ref = RowParam.safeParse(rowParam);
  if (!ref.success) notFound();
  const work = await loadWork(slug);
  const row = await findRow(readDb(), work.id, ref.data);
  if (!row) notFound();
  const editions = [...work.editions, ...work.earlierWitnesses.filter((witness) => witness.inGrid)];
  const [cells] = await getRowCells(readDb(), work.id, [row.id], editions.map((edition) => edition.id));
  const witnessIds = new Set(work.earlierWitnesses.map((witness) => witness.id));
  const shown = editions.filter((edition) => !witnessIds.has(edition.id) || cells.cells[edition.id].length > 0);
  /* Editions of one language side by side, languages in the work's order (the pivot's first), earlier witnesses last. */
  const languageOrder = [...new Set(work.editions.map((edition) => edition.language))];
  const rank = (edition: (typeof shown)[number]) => (witnessIds.has(edition.id) ? languageOrder.length : languageOrder.indexOf(edition.language));
  const ordered = shown.map((edition, index) => ({ edition, index })).sort((a, b) => rank(a.edition) - rank(b.edition) || a.index - b.index);
  const languages = languageOrder.length;
  const base = `/works/${slug}/rows`;

  return (
    <>
      <p className="breadcrumbs">
        <Link href="/">Works</Link> › <Link href={`/works/${slug}/compare#r${row.number}`}>{work.title}</Link> › Row {row.number}
      </p>
      <h1 className="compare-title">Row {row.number} in every edition</h1>
      <nav className="row-all-nav" aria-label="Rows">
        {row.number > 1 ? <Link href={`${base}/${row.number - 1}/all`}>← Row {row.number - 1}</Link> : null}
        <span>
          Row {row.number} of {row.rowCount}: {work.editions.length} editions in {languages} language{languages === 1 ? "" : "s"}
        </span>
        {row.number < row.rowCount ? <Link href={`${base}/${row.number + 1}/all`}>Row {row.number + 1} →</Link> : null}
        <Link href={`/works/${slug}/compare#r${row.number}`}>Show it in the compare view</Link>
        <Link href={`${base}/${row.id}`}>History and word links</Link>
      </nav>
      <ul className="row-all-list">
        {ordered.map(({ edition }) => {
          const segments = cells.cells[edition.id];
          return (
            <li key={edition.id} data-edition={edition.slug}>
              <p className="row-all-language">
                {languageName(edition.language)} ({edition.language}){witnessIds.has(edition.id) ? " · earlier witness" : ""}
              </p>
              <h2>
                <Link href={`/works/${slug}/editions/${edition.slug}`} lang={edition.language}>
                  {edition.title}
                </Link>{" "}
                <span className="row-all-slug">({edition.slug})</span>
              </h2>
              <p className="column-meta">
                <span>{[edition.place, edition.year].filter(Boolean).join(" ")}</span> <TitleOurs ours={edition.titleOurs} /> <ProvenanceBadges {...edition} />
              </p>
              {segments.length > 0 ? (
                <div className="cell" lang={edition.language}>
                  <Passage segments={segments} notesHref={`/works/${slug}/editions/${edition.slug}`} />
                </div>
              ) : (
                <p className="cell empty">No text in this edition for this row.</p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
