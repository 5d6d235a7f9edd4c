import Link from "next/link";
import { notFound } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { readWork, type EditionInfo } from "@/lib/db/export/read-works";
import { pageReader } from "@/app/page-reader";
import type { ExportKind } from "@/lib/api/schemas";
import { exportSizes } from "@/lib/db/export/plan-work-export";
import { recentExportFiles } from "@/lib/db/export/export-requests";
import { readEnv } from "@/lib/env";
import { JobExport } from "./job-export";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(slug: string) {
  try {
    return await readWork(await pageReader(), db(), slug, true);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  return { title: `Export · ${(await load((await params).work)).title}` };
}

const SETS: { kind: ExportKind; title: string; description: string }[] = [
  { kind: "tei-alignment", title: "TEI alignment (stand-off)", description: "A linkGrp with one link per row: xtargets naming each edition's sentences by xml:id, the row's status and the aligner's confidence." },
  { kind: "tei-parallel", title: "TEI parallel segmentation", description: "One document with every row as an app, one reading per edition, and the recorded variants as notes." },
  { kind: "tmx", title: "TMX 1.4b", description: "One translation unit per row, for translation-memory tools; each edition's metadata in the header." },
  { kind: "grid-csv", title: "Grid as CSV", description: "One column per edition, one record per row; a cell's sentences on separate lines." },
  { kind: "grid-json", title: "Grid as JSON", description: "Rows with status, confidence and each edition's sentences." },
];

const WHOLE: { kind: ExportKind; title: string; description: string }[] = [
  { kind: "variants-csv", title: "Variant register as CSV", description: "Every recorded variant with its row, editions, category, status and note." },
  { kind: "variants-json", title: "Variant register as JSON", description: "The same, with the editions' provenance." },
  { kind: "work-json", title: "The whole work (JSON)", description: "Editions with their provenance and the record of each one's import (when, by whom, from which file, Unicode normalisation), sentences with their ids, the grid, the variants and the word links: imports into another Hexapla as it is." },
];

function chosenEditions(param: string | string[] | undefined, editions: EditionInfo[]): string[] {
  const asked = (Array.isArray(param) ? param : param ? param.split(",") : []).filter((slug) => editions.some((e) => e.slug === slug));
  return asked.length > 0 ? asked : editions.filter((e) => e.supersededBy == null).map((e) => e.slug);
}

export default async function ExportPage({ params, searchParams }: Props) {
  const { work: slug } = await params;
  const { user } = await pageReader();
  const work = await load(slug);
  const chosen = chosenEditions((await searchParams).editions, work.editions);
  const base = `/api/works/${work.slug}/export`;
  const query = `?editions=${chosen.join(",")}`;
  const sizes = await exportSizes(await pageReader(), db(), slug);
  const limit = readEnv().HEXAPLA_EXPORT_JOB_CELLS;
  /* Exports over the limit are made by a job: the page offers to prepare them rather than a link. */
  const large = (kind: ExportKind, editions: number) => (kind.startsWith("variants-") ? sizes.variants : sizes.rows) * Math.max(1, editions) > limit;
  const signedIn = user != null;
  const allEditions = work.editions.length;
  const prepared = await recentExportFiles(await pageReader(), db(), slug);
  return (
    <>
      <p>
        <Link href="/">Works</Link> › <Link href={`/works/${work.slug}/compare`}>{work.title}</Link> › Export
      </p>
      <h1>Export “{work.title}”</h1>
      <p className="lede">
        Every export labels a working translation as such. Exports of more than {limit.toLocaleString("en")} cells (rows × editions) are
        prepared by a worker and kept for download for a while. The same files are available to scripts through the{" "}
        <a href="/api/openapi.json">HTTP API</a>.{user && hasRole(user.role, "editor") ? <> To bring texts in, use the <Link href={`/works/${work.slug}/import`}>import page</Link>.</> : null}
      </p>

      <section aria-labelledby="export-editions">
        <h2 id="export-editions">Each edition as TEI P5</h2>
        <ul className="export-list">
          {work.editions.map((edition) => (
            <li key={edition.slug}>
              {large("tei-edition", 1) ? (
                <>
                  <span lang={edition.language}>{edition.title}</span> ({edition.slug}, {edition.language}) — TEI <EditionLabels edition={edition} />
                  <JobExport workSlug={work.slug} request={{ kind: "tei-edition", edition: edition.slug }} label={`${edition.slug} as TEI`} signedIn={signedIn} />
                </>
              ) : (
                <>
                  <a href={`${base}/tei-edition?edition=${edition.slug}`} download>
                    <span lang={edition.language}>{edition.title}</span> ({edition.slug}, {edition.language}) — TEI
                  </a>{" "}
                  <EditionLabels edition={edition} />
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="export-choice">
        <h2 id="export-choice">The alignment of chosen editions</h2>
        <form method="get" className="export-choice">
          <fieldset>
            <legend>Editions, in column order</legend>
            {work.editions.map((edition) => (
              <label key={edition.slug} className="choice">
                <input type="checkbox" name="editions" value={edition.slug} defaultChecked={chosen.includes(edition.slug)} /> {edition.slug} —{" "}
                <span lang={edition.language}>{edition.title}</span> <EditionLabels edition={edition} />
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button secondary">
            Use these editions
          </button>
        </form>
        <p>
          Chosen: <strong data-testid="export-chosen">{chosen.join(", ")}</strong>
        </p>
        <ul className="export-list">
          {SETS.map((entry) => (
            <li key={entry.kind}>
              {large(entry.kind, chosen.length) ? (
                <>
                  <strong>{entry.title}</strong> <span className="badge">large: made by a worker</span>
                  <JobExport workSlug={work.slug} request={{ kind: entry.kind, editions: chosen }} label={entry.title} signedIn={signedIn} />
                </>
              ) : (
                <a href={`${base}/${entry.kind}${query}`} download>
                  {entry.title}
                </a>
              )}
              <p className="hint">{entry.description}</p>
            </li>
          ))}
        </ul>
      </section>

      {prepared.length > 0 ? (
        <section aria-labelledby="export-prepared">
          <h2 id="export-prepared">Files prepared recently</h2>
          <ul className="export-list">
            {prepared.map((file) => (
              <li key={file.jobId}>
                <a href={`/api/works/${work.slug}/exports/${file.jobId}`} download>
                  {file.fileName}
                </a>{" "}
                ({(file.bytes / 1024 / 1024).toFixed(1)} MB) <span className="hint">kept until {file.expiresAt.toISOString().replace("T", " ").slice(0, 16)} UTC</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="export-whole">
        <h2 id="export-whole">Variants and the whole work</h2>
        <ul className="export-list">
          {WHOLE.map((entry) => (
            <li key={entry.kind}>
              {large(entry.kind, allEditions) ? (
                <>
                  <strong>{entry.title}</strong> <span className="badge">large: made by a worker</span>
                  <JobExport workSlug={work.slug} request={{ kind: entry.kind }} label={entry.title} signedIn={signedIn} />
                </>
              ) : (
                <a href={`${base}/${entry.kind}`} download>
                  {entry.title}
                </a>
              )}
              <p className="hint">{entry.description}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function EditionLabels({ edition }: { edition: EditionInfo }) {
  return (
    <>
      {edition.workingTranslation ? (
        <span className="badge badge-working">{edition.standsInForOriginal && !edition.original ? edition.role.toLowerCase() : "working translation"}</span>
      ) : edition.standsInForOriginal && !edition.original ? (
        <span className="badge">{edition.role.toLowerCase()}</span>
      ) : null}
      {edition.supersededBy ? <span className="badge">earlier witness, replaced by {edition.supersededBy}</span> : null}
      {edition.pivot ? <span className="badge badge-original">pivot</span> : null}
    </>
  );
}
