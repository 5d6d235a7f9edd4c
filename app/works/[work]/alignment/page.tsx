import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { getAlignmentOverview } from "@/lib/db/alignment/alignment-overview";
import { latestAlignmentJob } from "@/lib/db/alignment/alignment-jobs";
import { db } from "@/lib/db/client";
import { readerOf } from "@/lib/db/users/reading-access";
import { pivotReason } from "@/lib/db/works/pivot";
import { AlignmentControls } from "./alignment-controls";
import { AlignmentStatistics } from "./alignment-statistics";
import { LeastConfidentRows } from "./least-confident-rows";
import { loadWork } from "../load-work";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string }> };

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `Alignment · ${(await loadWork(work)).title}` };
}

/** The automatic alignment of a work: run it (editors), see how it went, and find the rows to check first. */
export default async function AlignmentPage({ params }: Props) {
  const { work: slug } = await params;
  const { allowed, user } = await readerOf(await headers());
  if (!allowed) redirect(`/sign-in?next=${encodeURIComponent(`/works/${slug}/alignment`)}`);
  const work = await loadWork(slug);
  const [overview, job, reason] = await Promise.all([getAlignmentOverview(db(), work.id), latestAlignmentJob(db(), work.id), pivotReason(db(), work.id)]);
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
          confirmedRows={overview.confirmed}
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
    </>
  );
}
