"use client";

/** A followed job's status line (announced as it changes) and, below it, the error of the request that started it. */
import type { JobView } from "@/lib/db/jobs/job-view";
import { jobStatusText } from "./use-job-polling";

export function JobStatus({ job, done, what, error }: { job: JobView | null; done: string; what: string; error: string | null }) {
  return (
    <>
      <p role="status" className="hint">
        {jobStatusText(job, done, what)}
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </>
  );
}
