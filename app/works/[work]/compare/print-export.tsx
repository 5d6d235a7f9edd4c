"use client";

import { useId, useState } from "react";
import { JobStatus } from "@/app/components/job-status";
import { isActive, useJobPolling } from "@/app/components/use-job-polling";
import type { JobView } from "@/lib/db/jobs/job-view";

/**
 * The compare view's print and PDF place: print the page as it is (its print stylesheet hides the controls), open
 * the printable parallel edition, or have a worker print the chosen editions (all rows or a range) as a PDF — the
 * export-pdf job, followed by polling its route until the file can be downloaded. Its controls are drawn when it is
 * first opened, so a page does not carry them until a reader asks for them.
 */
export function PrintExport({ workSlug, editions, rowCount }: { workSlug: string; editions: string[]; rowCount: number }) {
  const id = useId();
  const [range, setRange] = useState<"all" | "some">("all");
  const [from, setFrom] = useState(1);
  const [to, setTo] = useState(rowCount);
  const { job, setJob, follow, api } = useJobPolling(workSlug);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);

  async function start() {
    setError(null);
    const rows = range === "some" ? { from, to } : {};
    const response = await fetch(`${api}/pdf`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ editions, ...rows }) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { job?: JobView; error?: { message: string } } | null;
    if (response?.ok && body?.job) {
      setJob(body.job);
      follow(body.job.id);
    } else setError(body?.error?.message ?? "The server could not be reached; no PDF was started.");
  }

  const printable = `/works/${encodeURIComponent(workSlug)}/print?editions=${editions.join(",")}${range === "some" ? `&from=${from}&to=${to}` : ""}`;
  const result = job?.status === "done" ? (job.result as { pages?: number; bytes?: number } | null) : null;
  return (
    <details className="print-export" onToggle={(event) => setOpened(opened || event.currentTarget.open)}>
      <summary>Print or save as PDF</summary>
      {opened ? (
        <>
          <p>
            <button type="button" className="link-button" onClick={() => window.print()}>
              Print this page
            </button>{" "}
            · <a href={printable}>Printable parallel edition</a> (your browser can save it as PDF)
          </p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void start();
            }}
          >
            <fieldset>
              <legend>Rows of the PDF ({editions.join(", ")})</legend>
              <label>
                <input type="radio" name={`${id}-range`} checked={range === "all"} onChange={() => setRange("all")} /> all {rowCount} rows
              </label>{" "}
              <label>
                <input type="radio" name={`${id}-range`} checked={range === "some"} onChange={() => setRange("some")} /> only rows
              </label>{" "}
              <label htmlFor={`${id}-from`} className="visually-hidden">
                From row
              </label>
              <input id={`${id}-from`} type="number" min={1} max={rowCount} value={from} disabled={range === "all"} onChange={(event) => setFrom(Number(event.target.value) || 1)} />
              {" – "}
              <label htmlFor={`${id}-to`} className="visually-hidden">
                To row
              </label>
              <input id={`${id}-to`} type="number" min={1} max={rowCount} value={to} disabled={range === "all"} onChange={(event) => setTo(Number(event.target.value) || rowCount)} />
            </fieldset>
            <button type="submit" className="button secondary" disabled={isActive(job)}>
              Make PDF
            </button>
          </form>
          <JobStatus job={job} done={job?.message ?? ""} what="PDF" error={error} />
          {job?.status === "done" ? (
            <p>
              <a className="button" href={`${api}/pdf/${job.id}`} download>
                Download the PDF{result?.pages ? ` (${result.pages} pages, ${((result.bytes ?? 0) / 1024).toFixed(0)} KB)` : ""}
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </details>
  );
}
