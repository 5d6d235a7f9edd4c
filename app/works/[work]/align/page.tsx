import Link from "next/link";
import { db } from "@/lib/db/client";
import { listBookmarks } from "@/lib/db/grid/bookmarks";
import { loadEditorGrid } from "@/lib/db/grid/load-grid";
import { pageReader } from "@/app/page-reader";
import { AlignEditor } from "./align-editor";
import { loadWork } from "../load-work";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string }> };

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `Align · ${(await loadWork(work)).title}` };
}

export default async function AlignPage({ params }: Props) {
  const { work: slug } = await params;
  const { user } = await pageReader();
  const work = await loadWork(slug);
  const [grid, bookmarks] = await Promise.all([loadEditorGrid(db(), work.id), user ? listBookmarks(db(), work.id, user.id) : Promise.resolve([])]);
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
        workSlug={slug}
        workTitle={work.title}
        initialGrid={grid}
        user={user ? { id: user.id, name: user.name, role: user.role } : null}
        initialBookmarks={bookmarks}
      />
    </>
  );
}
