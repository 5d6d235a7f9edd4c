import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { isWholeGrid } from "@/lib/db/grid/list-changes";
import { JournalFilterSchema, listJournal, type JournalFilter } from "@/lib/db/grid/list-journal";
import { restorableEntries } from "@/lib/db/snapshots/restorable-entries";
import { pageReader } from "@/app/page-reader";
import { formatTime } from "../align/change-list";
import { loadWork } from "../load-work";
import { RestoreButton } from "./restore-button";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ROWS_SHOWN = 4;

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `Journal · ${(await loadWork(work)).title}` };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function query(filter: JournalFilter, before?: number): string {
  const params = new URLSearchParams();
  for (const key of ["user", "kind", "from", "to"] as const) if (filter[key]) params.set(key, filter[key]!);
  if (before) params.set("before", String(before));
  return params.toString();
}

/** Every change to the work's grid and text, newest first, filterable by who, what and when. */
export default async function JournalPage({ params, searchParams }: Props) {
  const { work: slug } = await params;
  const { user } = await pageReader();
  const work = await loadWork(slug);
  const raw = await searchParams;
  const parsed = JournalFilterSchema.safeParse({ user: first(raw.user), kind: first(raw.kind), from: first(raw.from), to: first(raw.to), before: first(raw.before) });
  const filter: JournalFilter = parsed.success ? parsed.data : {};
  const page = await listJournal(db(), work.id, filter);
  const canRestore = user !== null && hasRole(user.role, "editor");
  const snapshots = await restorableEntries(db(), page.entries.map((entry) => entry.id));
  const rowLink = (id: string) => `/works/${slug}/rows/${id}`;

  return (
    <>
      <p>
        <Link href="/">Works</Link> › <Link href={`/works/${slug}/compare`}>{work.title}</Link> › <Link href={`/works/${slug}/align`}>Align</Link>
      </p>
      <h1>Journal: {work.title}</h1>
      <p className="lede">
        Every change to the alignment and the text, with who made it and when, including automatic alignment runs and imports. These are not
        undone step by step: the grid they replaced is kept, and an editor can restore it here (the restore is kept in the journal too). Newest
        first.
      </p>
      {parsed.success ? null : (
        <p role="alert" className="provenance-box">
          The filter in the address does not work ({parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}); showing everything.
        </p>
      )}
      <form className="journal-filter" method="get">
        <div>
          <label htmlFor="journal-user">Who</label>
          <select id="journal-user" name="user" defaultValue={filter.user ?? ""}>
            <option value="">Everyone</option>
            {page.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="journal-kind">What</label>
          <select id="journal-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">Every kind</option>
            {page.kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="journal-from">From</label>
          <input id="journal-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div>
          <label htmlFor="journal-to">To</label>
          <input id="journal-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
        <Link href={`/works/${slug}/journal`}>Clear the filter</Link>
      </form>
      {page.entries.length === 0 ? (
        <p>No changes{parsed.success && query(filter) ? " match the filter" : " yet"}.</p>
      ) : (
        <table className="journal">
          <caption className="visually-hidden">Changes to {work.title}</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Kind</th>
              <th scope="col">What</th>
              <th scope="col">Rows</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => (
              <tr key={entry.id} data-kind={entry.kind} className={entry.undoneAt ? "undone" : undefined}>
                <td>{entry.gridVersion}</td>
                <td>
                  <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time>
                </td>
                <td>{entry.userName ?? "—"}</td>
                <td>
                  <code>{entry.kind}</code>
                </td>
                <td>
                  {entry.summary}
                  {entry.undoneAt ? <span className="badge"> undone</span> : null}
                  {canRestore && snapshots.restorable.has(entry.id) ? <RestoreButton workSlug={slug} entryId={entry.id} gridVersion={entry.gridVersion} /> : null}
                  {snapshots.pruned.has(entry.id) ? <span className="badge"> snapshot no longer kept</span> : null}
                </td>
                <td>
                  {isWholeGrid(entry.kind) ? (entry.rowIds.length > 0 ? "every row (text placed in: " : "every row") : null}
                  {entry.rowIds.slice(0, ROWS_SHOWN).map((id, index) => (
                    <span key={id}>
                      {index > 0 ? ", " : null}
                      <Link href={rowLink(id)}>{page.rowNumbers[id] ? `row ${page.rowNumbers[id]}` : "a removed row"}</Link>
                    </span>
                  ))}
                  {entry.rowIds.length > ROWS_SHOWN ? ` and ${entry.rowIds.length - ROWS_SHOWN} more` : null}
                  {isWholeGrid(entry.kind) && entry.rowIds.length > 0 ? ")" : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.nextBefore ? (
        <p>
          <Link href={`/works/${slug}/journal?${query(filter, page.nextBefore)}`}>Older changes</Link>
        </p>
      ) : null}
    </>
  );
}
