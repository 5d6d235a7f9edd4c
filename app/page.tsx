import Link from "next/link";
import { pageReader } from "./page-reader";
import { listWorks } from "@/lib/db/works/list-works";
import { languageName, provenanceStatement, roleLabel } from "@/lib/editions/provenance";
import { ProvenanceBadges } from "./components/provenance-badges";
import { TitleOurs } from "./components/title-ours";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const works = await listWorks(await pageReader());
  return (
    <>
      <h1>Works</h1>
      <p className="lede">
        Each work is stored as the aligned segments of its editions. Open the compare view to read two to five editions side
        by side, row by row.
      </p>
      {works.length === 0 ? <p>No works yet. Import an edition with <code>npm run import -- file.txt</code>.</p> : null}
      {works.map((work) => (
        <article key={work.id} className="work-card" aria-labelledby={`work-${work.slug}`} data-work={work.slug}>
          <h2 id={`work-${work.slug}`}>
            {work.title}
            {work.author ? <span className="lede"> — {work.author}</span> : null}
          </h2>
          <div className="actions">
            <Link className="button" href={`/works/${work.slug}/compare`}>
              Compare editions
            </Link>
            <Link className="button secondary" href={`/works/${work.slug}/align`}>
              Edit the alignment
            </Link>
            <Link className="button secondary" href={`/works/${work.slug}/alignment`}>
              Automatic alignment
            </Link>
          </div>
          <table className="editions">
            <caption className="visually-hidden">Editions of {work.title}</caption>
            <thead>
              <tr>
                <th scope="col">Language</th>
                <th scope="col">Title</th>
                <th scope="col">Translator</th>
                <th scope="col">Publisher</th>
                <th scope="col">Place</th>
                <th scope="col">Year</th>
                <th scope="col">Original or translation</th>
                <th scope="col">Provenance</th>
              </tr>
            </thead>
            <tbody>
              {work.editions.map((edition) => (
                <tr key={edition.id} data-edition={edition.slug}>
                  <td>
                    <LanguageName code={edition.language} />
                  </td>
                  <td>
                    <Link href={`/works/${work.slug}/editions/${edition.slug}`} className="edition-title" lang={edition.language}>
                      {edition.title}
                    </Link>
                    <TitleOurs ours={edition.titleOurs} />
                  </td>
                  <td>
                    {edition.translator ?? <span className="lede">not stated</span>}
                    {edition.editor ? <div className="lede">Editor: {edition.editor}</div> : null}
                  </td>
                  <td>{edition.publisher ?? "—"}</td>
                  <td>{edition.place ?? "—"}</td>
                  <td>{edition.year ?? "—"}</td>
                  <td>{roleLabel(edition)}</td>
                  <td>
                    <ProvenanceBadges {...edition} />
                    <div className="lede" style={{ fontSize: "0.85rem" }}>
                      {provenanceStatement({ ...edition, importedByName: edition.importedBy?.name })}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </>
  );
}

function LanguageName({ code }: { code: string }) {
  const name = languageName(code);
  return (
    <>
      {name} <span className="lede">({code})</span>
    </>
  );
}
