"use client";

import { useState } from "react";
import { JobStatus } from "@/app/components/job-status";
import { isActive, useJobPolling } from "@/app/components/use-job-polling";
import type { JobView } from "@/lib/db/jobs/job-view";

interface Request {
  kind: string;
  edition?: string;
  editions?: string[];
}

interface FileResult {
  fileName?: string;
  bytes?: number;
  expiresAt?: string;
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * An export too large to be written on the request: a button that has a worker make the file (POST …/exports, the
 * export-work job), the job's progress while it runs (polling …/jobs/<job>), a way to cancel it for whoever asked
 * (signed in) and editors, and once done the download with the time until which the file is kept.
 */
export function JobExport({ workSlug, request, label, signedIn }: { workSlug: string; request: Request; label: string; signedIn: boolean }) {
  const { job, setJob, follow, api } = useJobPolling(workSlug);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setError(null);
    const response = await fetch(`${api}/exports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { job?: JobView; error?: { message: string } } | null;
    if (response?.ok && body?.job) {
      setJob(body.job);
      follow(body.job.id);
    } else setError(body?.error?.message ?? "The server could not be reached; no export was started.");
  }

  async function cancel() {
    if (!job) return;
    const response = await fetch(`${api}/jobs/${job.id}/cancel`, { method: "POST" }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { job?: JobView; error?: { message: string } } | null;
    if (body?.job) setJob(body.job);
    else setError(body?.error?.message ?? "The server could not be reached; the export was not cancelled.");
  }

  const result = job?.status === "done" ? ((job.result ?? {}) as FileResult) : null;
  const until = result?.expiresAt ? new Date(result.expiresAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : null;
  return (
    <div className="job-export">
      {isActive(job) ? (
        <>
          <progress className="alignment-progress" max={1} value={job!.progress} aria-label={`${label}: progress`} />{" "}
          {signedIn ? (
            <button type="button" className="link-button" onClick={() => void cancel()}>
              Cancel
            </button>
          ) : null}
        </>
      ) : result ? (
        <a className="button" href={`${api}/exports/${job!.id}`} download>
          Download {result.fileName} ({size(result.bytes ?? 0)})
        </a>
      ) : (
        <button type="button" className="button secondary" onClick={() => void start()}>
          {job ? "Prepare it again" : "Prepare the file"}
        </button>
      )}
      <JobStatus job={job} done={`Ready. The file is kept until ${until}; after that, prepare it again.`} what="file" error={error} />
    </div>
  );
}
