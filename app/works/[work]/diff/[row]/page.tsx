import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { getRowWitnesses, type Witness } from "@/lib/db/signals/get-row-witnesses";
import { diffMarks } from "@/lib/diff/text-marks";
import { PROFILE_LABEL, PROFILES, parseViewParams, wordDiffOptions } from "@/lib/diff/view-params";
import { parseWitness } from "@/lib/diff/witness";
import { wordDiff } from "@/lib/diff/word-diff";
import { primaryLanguage } from "@/lib/text/name-key";
import { InlineDiff, TooDifferent } from "@/app/components/inline-diff";
import { MarkedText } from "@/app/components/marked-text";
import { loadWork } from "../../load-work";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string; row: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { work, row } = await params;
  return { title: `Row ${row} · Word diff · ${(await loadWork(work)).title}` };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The pair shown when the address names none: the newest revision against the text now, else the first same-language pair. */
function defaultPair(witnesses: Witness[]): [Witness, Witness] | null {
  const before = witnesses.find((witness) => witness.id.startsWith("before:"));
  if (before) {
    const now = witnesses.find((witness) => witness.id.startsWith("segment:") && witness.language === before.language && witnesses.indexOf(witness) < witnesses.indexOf(before));
    if (now) return [before, now];
  }
  const editions = witnesses.filter((witness) => witness.id.startsWith("edition:"));
  for (const [i, a] of editions.entries()) {
    const b = editions.slice(i + 1).find((other) => primaryLanguage(other.language) === primaryLanguage(a.language));
    if (b) return [a, b];
  }
  return null;
}

function WitnessSelect({ name, label, witnesses, value }: { name: string; label: string; witnesses: Witness[]; value: string | undefined }) {
  const languages = [...new Set(witnesses.map((witness) => witness.language))];
  return (
    <p>
      <label htmlFor={`witness-${name}`}>{label} </label>
      <select id={`witness-${name}`} name={name} defaultValue={value}>
        {languages.map((language) => (
          <optgroup key={language} label={language}>
            {witnesses
              .filter((witness) => witness.language === language)
              .map((witness) => (
                <option key={witness.id} value={witness.id}>
                  {witness.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </p>
  );
}

export default async function RowDiffPage({ params, searchParams }: Props) {
  const { work: workSlug, row } = await params;
  const query = await searchParams;
  const work = await loadWork(workSlug);
  const rowNumber = Number(row);
  const data = Number.isInteger(rowNumber) && rowNumber >= 1 ? await getRowWitnesses(db(), work.id, rowNumber) : null;
  if (!data) notFound();
  const { params: view } = parseViewParams(query);
  const byId = new Map(data.witnesses.map((witness) => [witness.id, witness]));
  const askedIds = [first(query.a), first(query.b)];
  const unknown = askedIds.filter((id): id is string => id !== undefined && !(parseWitness(id) && byId.has(id)));
  const asked = askedIds.map((id) => byId.get(id ?? ""));
  const pair = asked[0] && asked[1] ? (asked as [Witness, Witness]) : defaultPair(data.witnesses);
  const comparable = pair && primaryLanguage(pair[0].language) === primaryLanguage(pair[1].language);
  const result = pair && comparable ? wordDiff(pair[0].text, pair[1].text, pair[0].language, wordDiffOptions(view)) : null;
  const notesHref = (witness: Witness) => `/works/${work.slug}/editions/${witness.editionSlug}`;

  return (
    <>
      <p>
        <Link href="/">Works</Link> › {work.title} · <Link href={`/works/${work.slug}/compare#r${rowNumber}`}>Row {rowNumber} in the compare view</Link>
      </p>
      <h1>
        Row {rowNumber}: word diff and history
      </h1>
      <nav className="actions" aria-label="Rows">
        {rowNumber > 1 ? <Link href={`/works/${work.slug}/diff/${rowNumber - 1}`}>Previous row</Link> : null}
        {rowNumber < data.rowCount ? <Link href={`/works/${work.slug}/diff/${rowNumber + 1}`}>Next row</Link> : null}
      </nav>
      {data.witnesses.length < 2 ? (
        <p>This row has one text only and no revisions: there is nothing to compare.</p>
      ) : (
        <form method="get" className="diff-form" aria-label="Choose what to compare">
          <WitnessSelect name="a" label="Compare" witnesses={data.witnesses} value={pair?.[0].id} />
          <WitnessSelect name="b" label="with" witnesses={data.witnesses} value={pair?.[1].id} />
          <div className="control-row" role="group" aria-label="Diff display">
            <label>
              <input type="radio" name="view" value="side" defaultChecked={view.view === "side"} /> side by side
            </label>
            <label>
              <input type="radio" name="view" value="inline" defaultChecked={view.view === "inline"} /> inline
            </label>
          </div>
          <div className="control-row" role="group" aria-label="Diff options">
            <label>
              <input type="checkbox" name="ignoreCase" value="1" defaultChecked={view.ignoreCase} /> ignore case
            </label>
            <label>
              <input type="checkbox" name="ignorePunctuation" value="1" defaultChecked={view.ignorePunctuation} /> ignore punctuation
            </label>
            <label>
              <input type="checkbox" name="ignoreWhitespace" value="1" defaultChecked={view.ignoreWhitespace} /> ignore whitespace
            </label>
          </div>
          <p>
            <label htmlFor="diff-profile">Normalisation </label>
            <select id="diff-profile" name="profile" defaultValue={view.profile}>
              {PROFILES.map((profile) => (
                <option key={profile} value={profile}>
                  {PROFILE_LABEL[profile]}
                </option>
              ))}
            </select>
          </p>
          <button type="submit" className="button">
            Compare
          </button>
        </form>
      )}

      {unknown.length > 0 ? (
        <p role="alert" className="provenance-box">
          This row has no text “{unknown.join("”, “")}”; showing {pair ? "the texts chosen below" : "nothing"} instead.
        </p>
      ) : null}
      {pair && !comparable ? (
        <p role="alert" className="provenance-box">
          {pair[0].label} and {pair[1].label} are in different languages: a word diff across languages means nothing. The compare view shows their
          variant signals (anchors, lengths) instead.
        </p>
      ) : null}
      {pair && result ? (
        <section aria-labelledby="diff-title" className="row-diff">
          <h2 id="diff-title">
            {pair[0].label} → {pair[1].label}
          </h2>
          {result.status !== "ok" ? (
            <TooDifferent reason={result.reason} />
          ) : result.identical ? (
            <p role="status">No difference under these options.</p>
          ) : view.view === "inline" ? (
            <div className="cell" lang={pair[0].language}>
              <InlineDiff parts={result.parts} notesHref={notesHref(pair[1])} fromLabel={pair[0].label} toLabel={pair[1].label} />
            </div>
          ) : (
            <div className="diff-sides">
              <div className="cell" lang={pair[0].language}>
                <MarkedText text={pair[0].text} marks={diffMarks(result.left, "removed")} notesHref={notesHref(pair[0])} />
              </div>
              <div className="cell" lang={pair[1].language}>
                <MarkedText text={pair[1].text} marks={diffMarks(result.right, "added")} notesHref={notesHref(pair[1])} />
              </div>
            </div>
          )}
          {result.status === "ok" ? (
            <p className="hint">
              {result.stats.equalWords} words in common, {result.stats.removedWords} only in the first, {result.stats.addedWords} only in the second
              (similarity {result.stats.similarity.toFixed(2)}).
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">Revisions in this row</h2>
        {data.revisions.length === 0 ? (
          <p>No sentence of this row has been revised.</p>
        ) : (
          <ol className="revision-list">
            {data.revisions.map((revision) => (
              <li key={revision.id}>
                <time dateTime={revision.createdAt.toISOString()}>{revision.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time>, {revision.editionSlug}
                {revision.author ? `, ${revision.author}` : ""}: {revision.reason} ·{" "}
                <Link href={`/works/${work.slug}/diff/${rowNumber}?a=before:${revision.id}&b=after:${revision.id}`}>what changed</Link>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
