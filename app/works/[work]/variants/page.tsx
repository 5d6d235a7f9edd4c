import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { MAX_EDITIONS } from "@/lib/compare/edition-selection";
import { db } from "@/lib/db/client";
import { listVariantAuthors } from "@/lib/db/variants/list-authors";
import { listVariants } from "@/lib/db/variants/list-variants";
import { PROVENANCE_LABEL, roleLabel } from "@/lib/editions/provenance";
import { variantHistogram } from "@/lib/variants/histogram";
import type { VariantRecord } from "@/lib/variants/variant-record";
import { CATEGORY_LABEL, STATUS_LABEL, VARIANT_CATEGORIES, VARIANT_STATUSES, VariantFilterSchema, type VariantFilter } from "@/lib/variants/variant-schemas";
import { StatusControl } from "./status-control";
import { suggestRowVariants, SUGGESTION_WINDOW } from "@/lib/db/words/suggest-row-variants";
import { RecordVariant } from "../compare/record-variant";
import { loadWork } from "../load-work";
import { pageReader } from "@/app/page-reader";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ work: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const HISTOGRAM_BINS = 40;

export async function generateMetadata({ params }: Props) {
  const { work } = await params;
  return { title: `Variants · ${(await loadWork(work)).title}` };
}

function filterQuery(filter: VariantFilter, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filter, ...extra }).filter(([, value]) => value !== undefined && value !== "");
  return entries.length ? `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()}` : "";
}

/** The compare view with the variant's editions (when they make a valid choice) at its row. */
function rowHref(workSlug: string, variant: VariantRecord): string {
  const slugs = variant.editions.map((edition) => edition.slug);
  const editions = slugs.length >= 2 && slugs.length <= MAX_EDITIONS ? `?editions=${slugs.join(",")}` : "";
  return `/works/${workSlug}/compare${editions}#r${variant.rowNumber}`;
}

export default async function VariantsPage({ params, searchParams }: Props) {
  const { work: workSlug } = await params;
  const work = await loadWork(workSlug);
  const access = await pageReader();
  const { user } = access;
  const query = await searchParams;
  const suggestedFrom = Math.max(1, Number.parseInt(String(query.suggested ?? "1"), 10) || 1);
  const parsed = VariantFilterSchema.safeParse(Object.fromEntries(Object.entries(query).filter(([key]) => key !== "suggested")));
  const filter: VariantFilter = parsed.success ? parsed.data : {};
  const [variants, all, authors, rowCount] = await Promise.all([
    listVariants(access, db(), { workSlug, filter }),
    listVariants(access, db(), { workSlug }),
    listVariantAuthors(db(), work.id),
    db().alignmentRow.count({ where: { workId: work.id } }),
  ]);
  const suggested = await suggestRowVariants(db(), work.id, suggestedFrom);
  const recordable = user ? work.editions.map(({ slug, title, language }) => ({ slug, title, language })) : null;
  const histogram = variantHistogram(all, work.editions.map((edition) => edition.id), rowCount, HISTOGRAM_BINS);
  const mayChange = (variant: VariantRecord) => !!user && (variant.author?.id === user.id || hasRole(user.role, "editor"));
  const filtered = Object.values(filter).some((value) => value !== undefined);

  return (
    <>
      <p>
        <Link href="/">Works</Link> › {work.title} · <Link href={`/works/${work.slug}/compare`}>Compare</Link> ·{" "}
        <Link href={`/works/${work.slug}/search`}>Search</Link>
      </p>
      <h1>Variants: {work.title}</h1>
      <p className="lede">
        Differences between the editions that scholars recorded, row by row. Everyone can read the register; signed-in scholars and editors
        record variants from the compare view.
      </p>
      {!parsed.success ? (
        <p role="alert" className="provenance-box">
          Some filters in the address do not work and were left out: {parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}.
        </p>
      ) : null}

      <form className="variant-filters" method="get" aria-label="Filter the variants">
        <label>
          Category{" "}
          <select name="category" defaultValue={filter.category ?? ""}>
            <option value="">any</option>
            {VARIANT_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {CATEGORY_LABEL[category]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Edition{" "}
          <select name="edition" defaultValue={filter.edition ?? ""}>
            <option value="">any</option>
            {work.editions.map((edition) => (
              <option key={edition.slug} value={edition.slug}>
                {edition.slug} · {edition.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{" "}
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">any</option>
            {VARIANT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author{" "}
          <select name="author" defaultValue={filter.author ?? ""}>
            <option value="">anyone</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Row <input type="number" name="row" min={1} defaultValue={filter.row ?? ""} className="row-input" />
        </label>
        <label>
          Notes contain <input type="search" name="q" defaultValue={filter.q ?? ""} />
        </label>
        <button type="submit" className="button">
          Filter
        </button>
        {filtered ? <Link href={`/works/${work.slug}/variants`}>Clear filters</Link> : null}
      </form>

      <p className="actions">
        <a className="button secondary" href={`/api/works/${work.slug}/variants/export${filterQuery(filter, { format: "csv" })}`} download>
          Export CSV
        </a>
        <a className="button secondary" href={`/api/works/${work.slug}/variants/export${filterQuery(filter, { format: "json" })}`} download>
          Export JSON
        </a>
      </p>

      {all.length > 0 ? (
        <section aria-labelledby="histogram-title">
          <h2 id="histogram-title">Where variants concentrate</h2>
          <table className="histogram">
            <caption className="visually-hidden">Recorded variants per edition along the work, {histogram.rowsPerBin} rows per column</caption>
            <tbody>
              {work.editions.map((edition) => (
                <tr key={edition.id}>
                  <th scope="row">{edition.slug}</th>
                  {histogram.counts.get(edition.id)!.map((count, bin) => (
                    <td
                      key={bin}
                      className="histogram-bin"
                      style={{ "--share": histogram.max ? count / histogram.max : 0 } as React.CSSProperties}
                      title={`rows ${bin * histogram.rowsPerBin + 1}–${Math.min(rowCount, (bin + 1) * histogram.rowsPerBin)}: ${count}`}
                    >
                      <span className="visually-hidden">
                        rows {bin * histogram.rowsPerBin + 1}–{Math.min(rowCount, (bin + 1) * histogram.rowsPerBin)}: {count}
                      </span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <h2>
        {variants.length} variant{variants.length === 1 ? "" : "s"}
        {filtered ? " matching the filters" : ""}
      </h2>
      {variants.length === 0 ? (
        <p>{filtered ? "No variant matches these filters." : "No variant has been recorded yet."}</p>
      ) : (
        <ol className="variant-list">
          {variants.map((variant) => (
            <li key={variant.id} className="variant" data-variant-id={variant.id}>
              <p className="variant-head">
                <Link href={rowHref(work.slug, variant)}>Row {variant.rowNumber}</Link> · <strong>{CATEGORY_LABEL[variant.category]}</strong> ·{" "}
                {mayChange(variant) ? (
                  <StatusControl workSlug={work.slug} variantId={variant.id} status={variant.status} />
                ) : (
                  <span className={`status status-${variant.status}`}>{STATUS_LABEL[variant.status]}</span>
                )}
              </p>
              <p className="variant-editions">
                {variant.editions.map((edition) => (
                  <span key={edition.id} className={edition.provenance === "working_translation" ? "badge badge-working" : "badge"} title={PROVENANCE_LABEL[edition.provenance]}>
                    <span lang={edition.language}>{edition.title}</span> ({edition.slug},{" "}
                    {(edition.standsInForOriginal && !edition.isOriginal ? roleLabel(edition) : PROVENANCE_LABEL[edition.provenance]).toLowerCase()})
                  </span>
                ))}
              </p>
              <p className="variant-note">{variant.note}</p>
              <p className="variant-meta">
                {variant.author ? `${variant.author.name}, ` : ""}
                <time dateTime={variant.createdAt.toISOString()}>{variant.createdAt.toISOString().slice(0, 10)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="suggested-variants">
        <h2 id="suggested-variants">Suggested variants</h2>
        <p className="lede">
          Found by the word links against {suggested.base ?? "the pivot"}, rows {suggestedFrom}–{Math.min(suggestedFrom + SUGGESTION_WINDOW - 1, suggested.rowCount)} of {suggested.rowCount}: runs of two or more
          content words an edition adds or leaves out, and anchors (numbers, dates, names, quotations) it lacks. Read each before recording it: the links can be wrong.
        </p>
        {suggested.rows.length === 0 ? <p>No suggestions in these rows.</p> : null}
        <ol className="variant-list">
          {suggested.rows.flatMap((row) =>
            row.suggestions.map((suggestion, index) => (
              <li key={`${row.rowId}-${index}`} className="suggestion">
                <p className="variant-head">
                  <Link href={`/works/${work.slug}/compare#r${row.number}`}>Row {row.number}</Link> · <strong>{CATEGORY_LABEL[suggestion.category]}</strong> · {suggestion.editionSlug}
                </p>
                <p className="variant-note">{suggestion.note}</p>
                {recordable ? (
                  <RecordVariant
                    workSlug={work.slug}
                    rowId={row.rowId}
                    rowNumber={row.number}
                    editions={recordable}
                    suggestion={{ editions: [suggestion.editionSlug, suggestion.baseSlug], category: suggestion.category, note: suggestion.note }}
                  />
                ) : null}
              </li>
            )),
          )}
        </ol>
        <nav className="pagination" aria-label="Rows of suggestions">
          {suggestedFrom > 1 ? <Link href={`?suggested=${Math.max(1, suggestedFrom - SUGGESTION_WINDOW)}#suggested-variants`}>Earlier rows</Link> : null}{" "}
          {suggestedFrom + SUGGESTION_WINDOW <= suggested.rowCount ? <Link href={`?suggested=${suggestedFrom + SUGGESTION_WINDOW}#suggested-variants`}>Later rows</Link> : null}
        </nav>
      </section>
    </>
  );
}
