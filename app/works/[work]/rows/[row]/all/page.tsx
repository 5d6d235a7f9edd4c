import Link from "next/link";
import { notFound } from "next/navigation";
import { readDb } from "@/lib/db/client";
import { findRow } from "@/lib/db/compare/find-row";
import { getRowCells } from "@/lib/db/search/get-row-cells";
import { getRowLinks } from "@/lib/db/words/get-row-links";
import { chooseBase } from "@/lib/compare/choose-base";
import { DEFAULT_VIEW_PARAMS } from "@/lib/diff/view-params";
import { countWordMarks } from "@/lib/diff/word-mark-counts";
import { languageName } from "@/lib/editions/provenance";
import { MarkedPassage } from "@/app/components/marked-passage";
import { ProvenanceBadges } from "@/app/components/provenance-badges";
import { TitleOurs } from "@/app/components/title-ours";
import { WordLegend } from "@/app/components/word-legend";
import { WordSummary } from "@/app/components/word-summary";
import { prepareRows } from "../../../compare/prepare-rows";
import { loadWork } from "../../../load-work";
import { RowParam } from "../../row-param";
import "../../../compare/reading-layout.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string; row: string }>; searchParams: Promise<{ base?: string | string[] }> };

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `One row, every edition · ${(await loadWork(work)).title}` };
}

/**
 * One row in every edition of the work, each with its language, editions of one language together: the way to read
 * many translations of one passage side by side, beyond the columns the compare view shows. Earlier witnesses follow
 * when they have text in the row. Each current edition's words are marked against a base (the pivot, or `?base=`):
 * what it adds (no counterpart in the base) and what it renders only weakly, with its word divergence from the base;
 * the base's own words left out by others are not marked here, where dozens of editions would mark nearly all.
 */
export default async function RowAllEditionsPage({ params, searchParams }: Props) {
  const { work: slug, row: rowParam } = await params;
  const asked = (await searchParams).base;
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

  const current = ordered.map(({ edition }) => edition).filter((edition) => !witnessIds.has(edition.id) && cells.cells[edition.id].length > 0);
  const wordBase = chooseBase(typeof asked === "string" ? asked : null, current, work.pivotEditionId);
  const wordLinks = wordBase && current.length > 1 ? await getRowLinks(readDb(), [cells], current) : null;
  const [prepared] = prepareRows({
    rows: [cells],
    columns: ordered.map(({ edition }) => edition),
    view: { ...DEFAULT_VIEW_PARAMS, anchors: "none" },
    pair: null,
    signals: new Map(),
    variants: new Map(),
    wordLinks,
    base: wordBase,
  });
  const wordMarksOf = (editionId: string) => (prepared.cells.find((cell) => cell.edition.id === editionId)?.wordMarks ?? []).filter((mark) => mark.kind !== "word-omitted");
  const divergenceOf = (editionId: string) => prepared.cells.find((cell) => cell.edition.id === editionId)?.divergence;

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
      {wordBase && wordLinks ? (
        <form className="row-all-base" method="get">
          <label htmlFor="word-base">Words marked against</label>{" "}
          <select id="word-base" name="base" defaultValue={wordBase.slug}>
            {current.map((edition) => (
              <option key={edition.id} value={edition.slug}>
                {edition.title} ({edition.slug})
              </option>
            ))}
          </select>{" "}
          <button type="submit" className="button secondary">
            Mark
          </button>
          <WordLegend omitted={false} />
        </form>
      ) : null}
      <ul className="row-all-list">
        {ordered.map(({ edition }) => {
          const segments = cells.cells[edition.id];
          const marks = wordMarksOf(edition.id);
          const divergence = divergenceOf(edition.id);
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
                {edition.id === wordBase?.id && wordLinks ? <span className="row-all-divergence">base of the word marks</span> : null}
                {divergence !== undefined ? <span className="row-all-divergence">{`words without a sure counterpart in ${wordBase!.slug}: ${Math.round(divergence * 100)}%`}</span> : null}
              </p>
              {segments.length > 0 ? (
                <div className="cell" lang={edition.language}>
                  <MarkedPassage segments={segments} marks={marks} notesHref={`/works/${slug}/editions/${edition.slug}`} />
                  <WordSummary words={countWordMarks(marks)} />
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
