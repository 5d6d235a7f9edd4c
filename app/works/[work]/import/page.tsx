import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { readWork } from "@/lib/db/export/read-works";
import { pageReader } from "@/app/page-reader";
import { editorOrRedirect } from "@/app/import/editor-access";
import { ImportForm } from "@/app/import/import-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string }> };

async function load(slug: string) {
  try {
    return await readWork(await pageReader(), db(), slug);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  return { title: `Import · ${(await load((await params).work)).title}` };
}

export default async function ImportIntoWorkPage({ params }: Props) {
  const { work: slug } = await params;
  const { user, allowed } = await editorOrRedirect(`/works/${slug}/import`);
  const work = await load(slug);
  const pivot = work.editions.find((edition) => edition.pivot);
  return (
    <>
      <p>
        <Link href="/">Works</Link> › <Link href={`/works/${work.slug}/compare`}>{work.title}</Link> › Import
      </p>
      <h1>Import into “{work.title}”</h1>
      {allowed ? (
        <>
          <p className="lede">
            Add an edition, or bring in a published edition in place of a working translation. A new text is aligned sentence by sentence against the
            pivot{pivot ? ` (${pivot.slug}, ${pivot.title})` : ""}; rows the editors confirmed keep the other editions as they are. Nothing is written
            until you confirm the preview. <Link href={`/works/${work.slug}/export`}>Export this work</Link>.
          </p>
          <ImportForm
            endpoint={`/api/works/${work.slug}/import`}
            editions={work.editions.map((edition) => ({
              slug: edition.slug,
              title: edition.title,
              language: edition.language,
              workingTranslation: edition.workingTranslation,
              standsIn: edition.standsInForOriginal && !edition.original ? edition.role : null,
            }))}
          />
        </>
      ) : (
        <p role="alert" className="provenance-box">
          Importing needs the editor role; you are signed in as {user.role}.
        </p>
      )}
    </>
  );
}
