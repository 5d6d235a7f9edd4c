"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { AlignmentPreview } from "@/lib/db/alignment/preview-alignment";
import type { JobView } from "@/lib/db/jobs/job-view";
import { formatTime } from "../align/change-list";

interface EditionOption {
  slug: string;
  title: string;
  language: string;
}

interface Props {
  workSlug: string;
  editions: EditionOption[];
  pivotSlug: string | null;
  canAlign: boolean;
  signedIn: boolean;
  initialJob: JobView | null;
}

const POLL_MS = 1000;

function isActive(job: JobView | null): boolean {
  return job !== null && (job.status === "queued" || job.status === "running");
}

/**
 * The pivot, the Align and Re-align buttons (editors) with a confirmation step that says what the run will change
 * (GET ../align?mode=…: rows it may change, confirmed rows kept), and the progress of the work's latest alignment job, read
 * by polling the job's route while it runs (the job's state is in the database, so any app server answers); an
 * editor can cancel it while it is queued or running.
 */
export function AlignmentControls({ workSlug, editions, pivotSlug, canAlign, signedIn, initialJob }: Props) {
  const router = useRouter();
  const pivotId = useId();
  const [pivot, setPivot] = useState(pivotSlug ?? "");
  const [job, setJob] = useState(initialJob);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [preview, setPreview] = useState<AlignmentPreview | null>(null);
  const api = `/api/works/${encodeURIComponent(workSlug)}/align`;
  const jobsApi = `/api/works/${encodeURIComponent(workSlug)}/jobs`;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const follow = useCallback(
    (jobId: string) => {
      const poll = async () => {
        const response = await fetch(`${jobsApi}/${jobId}`, { cache: "no-store" }).catch(() => null);
        const body = (await response?.json().catch(() => null)) as { job?: JobView } | null;
        if (body?.job) {
          setJob(body.job);
          if (!isActive(body.job)) {
            router.refresh();
            return;
          }
        }
        timer.current = setTimeout(() => void poll(), POLL_MS);
      };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void poll(), POLL_MS);
    },
    [jobsApi, router],
  );

  useEffect(() => {
    if (initialJob && isActive(initialJob)) follow(initialJob.id);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [initialJob, follow]);

  /** First step: what the run would change, shown for confirmation (a refused re-alignment says why). */
  async function ask(mode: "align" | "realign") {
    setSending(true);
    setError(null);
    setPreview(null);
    const response = await fetch(`${api}?mode=${mode}`, { cache: "no-store" }).catch(() => null);
    setSending(false);
    const body = (await response?.json().catch(() => null)) as { preview?: AlignmentPreview; error?: { message: string } } | null;
    if (!response?.ok || !body?.preview) {
      setError(body?.error?.message ?? "The server could not be reached; nothing was started.");
      return;
    }
    if (body.preview.refused) setError(body.preview.message);
    else setPreview(body.preview);
  }

  async function start(mode: "align" | "realign") {
    setPreview(null);
    setSending(true);
    setError(null);
    const response = await fetch(api, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mode, ...(pivot ? { pivot } : {}) }),
    }).catch(() => null);
    setSending(false);
    const body = (await response?.json().catch(() => null)) as { job?: JobView; error?: { message: string; details?: { job?: JobView } } } | null;
    if (response?.ok && body?.job) {
      setJob(body.job);
      follow(body.job.id);
      return;
    }
    setError(body?.error?.message ?? "The server could not be reached; nothing was started.");
    const running = body?.error?.details?.job;
    if (running) {
      setJob(running);
      follow(running.id);
    }
  }

  async function cancel(jobId: string) {
    setSending(true);
    setError(null);
    const response = await fetch(`${jobsApi}/${jobId}/cancel`, { method: "POST" }).catch(() => null);
    setSending(false);
    const body = (await response?.json().catch(() => null)) as { job?: JobView; error?: { message: string; details?: { job?: JobView } } } | null;
    const latest = body?.job ?? body?.error?.details?.job;
    if (latest) setJob(latest);
    if (!response?.ok) setError(body?.error?.message ?? "The server could not be reached; the job was not cancelled.");
    router.refresh();
  }

  const active = isActive(job);
  const pivotEdition = editions.find((e) => e.slug === pivotSlug);
  return (
    <div className="alignment-controls">
      {canAlign ? (
        <div className="actions">
          <span>
            <label htmlFor={pivotId}>Pivot </label>
            <select id={pivotId} value={pivot} onChange={(event) => setPivot(event.target.value)} disabled={active || sending}>
              {editions.map((edition) => (
                <option key={edition.slug} value={edition.slug}>
                  {edition.slug} — {edition.title}
                </option>
              ))}
            </select>
          </span>
          <button type="button" className="button" onClick={() => void ask("align")} disabled={active || sending}>
            Align
          </button>
          <button type="button" className="button secondary" onClick={() => void ask("realign")} disabled={active || sending}>
            Re-align (keeps confirmed rows)
          </button>
        </div>
      ) : (
        <p>
          Pivot:{" "}
          {pivotEdition ? (
            <>
              <span lang={pivotEdition.language}>{pivotEdition.title}</span> ({pivotEdition.slug})
            </>
          ) : (
            "none yet"
          )}
          . {signedIn ? "Aligning needs the editor role." : "Sign in as an editor to align."}
        </p>
      )}
      {preview ? (
        <div className="alignment-confirm" role="group" aria-label="Confirm the alignment">
          <p data-rows-to-change={preview.rowsToChange} data-confirmed-kept={preview.confirmedKept}>
            {preview.message}
          </p>
          <button type="button" className="button" onClick={() => void start(preview.mode)} disabled={active || sending}>
            {preview.mode === "align" ? "Align now" : "Re-align now"}
          </button>{" "}
          <button type="button" className="button secondary" onClick={() => setPreview(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {job && active ? <progress className="alignment-progress" max={1} value={job.progress} aria-label="Progress of the alignment" /> : null}
      {job && active && canAlign ? (
        <button type="button" className="button secondary" onClick={() => void cancel(job.id)} disabled={sending}>
          Cancel
        </button>
      ) : null}
      <p role="status" className="alignment-job" data-status={job?.status ?? "none"}>
        {job ? describeJob(job) : "No alignment has been run from this page yet."}
      </p>
    </div>
  );
}

function describeJob(job: JobView): string {
  const who = job.user ? ` by ${job.user.name}` : "";
  if (job.status === "queued") {
    return `${job.title}${who}: ${job.waitingForWorker ? "waiting for a worker (none is running; start one with npm run worker)." : "waiting to start."}`;
  }
  if (job.status === "running") return `${job.title}${who}: ${Math.round(job.progress * 100)}% — ${job.message}`;
  const when = job.finishedAt ? `, ${formatTime(job.finishedAt)}` : "";
  if (job.status === "failed") return `The last run failed${who}${when}: ${job.message}`;
  if (job.status === "cancelled") return `The last run${who} was cancelled${job.cancelledBy ? ` by ${job.cancelledBy.name}` : ""}${when}; the grid is as it was.`;
  return `Last run${who}${when}: ${job.message}`;
}
