import Link from "next/link";
import { parseEditionSelection } from "@/lib/compare/edition-selection";
import { readDb } from "@/lib/db/client";
import { getRowCells } from "@/lib/db/search/get-row-cells";
import { searchWork } from "@/lib/db/search/search-work";
import { joinSegments, type TextMark } from "@/lib/diff/text-marks";
import { MarkedPassage } from "@/app/components/marked-passage";
import { ProvenanceBadges } from "@/app/components/provenance-badges";
import { SearchBox } from "../compare/search-box";
import { loadWork } from "../load-work";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const RESULT_ROWS = 100;

export async function generateMetadata({ params, searchParams }: Props) {
  const { work } = await params;
  const { q } = await searchParams;
  const title = (await loadWork(work)).title;
  return { title: typeof q === "string" && q.trim() ? `“${q.trim()}” · Search · ${title}` : `Search · ${title}` };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { work: workSlug } = await params;
  const query = await searchParams;
  const work = await loadWork(workSlug);
  const q = (Array.isArray(query.q) ? query.q[0] : query.q)?.trim().slice(0, 200) ?? "";
  const selection = parseEditionSelection(query.editions, work.editions.map((edition) => edition.slug));
  const result = q ? await searchWork(readDb(), { workId: work.id, query: q, limitRows: RESULT_ROWS }) : null;

  const hitEditions = new Set(result?.rows.flatMap((row) => row.hits.map((hit) => hit.editionId)) ?? []);
  const columns = work.editions.filter((edition) => selection.slugs.includes(edition.slug) || hitEditions.has(edition.id));
  const cells = result ? await getRowCells(readDb(), work.id, result.rows.map((row) => row.rowId), columns.map((edition) => edition.id)) : [];
  const cellsOf = new Map(cells.map((row) => [row.id, row]));
  const compareEditions = selection.slugs.join(",");

  return (
    <>
      <p>
        <Link href="/">Works</Link> › {work.title} · <Link href={`/works/${work.slug}/compare?editions=${compareEditions}`}>Compare</Link> ·{" "}
        <Link href={`/works/${work.slug}/variants`}>Variants</Link>
      </p>
      <h1>Search: {work.title}</h1>
      <SearchBox workSlug={work.slug} editions={selection.slugs} defaultValue={q} />
      <p className="hint">
        Each edition is searched in its own language, so any inflected form is found («власть» finds «власти»). Names are also found by
        spelling, across scripts (Zinovyev finds Zinoviev and Зиновьев). Use quotes for a phrase and a minus sign to exclude a word.
      </p>
      {result ? (
        <section aria-labelledby="results-title">
          <div role="status">
            <h2 id="results-title">
              {result.rows.length === 0
                ? `Nothing found for “${q}”.`
                : `${result.rows.length}${result.more ? "+" : ""} row${result.rows.length === 1 && !result.more ? "" : "s"} with hits for “${q}”`}
            </h2>
          </div>
          {result.bySpelling ? <p className="hint">Words spelt like the query are included and marked “similar spelling”.</p> : null}
          {result.more ? <p className="hint">Showing the first {RESULT_ROWS} rows; refine the query to see the others.</p> : null}
          <ol className="search-results">
            {result.rows.map((row) => {
              const rowCells = cellsOf.get(row.rowId);
              return (
                <li key={row.rowId} className="search-row" data-row={row.rowNumber}>
                  <h3>
                    <Link href={`/works/${work.slug}/compare?editions=${compareEditions}#r${row.rowNumber}`}>Row {row.rowNumber}</Link>
                  </h3>
                  <div className="grid" style={{ "--columns": columns.length } as React.CSSProperties} role="table" aria-label={`Row ${row.rowNumber}`}>
                    <div className="grid-head search-head" role="row">
                      <div role="columnheader">
                        <span className="visually-hidden">Hits</span>
                      </div>
                      {columns.map((edition) => (
                        <div key={edition.id} role="columnheader" data-edition={edition.slug}>
                          <span className="column-title" lang={edition.language}>
                            {edition.title}
                          </span>{" "}
                          <ProvenanceBadges {...edition} />
                        </div>
                      ))}
                    </div>
                    <div className="grid-row" role="row">
                      <div className="row-number" role="rowheader">
                        {row.hits.some((hit) => hit.how === "spelling") ? "similar spelling" : "words"}
                      </div>
                      {columns.map((edition) => {
                        const segments = rowCells?.cells[edition.id] ?? [];
                        const { starts } = joinSegments(segments.map((segment) => segment.text));
                        const marks: TextMark[] = row.hits
                          .filter((hit) => hit.editionId === edition.id)
                          .flatMap((hit) => {
                            const at = segments.findIndex((segment) => segment.id === hit.segmentId);
                            return at < 0 ? [] : hit.highlights.map((range) => ({ start: starts[at] + range.start, end: starts[at] + range.end, kind: "hit" }));
                          });
                        return (
                          <div
                            key={edition.id}
                            role="cell"
                            className={`${segments.length ? "cell" : "cell empty"}${marks.length ? " has-hit" : ""}`}
                            lang={edition.language}
                            data-edition={edition.slug}
                          >
                            {segments.length ? (
                              <MarkedPassage segments={segments} marks={marks} notesHref={`/works/${work.slug}/editions/${edition.slug}`} />
                            ) : (
                              <span className="visually-hidden">No text in this edition</span>
                            )}
                          </div>
                        );
                      })}
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </>
  );
}
