import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { findRow } from "@/lib/db/compare/find-row";
import { rowHistory } from "@/lib/db/grid/row-history";
import { hasRole } from "@/lib/auth/roles";
import { pageReader } from "@/app/page-reader";
import { Passage } from "@/app/components/passage";
import { ChangeList, formatTime } from "../../align/change-list";
import { RevisionDiff } from "./revision-diff";
import { RevertButton } from "./revert-button";
import { loadWork } from "../../load-work";
import { getRowLinks } from "@/lib/db/words/get-row-links";
import { cellWordTokens } from "@/lib/alignment/words/cell-tokens";
import { WordLinkEditor } from "./word-link-editor";
import { RowParam } from "../row-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string; row: string }> };

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `Row history · ${(await loadWork(work)).title}` };
}

/**
 * One row: as it is now, every change that touched it, and the revisions of its segments as word-level diffs. Asked
 * for by id (the row's history, also after it was merged away) or by number (the row now at that place).
 */
export default async function RowHistoryPage({ params }: Props) {
  const { work: slug, row: rowParam } = await params;
  const { user } = await pageReader();
  const ref = RowParam.safeParse(rowParam);
  if (!ref.success) notFound();
  const work = await loadWork(slug);
  const rowId = "id" in ref.data ? ref.data.id : (await findRow(db(), work.id, ref.data))?.id;
  if (!rowId) notFound();
  const history = await rowHistory(db(), work.id, rowId);
  if (!history.row && history.changes.length === 0) notFound();
  const editionOf = new Map(work.editions.map((edition) => [edition.id, edition]));
  const canRevert = user !== null && hasRole(user.role, "editor");
  const title = history.row ? `Row ${history.row.number}` : "A removed row";
  const linked = history.row ? work.editions.filter((edition) => (history.row!.cells[edition.id] ?? []).length > 0) : [];
  const rowLinks = history.row ? await getRowLinks(db(), [{ id: rowId, cells: history.row.cells }], linked) : null;
  const slugOf = new Map(work.editions.map((edition) => [edition.id, edition.slug]));
  const { gridVersion } = await db().work.findUniqueOrThrow({ where: { id: work.id }, select: { gridVersion: true } });

  return (
    <>
      <p>
        <Link href="/">Works</Link> › <Link href={`/works/${slug}/compare`}>{work.title}</Link> › <Link href={`/works/${slug}/align`}>Align</Link> ›{" "}
        <Link href={`/works/${slug}/journal`}>Journal</Link>
      </p>
      <h1>
        {title}: history
      </h1>
      {history.row ? (
        <section aria-labelledby="row-now">
          <h2 id="row-now">The row now</h2>
          <p className="lede">
            {history.row.status === "confirmed" ? "Confirmed" : "Not confirmed"}
            {history.row.confidence !== null ? `, aligner's confidence ${Math.round(history.row.confidence * 100)}%` : ""}.{" "}
            <Link href={`/works/${slug}/compare#r${history.row.number}`}>Show it in the compare view</Link>
          </p>
          <dl className="row-cells">
            {work.editions
              .filter((edition) => history.row!.cells[edition.id])
              .map((edition) => (
                <div key={edition.id}>
                  <dt lang={edition.language}>{edition.title}</dt>
                  <dd lang={edition.language} className="cell">
                    <Passage segments={history.row!.cells[edition.id]} notesHref={`/works/${slug}/editions/${edition.slug}`} />
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ) : (
        <p className="lede">This row no longer exists: a change merged it into a neighbour or removed it. Its history stays.</p>
      )}
      {history.row ? (
        <section aria-labelledby="row-words">
          <h2 id="row-words">Word links</h2>
          <WordLinkEditor
            workSlug={slug}
            rowId={rowId}
            gridVersion={gridVersion}
            canEdit={canRevert}
            editions={linked.map((edition) => ({
              slug: edition.slug,
              title: edition.title,
              language: edition.language,
              words: cellWordTokens(history.row!.cells[edition.id].map((segment) => segment.text), edition.language).map((token) => token.text),
            }))}
            pairs={(rowLinks?.get(rowId) ?? []).map((pair) => ({
              a: slugOf.get(pair.a)!,
              b: slugOf.get(pair.b)!,
              links: pair.links.map((link) => [link.a, link.b] as [number, number]),
              status: pair.status,
              dropped: pair.dropped,
            }))}
          />
        </section>
      ) : null}
      <section aria-labelledby="row-changes">
        <h2 id="row-changes">Changes</h2>
        {history.changes.length === 0 ? <p>No recorded changes.</p> : <ChangeList changes={history.changes} />}
      </section>
      {history.row ? (
        <section aria-labelledby="row-revisions">
          <h2 id="row-revisions">Text revisions</h2>
          {history.revisions.length === 0 ? <p>The text of this row&apos;s segments has not been corrected.</p> : null}
          <ol className="revisions">
            {history.revisions.map((revision) => {
              const edition = editionOf.get(revision.editionId);
              return (
                <li key={revision.id} className="revision">
                  <p>
                    <strong>{revision.authorName ?? "Someone"}</strong>, <time dateTime={revision.createdAt}>{formatTime(revision.createdAt)}</time>
                    {edition ? <> ({edition.slug})</> : null}: {revision.reason}
                  </p>
                  <RevisionDiff before={revision.oldText} after={revision.newText} language={edition?.language ?? "und"} />
                  {canRevert && revision.current ? <RevertButton workSlug={slug} segmentId={revision.segmentId} revisionId={revision.id} /> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </>
  );
}
