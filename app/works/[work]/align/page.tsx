import Link from "next/link";
import { db } from "@/lib/db/client";
import { listBookmarks } from "@/lib/db/grid/bookmarks";
import { startRowOf } from "@/lib/db/grid/editor-grid";
import { loadEditorStart, loadGridEditions } from "@/lib/db/grid/load-grid";
import { chooseEditions } from "@/lib/editor/edition-choice";
import { pageReader } from "@/app/page-reader";
import { AlignEditor } from "./align-editor";
import { firstColumns } from "./column-window";
import { loadWork } from "../load-work";

export const dynamic = "force-dynamic";

/** Rows sent with the page; the rest come as the editor needs them (see AlignEditor). */
const FIRST_ROWS = 40;

type Props = { params: Promise<{ work: string }>; searchParams: Promise<{ e?: string | string[] }> };

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `Align · ${(await loadWork(work)).title}` };
}

export default async function AlignPage({ params, searchParams }: Props) {
  const { work: slug } = await params;
  const { e } = await searchParams;
  const { user } = await pageReader();
  const work = await loadWork(slug);
  const editions = await loadGridEditions(db(), work.id);
  const choice = chooseEditions(editions, Array.isArray(e) ? e.join(",") : e);
  const shownIds = choice.shown.map((edition) => edition.id);
  const [start, bookmarks] = await Promise.all([loadEditorStart(db(), work.id, shownIds, FIRST_ROWS), user ? listBookmarks(db(), work.id, user.id) : Promise.resolve([])]);
  // The first rows carry the text of the first columns only (the ones rendered before the browser measures its view).
  const textIds = firstColumns(shownIds.length).map((index) => shownIds[index]);
  const rows = start.rows.map((row) => startRowOf(row, shownIds, textIds));
  return (
    <>
      <p>
        <Link href="/">Works</Link> › <Link href={`/works/${slug}/compare`}>{work.title}</Link> ›{" "}
        <Link href={`/works/${slug}/journal`}>Journal</Link>
      </p>
      <h1>Align: {work.title}</h1>
      <p className="lede">
        Select a cell, then act on its row or its edition&apos;s column with the buttons or the keys shown on them; press{" "}
        <kbd>?</kbd> for every shortcut. Every change is recorded in the journal and can be undone.
      </p>
      <AlignEditor
        key={shownIds.join(",")}
        workSlug={slug}
        workTitle={work.title}
        start={{ ...start, rows }}
        shownIds={shownIds}
        leftOut={choice.leftOut}
        user={user ? { id: user.id, name: user.name, role: user.role } : null}
        initialBookmarks={bookmarks}
      />
    </>
  );
}
