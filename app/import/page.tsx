import type { Metadata } from "next";
import Link from "next/link";
import { editorOrRedirect } from "./editor-access";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import a new work" };
export const dynamic = "force-dynamic";

export default async function ImportWorkPage() {
  const { user, allowed } = await editorOrRedirect("/import");
  return (
    <>
      <p>
        <Link href="/">Works</Link> › Import
      </p>
      <h1>Import a new work</h1>
      {allowed ? (
        <>
          <p className="lede">
            Bring in the first edition of a work — or a TMX, CSV or Hexapla export holding several editions already aligned. You see what the file
            holds before anything is written. To add an edition to an existing work, use the import page of that work.
          </p>
          <ImportForm endpoint="/api/works" />
        </>
      ) : (
        <p role="alert" className="provenance-box">
          Importing needs the editor role; you are signed in as {user.role}.
        </p>
      )}
    </>
  );
}
