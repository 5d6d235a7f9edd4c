import Link from "next/link";
import { headers } from "next/headers";
import { after } from "next/server";
import { chooseBase } from "@/lib/compare/choose-base";
import { diffPairs } from "@/lib/compare/diff-pairs";
import { packRows } from "@/lib/compare/packed-rows";
import { putHtmlOnly } from "@/lib/compare/html-only";
import { DEFAULT_EDITIONS, parseEditionSelection } from "@/lib/compare/edition-selection";
import { db, readDb } from "@/lib/db/client";
import { getRowCells } from "@/lib/db/search/get-row-cells";
import { getRowSignals } from "@/lib/db/signals/get-row-signals";
import { enqueueJob } from "@/lib/db/jobs/enqueue-job";
import { getRowLinks } from "@/lib/db/words/get-row-links";
import { countVariantsByRow } from "@/lib/db/variants/count-variants-by-row";
import { overviewMarks, packOverviewMarks } from "@/lib/diff/overview";
import { signalsForEditions } from "@/lib/diff/row-signals";
import { parseViewParams, viewQuery, type ViewParams } from "@/lib/diff/view-params";
import { primaryLanguage } from "@/lib/text/name-key";
import { languageName, PROVENANCE_LABEL, roleLabel } from "@/lib/editions/provenance";
import type { HeadColumn } from "./compare-head";
import { CompareRows, type CompareTable } from "./compare-row";
import { EditionPicker, type PickerEdition } from "./edition-picker";
import { JumpToRow } from "./jump-to-row";
import { OverviewStrip } from "./overview-strip";
import { prepareRows, type ColumnEdition } from "./prepare-rows";
import { PrintExport } from "./print-export";
import "./print.css";
import { ReadingPlace } from "./reading-place";
import { RowHashRedirect } from "./row-hash-redirect";
import { RowTools } from "./row-tools";
import { SearchBox } from "./search-box";
import { SettingsBar } from "./settings-bar";
import { settingsSummary } from "./settings-summary";
import { ViewControls } from "./view-controls";
import { WordLinks } from "./word-links";
import "./reading-layout.css";
import { loadWork } from "../load-work";
import { pageReader } from "@/app/page-reader";

export const dynamic = "force-dynamic";

/** Rows per page of the compare view; the overview strip covers the whole work. */
const PAGE_SIZE = 200;
/** Marks of the overview strip at most; longer works get one mark per run of rows. */
const MAX_OVERVIEW_MARKS = 400;

type Props = { params: Promise<{ work: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `Compare · ${(await loadWork(work)).title}` };
}

const sameLanguage = (a: ColumnEdition, b: ColumnEdition) => primaryLanguage(a.language) === primaryLanguage(b.language);

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A row's place on the overview strip: the higher of its signal score and its word-level divergence from the pivot. */
function combinedScore(signal: number | null, words: number | null): number | null {
  if (signal === null) return words;
  return words === null ? signal : Math.max(signal, words);
}

/**
 * What names a column's text in each row when the rows are stacked on a narrow screen (CSS generated content, one
 * custom property per column on the grid, so the rows' markup does not grow): title, name and provenance.
 */
function columnLabel(edition: { title: string; slug: string; provenance: keyof typeof PROVENANCE_LABEL; witness: unknown }): string {
  const kind = edition.witness ? "earlier witness" : edition.provenance === "working_translation" ? PROVENANCE_LABEL.working_translation.toLowerCase() : null;
  const text = [edition.title, edition.slug, kind].filter(Boolean).join(" · ");
  return `"${text.replace(/[^\p{L}\p{N} ]/gu, (char) => `\\${char.codePointAt(0)!.toString(16)} `)}"`;
}

export default async function ComparePage({ params, searchParams }: Props) {
  const { work: workSlug } = await params;
  const query = await searchParams;
  const work = await loadWork(workSlug);
  const witnesses = work.earlierWitnesses;
  const choosable = [...work.editions.map((edition) => ({ ...edition, witness: null })), ...witnesses.map((edition) => ({ ...edition, witness: edition }))];
  const selection = parseEditionSelection(
    query.editions,
    work.editions.map((edition) => edition.slug),
    witnesses.map((edition) => edition.slug),
  );
  const columns = selection.slugs.map((slug) => choosable.find((edition) => edition.slug === slug)!);
  const parsed = parseViewParams(query);
  const viewErrors = [...parsed.errors];
  let view: ViewParams = parsed.params;

  const [pairA, pairB] = (view.diff ?? []).map((slug) => columns.find((column) => column.slug === slug));
  const pair: [ColumnEdition, ColumnEdition] | null = pairA && pairB && sameLanguage(pairA, pairB) ? [pairA, pairB] : null;
  if (view.diff && !pair) {
    viewErrors.push(`diff: ${view.diff.join(" and ")} are not two chosen editions in the same language`);
    view = { ...view, diff: null };
  }

  /* The page computes the signals of its own rows when they are missing; the rest are the row-signals job's. */
  const signals = await getRowSignals(db(), work.id, { required: { from: (view.page - 1) * PAGE_SIZE + 1, to: view.page * PAGE_SIZE }, budgetMs: 0 });
  const rowCount = signals.rows.length;
  const pageCount = Math.max(1, Math.ceil(rowCount / PAGE_SIZE));
  if (view.page > pageCount) {
    viewErrors.push(`page: the work has ${pageCount} page${pageCount === 1 ? "" : "s"} of rows`);
    view = { ...view, page: 1 };
  }
  if (signals.pending.length > 0) after(() => enqueueJob(db(), { kind: "row-signals", workId: work.id, userId: null }).catch((error) => console.error("Could not queue the row signals:", error)));

  const from = (view.page - 1) * PAGE_SIZE;
  const pageRowIds = signals.rows.slice(from, from + PAGE_SIZE).map((row) => row.rowId);
  const [cells, variants, user, wordStats] = await Promise.all([
    getRowCells(readDb(), work.id, pageRowIds, columns.map((edition) => edition.id)),
    countVariantsByRow(readDb(), work.id),
    pageReader().then((access) => access.user),
    view.words ? readDb().rowWordStat.findMany({ where: { workId: work.id }, select: { rowId: true, maxDivergence: true } }) : [],
  ]);
  const wordDivergence = new Map(wordStats.map((stat) => [stat.rowId, stat.maxDivergence]));
  const currentColumns = columns.filter((column) => column.witness === null);
  const base = view.words ? chooseBase(view.base, currentColumns, work.pivotEditionId) : null;
  if (view.base && base && base.slug !== view.base) {
    viewErrors.push(`base: ${view.base} is not one of the chosen current editions; measuring against ${base.slug}`);
    view = { ...view, base: null };
  }
  const wordLinks = base && currentColumns.length > 1 ? await getRowLinks(readDb(), cells, currentColumns) : null;
  const shown = signalsForEditions(
    signals.rows.map((row) => row.signal),
    columns.map((edition) => edition.id),
  );
  const shownById = new Map(signals.rows.map((row, index) => [row.rowId, shown[index]]));
  const rows = prepareRows({
    rows: cells,
    columns: columns.map(({ id, slug, language, title }) => ({ id, slug, language, title })),
    view,
    pair,
    signals: shownById,
    variants,
    wordLinks,
    base,
  });

  const editions = columns.map((edition) => edition.slug);
  const currentEditions = editions.filter((slug) => work.editions.some((edition) => edition.slug === slug));
  const pageQuery = (page: number) => viewQuery({ ...view, page }, editions);
  const pageQueries = Array.from({ length: pageCount }, (_, i) => pageQuery(i + 1));
  const marks = overviewMarks(
    signals.rows.map((row, index) => {
      const counts = variants.get(row.rowId);
      return {
        number: row.number,
        score: combinedScore(shown[index]?.score ?? null, wordDivergence.get(row.rowId) ?? null),
        missingAnchors: shown[index]?.missingAnchors ?? 0,
        variants: counts ? counts.open + counts.confirmed + counts.rejected : 0,
      };
    }),
    MAX_OVERVIEW_MARKS,
  );
  const slugs = Object.fromEntries(choosable.map((edition) => [edition.id, edition.slug]));
  const pairEdition = ({ slug, title, language, witness }: (typeof choosable)[number]) => ({ slug, title, language, replacedBy: witness?.replacedBy.slug ?? null });
  const { pairs, suggestions } = diffPairs(columns.map(pairEdition), choosable.map(pairEdition));
  const recordable = user ? columns.map(({ slug, title, language }) => ({ slug, title, language })) : null;
  const pending = signals.pending.length;

  const pagination =
    pageCount > 1 ? (
      <nav className="pagination" aria-label="Pages of rows">
        Rows {from + 1}–{Math.min(from + PAGE_SIZE, rowCount)} of {rowCount}.{" "}
        {view.page > 1 ? <Link href={pageQuery(view.page - 1)}>Previous rows</Link> : null}{" "}
        {view.page < pageCount ? <Link href={pageQuery(view.page + 1)}>Next rows</Link> : null}
      </nav>
    ) : null;

  /* A page load gets its rows in its HTML only (lib/compare/html-only.ts). A script's request — the client router
   * asking for the payload alone on a navigation or refresh, with no server render — gets them as props; Next.js
   * hides its own headers from pages, so the browser's Sec-Fetch-Dest tells (the rows ask again if it misleads). */
  const head = columns.map(
    (edition): HeadColumn => ({
      slug: edition.slug,
      language: edition.language,
      title: edition.title,
      titleOurs: edition.titleOurs,
      imprint: [edition.place, edition.year].filter(Boolean).join(" "),
      provenance: edition.provenance,
      isOriginal: edition.isOriginal,
      standsInForOriginal: edition.standsInForOriginal,
      witness: edition.witness
        ? { replacedOn: day(edition.witness.replacedAt), replacedBy: { slug: edition.witness.replacedBy.slug, title: edition.witness.replacedBy.title, language: edition.witness.replacedBy.language }, inGrid: edition.witness.inGrid }
        : null,
    }),
  );
  const table: CompareTable = { head, rows: packRows(rows, (editionId) => slugs[editionId] ?? editionId) };
  const payloadOnly = (await headers()).get("sec-fetch-dest") === "empty";
  const rowsProp = payloadOnly ? { table } : { token: putHtmlOnly(table) };

  const pickerEditions = choosable.map(
    ({ slug, title, language, provenance, isOriginal, standsInForOriginal, witness }): PickerEdition => ({
      slug,
      title,
      language,
      languageName: languageName(language),
      workingTranslation: provenance === "working_translation" ? (standsInForOriginal ? roleLabel({ provenance, isOriginal, standsInForOriginal, language }) : "Working translation") : null,
      witness: witness
        ? { replacedOn: day(witness.replacedAt), replacedByTitle: witness.replacedBy.title, replacedBySlug: witness.replacedBy.slug, replacedByLanguage: witness.replacedBy.language }
        : null,
    }),
  );
  const many = columns.length > DEFAULT_EDITIONS;
  const gridStyle: Record<string, string | number> = { "--columns": columns.length };
  for (const [index, edition] of columns.entries()) gridStyle[`--label-${index + 1}`] = columnLabel(edition);

  return (
    <>
      <div className="compare-heading">
        <h1 className="compare-title">Compare: {work.title}</h1>
        <p className="breadcrumbs">
          <Link href="/">Works</Link> · <Link href={`/works/${work.slug}/variants`}>Variants</Link> ·{" "}
          <Link href={`/works/${work.slug}/align`}>Edit alignment</Link> ·{" "}
          <Link href={`/works/${work.slug}/alignment#alignment-uncertain`}>Least confident rows first</Link> ·{" "}
          <Link href={`/works/${work.slug}/search?editions=${currentEditions.join(",")}`}>Search</Link>
        </p>
        <PrintExport workSlug={work.slug} editions={editions} rowCount={rowCount} />
      </div>
      <SettingsBar
        summary={
          <>
            <span>
              {columns.length} editions: {editions.join(" · ")}
            </span>
            {settingsSummary(view, base?.slug ?? null).map((part) => (
              <span key={part}>{part}</span>
            ))}
            <span>{rowCount} aligned rows</span>
          </>
        }
        tools={
          <>
            <JumpToRow rowCount={rowCount} />
            <SearchBox workSlug={work.slug} editions={currentEditions} compact />
          </>
        }
      >
        <EditionPicker editions={pickerEditions} selected={selection.slugs} view={view} />
        <ViewControls
          key={viewQuery(view, editions)}
          view={view}
          editions={pickerEditions}
          shown={editions}
          pairs={pairs}
          suggestions={suggestions}
          baseEditions={currentColumns.map(({ slug }) => slug)}
          base={base?.slug ?? null}
        />
      </SettingsBar>
      {selection.error ? (
        <p role="alert" className="provenance-box">
          Not every edition in the address could be shown ({selection.error}). Showing {editions.join(", ")}.
        </p>
      ) : null}
      {viewErrors.length > 0 ? (
        <p role="alert" className="provenance-box">
          Some settings in the address do not work and were left out: {viewErrors.join("; ")}.
        </p>
      ) : null}
      {pending > 0 ? <p className="hint">Signals of {pending} rows are still being computed; reload to see them.</p> : null}
      {pageCount > 1 ? (
        <RowHashRedirect from={from + 1} to={from + PAGE_SIZE} pageSize={PAGE_SIZE} pageQueries={pageQueries} />
      ) : null}
      <ReadingPlace workSlug={work.slug} rowCount={rowCount} />
      {pagination}
      <div className="compare-layout">
        <div className={many ? "grid-scroll many-columns" : "grid-scroll"}>
          <div className="grid compare-grid" style={gridStyle as React.CSSProperties} role="table" aria-label={`${work.title}, aligned editions`}>
            <CompareRows
              {...rowsProp}
              columns={columns.map(({ slug, language }) => ({ slug, language }))}
              workSlug={work.slug}
              recordable={recordable !== null}
              pairLabels={pair ? [pair[0].slug, pair[1].slug] : null}
            />
          </div>
        </div>
        <OverviewStrip marks={packOverviewMarks(marks)} page={view.page} pageSize={PAGE_SIZE} pageQueries={pageQueries} />
      </div>
      <RowTools workSlug={work.slug} editions={editions} recordable={recordable} />
      {view.words && currentEditions.length > 1 ? (
        <WordLinks workSlug={work.slug} editions={currentEditions} columns={editions} from={from + 1} to={Math.min(from + PAGE_SIZE, rowCount)} />
      ) : null}
      {pagination}
    </>
  );
}
