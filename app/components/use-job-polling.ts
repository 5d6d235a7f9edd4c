"use client";

/**
 * A background job followed from a page: the job as last read, and `follow(id)`, which polls the job's route every
 * second until it is neither queued nor running (the polling stops when the component goes away).
 */
import { useEffect, useRef, useState } from "react";
import type { JobView } from "@/lib/db/jobs/job-view";

const POLL_MS = 1000;

export const isActive = (job: JobView | null) => job !== null && (job.status === "queued" || job.status === "running");

/**
 * What a followed job's status line says: its progress while it runs (or that no worker has taken it yet), `done`
 * once it is done, why there is no `what` when it failed or was cancelled, and nothing before it starts.
 */
export function jobStatusText(job: JobView | null, done: string, what: string): string {
  if (job && isActive(job)) return job.waitingForWorker ? "Waiting for a worker to start (none is running)." : `${Math.round(job.progress * 100)} % — ${job.message}`;
  if (job?.status === "done") return done;
  return job?.status === "failed" || job?.status === "cancelled" ? `No ${what}: ${job.message}` : "";
}

export function useJobPolling(workSlug: string) {
  const [job, setJob] = useState<JobView | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const api = `/api/works/${encodeURIComponent(workSlug)}`;

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function follow(jobId: string) {
    const poll = async () => {
      const response = await fetch(`${api}/jobs/${jobId}`, { cache: "no-store" }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as { job?: JobView } | null;
      if (body?.job) {
        setJob(body.job);
        if (!isActive(body.job)) return;
      }
      timer.current = setTimeout(() => void poll(), POLL_MS);
    };
    timer.current = setTimeout(() => void poll(), POLL_MS);
  }

  return { job, setJob, follow, api };
}
