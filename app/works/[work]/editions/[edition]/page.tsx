import Link from "next/link";
import { notFound } from "next/navigation";
import { getEdition } from "@/lib/db/editions/get-edition";
import { NotFoundError } from "@/lib/db/errors";
import { getSuccessor } from "@/lib/db/works/get-successor";
import { madeWords, PROVENANCE_LABEL, provenanceStatement, roleLabel } from "@/lib/editions/provenance";
import { Passage } from "@/app/components/passage";
import { ProvenanceBadges } from "@/app/components/provenance-badges";
import { SegmentText } from "@/app/components/segment-text";
import { TitleOurs } from "@/app/components/title-ours";
import { CORRECTION_KIND_LABEL, correctionSummary } from "@/lib/editions/corrections";
import { pageReader } from "@/app/page-reader";
import { normalisationSentence } from "@/lib/text/normalise-document";

export const dynamic = "force-dynamic";

async function load(work: string, edition: string) {
  try {
    return await getEdition(await pageReader(), work, edition);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ work: string; edition: string }> }) {
  const { work, edition } = await params;
  const found = await load(work, edition);
  return { title: `${found.title} (${found.language})` };
}

export default async function EditionPage({ params }: { params: Promise<{ work: string; edition: string }> }) {
  const { work, edition: slug } = await params;
  const edition = await load(work, slug);
  const successor = await getSuccessor(edition.supersededById);
  const here = `/works/${work}/editions/${slug}`;
  /* A working translation's imprint fields name the published edition it stands in for, not its own. */
  const standsBeside = edition.provenance === "working_translation";
  return (
    <article>
      <p>
        <Link href="/">Works</Link> › {edition.work.title}
      </p>
      <h1>
        <span lang={edition.language}>{edition.title}</span>
        <TitleOurs ours={edition.titleOurs} />
      </h1>
      {successor ? (
        <p className="provenance-box" role="note">
          <strong>Earlier witness.</strong> This text was replaced on {successor.importedAt.toISOString().slice(0, 10)} by{" "}
          <Link href={`/works/${work}/editions/${successor.slug}`} lang={successor.language}>
            {successor.title}
          </Link>{" "}
          ({successor.slug}); it is kept to read and diff against.{" "}
          <Link href={`/works/${work}/compare?diff=${slug},${successor.slug}&editions=${slug},${successor.slug}`}>Compare it with its replacement</Link>.
        </p>
      ) : null}
      {edition.supersedes.length ? (
        <p className="provenance-box" role="note">
          <strong>Earlier witness{edition.supersedes.length > 1 ? "es" : ""} of this text.</strong>{" "}
          {edition.supersedes.map((witness, index) => (
            <span key={witness.slug}>
              {index > 0 ? "; " : null}
              <Link href={`/works/${work}/editions/${witness.slug}`} lang={witness.language}>
                {witness.title}
              </Link>{" "}
              ({witness.slug}):{" "}
              <Link href={`/works/${work}/compare?diff=${witness.slug},${slug}&editions=${witness.slug},${slug}`}>compare it word by word with this text</Link>
            </span>
          ))}
          .
        </p>
      ) : null}
      <p>
        <ProvenanceBadges {...edition} />
      </p>
      <div className={edition.provenance === "published" ? "provenance-box published" : "provenance-box"}>
        <strong>{PROVENANCE_LABEL[edition.provenance]}.</strong>{" "}
        {provenanceStatement({ ...edition, importedByName: edition.importedBy?.name })}
        {edition.source ? <p style={{ margin: "0.5rem 0 0" }}>Source: {edition.source}</p> : null}
        {edition.departures ? (
          <p style={{ margin: "0.5rem 0 0" }} data-testid="departures">
            Departures from the text it was made from: {edition.departures}
          </p>
        ) : null}
      </div>
      <h2>Bibliographic data</h2>
      <dl className="meta">
        <dt>Language</dt>
        <dd>{edition.language}</dd>
        <dt>Title</dt>
        <dd>
          <span lang={edition.language}>{edition.title}</span>
          <TitleOurs ours={edition.titleOurs} />
        </dd>
        <dt>Author</dt>
        <dd>{edition.work.author ?? "—"}</dd>
        <dt>Translator</dt>
        <dd>{edition.translator ?? "not stated"}</dd>
        {edition.translatedFrom ? (
          <>
            <dt>Translated from</dt>
            <dd>
              <Link href={`/works/${work}/editions/${edition.translatedFrom}`}>{edition.translatedFrom}</Link>
            </dd>
          </>
        ) : null}
        {edition.made ? (
          <>
            <dt>Made</dt>
            <dd>{madeWords(edition.made).replace(/^on /, "")}</dd>
          </>
        ) : null}
        <dt>Editor</dt>
        <dd>{edition.editor ?? "not stated"}</dd>
        {edition.basedOn ? (
          <>
            <dt>Text of</dt>
            <dd>{edition.basedOn}</dd>
          </>
        ) : null}
        <dt>{standsBeside ? "Publisher of the edition it stands in for" : "Publisher"}</dt>
        <dd>{edition.publisher ?? "not stated"}</dd>
        <dt>{standsBeside ? "Place of that edition" : "Place"}</dt>
        <dd>{edition.place ?? "not stated"}</dd>
        <dt>{standsBeside ? "Year of that edition" : "Year"}</dt>
        <dd>{edition.year ?? "not stated"}</dd>
        <dt>Original or translation</dt>
        <dd data-testid="edition-role">{roleLabel(edition)}</dd>
        <dt>Imported</dt>
        <dd>
          {edition.importedAt.toISOString().slice(0, 10)}
          {edition.importedBy ? ` by ${edition.importedBy.name}` : ""}
          {edition.sourceFile ? ` from ${edition.sourceFile}` : ""}
        </dd>
        {edition.normalisedTo != null && edition.normalisedLetters != null ? (
          <>
            <dt>Normalised at import</dt>
            <dd data-testid="normalised">{normalisationSentence({ letters: edition.normalisedLetters, segments: edition.normalisedSegments ?? 0 })}</dd>
          </>
        ) : null}
        <dt>Segments</dt>
        <dd>{edition.segments.length}</dd>
      </dl>
      <p className="actions">
        <Link className="button secondary" href={`/works/${work}/compare`}>
          Compare with the other editions
        </Link>
      </p>

      {edition.corrections.length ? (
        <section aria-labelledby="corrections">
          <h2 id="corrections">Corrections made to the source text ({edition.corrections.length})</h2>
          <p className="lede">
            {correctionSummary(edition.corrections.map((correction) => correction.kind))}
          </p>
          <table className="corrections">
            <thead>
              <tr>
                <th scope="col">Source line</th>
                <th scope="col">Kind</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {edition.corrections.map((correction) => (
                <tr key={correction.id}>
                  <td>{correction.sourceLine}</td>
                  <td data-kind={correction.kind ?? "unknown"}>{CORRECTION_KIND_LABEL[correction.kind ?? "unknown"]}</td>
                  <td lang={edition.language}>
                    <code>{correction.before || "—"}</code>
                  </td>
                  <td lang={edition.language}>
                    <code>{correction.after || "(removed)"}</code>
                  </td>
                  <td>{correction.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="text">
        <h2 id="text">Text</h2>
        <div className="reading" lang={edition.language}>
          <Passage segments={edition.segments} notesHref={here} />
        </div>
      </section>

      {edition.apparatus.length ? (
        <section aria-labelledby="apparatus">
          <h2 id="apparatus">Apparatus: introduction and notes</h2>
          <div className="reading" lang={edition.language}>
            {edition.apparatus.map((block) =>
              block.kind === "heading" ? (
                <h3 key={block.id} id={block.label ?? undefined}>
                  {block.text}
                </h3>
              ) : (
                <p key={block.id} id={block.label ?? undefined}>
                  <SegmentText text={block.text} notesHref={here} />
                </p>
              ),
            )}
          </div>
        </section>
      ) : null}
    </article>
  );
}

