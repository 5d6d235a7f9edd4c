import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { getAlignmentOverview } from "@/lib/db/alignment/alignment-overview";
import { latestAlignmentJob } from "@/lib/db/alignment/alignment-jobs";
import { db } from "@/lib/db/client";
import { pivotReason } from "@/lib/db/works/pivot";
import { pageReader } from "@/app/page-reader";
import { AlignmentControls } from "./alignment-controls";
import { AlignmentStatistics } from "./alignment-statistics";
import { LeastConfidentRows } from "./least-confident-rows";
import { loadWork } from "../load-work";
import { mostDivergentRows } from "@/lib/db/words/most-divergent-rows";
import { glossarySizes } from "@/lib/db/words/glossary";
import { GlossaryForm } from "./glossary-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string }> };

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `Alignment · ${(await loadWork(work)).title}` };
}

/** The automatic alignment of a work: run it (editors), see how it went, and find the rows to check first. */
export default async function AlignmentPage({ params }: Props) {
  const { work: slug } = await params;
  const { user } = await pageReader();
  const work = await loadWork(slug);
  const [overview, job, divergent, glossary, reason] = await Promise.all([
    getAlignmentOverview(db(), work.id),
    latestAlignmentJob(db(), work.id),
    mostDivergentRows(db(), work.id),
    glossarySizes(db(), work.id),
    pivotReason(db(), work.id),
  ]);
  const languages = [...new Set(work.editions.map((edition) => edition.language))];
  return (
    <>
      <p>
        <Link href="/">Works</Link> › <Link href={`/works/${slug}/compare`}>{work.title}</Link> › <Link href={`/works/${slug}/align`}>Align by hand</Link>
      </p>
      <h1>Alignment: {work.title}</h1>
      <p className="lede">
        The automatic aligner aligns every edition with the pivot, sentence by sentence, and merges the pairs into rows.
        Re-aligning keeps every confirmed row exactly as it is and aligns only the rows between them.
      </p>
      <section aria-labelledby="alignment-run">
        <h2 id="alignment-run">Align automatically</h2>
        <p data-testid="pivot-reason">{reason}</p>
        <AlignmentControls
          workSlug={slug}
          editions={work.editions.map((e) => ({ slug: e.slug, title: e.title, language: e.language }))}
          pivotSlug={overview.pivot?.slug ?? work.editions[0]?.slug ?? null}
          canAlign={user !== null && hasRole(user.role, "editor")}
          signedIn={user !== null}
          initialJob={job}
        />
      </section>
      <section aria-labelledby="alignment-statistics">
        <h2 id="alignment-statistics">Statistics</h2>
        <AlignmentStatistics overview={overview} />
      </section>
      <section aria-labelledby="alignment-uncertain">
        <h2 id="alignment-uncertain">Least confident rows</h2>
        <LeastConfidentRows workSlug={slug} rows={overview.leastConfident} />
      </section>
      <section aria-labelledby="alignment-divergent">
        <h2 id="alignment-divergent">Most divergent rows, word by word</h2>
        {divergent.length === 0 ? (
          <p>The words of this work have not been aligned yet.</p>
        ) : (
          <table className="alignment-divergent">
            <caption className="visually-hidden">Rows by the share of content words without counterpart in the pivot, highest first</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Highest</th>
                <th scope="col">By edition</th>
              </tr>
            </thead>
            <tbody>
              {divergent.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/works/${slug}/compare#r${row.number}`}>Row {row.number}</Link>
                  </td>
                  <td>{Math.round(row.max * 100)}%</td>
                  <td>{row.editions.map((edition) => `${edition.slug} ${Math.round(edition.divergence * 100)}%`).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="alignment-glossary">
        <h2 id="alignment-glossary">Glossary for the word aligner</h2>
        <p className="lede">
          The word aligner learns from the texts, the installed FreeDict dictionaries and this work&apos;s glossary.
          {glossary.length === 0 ? " The glossary is empty." : ` It holds ${glossary.map((g) => `${g.entries} ${g.languageA}–${g.languageB} pairs`).join(", ")}.`}
        </p>
        {user && hasRole(user.role, "editor") && languages.length > 1 ? <GlossaryForm workSlug={slug} languages={languages} /> : null}
      </section>
    </>
  );
}
