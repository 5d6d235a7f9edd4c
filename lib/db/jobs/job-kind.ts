/**
 * What a kind of job is: its name, the schema of its input, whether two may run at once on a work, how often it
 * may be tried, what the UI calls it, and the handler a worker runs. Adding a kind is one file in ./kinds
 * defining it with `defineJobKind` and one line in ./registry.ts (ARCHITECTURE.md, "Jobs").
 */
import type { z } from "zod";
import type { Db } from "../client";
import type { Tx } from "../grid/types";

/** A job's result: plain JSON, shown by the UI and the API. */
export type JobResult = { [key: string]: unknown };

export interface JobContext<Payload> {
  db: Db;
  jobId: string;
  workId: string;
  payload: Payload;
  /** Who asked, for journals and notices; null for jobs the system queued. */
  user: { id: string; name: string } | null;
  /** 1 for the first run, 2 when a run before this one died or failed… */
  attempt: number;
  /**
   * Records how far the job got (0..1) and what it is doing; written at most a few times a second. Never throws;
   * when the job is no longer this run's (cancelled, or taken over after a lost lease) it aborts `signal`.
   */
  progress(fraction: number, message: string): Promise<void>;
  /** Aborted when the job is cancelled, taken over, or its worker shuts down: stop at the next safe point. */
  signal: AbortSignal;
  /**
   * Marks the job done inside the caller's transaction, so the job's writes and its completion commit together
   * or not at all. Throws JobStoppedError (rolling the transaction back) when the job was cancelled or taken over
   * meanwhile. A handler that changes the grid must call it in the transaction that changes it; handlers that only
   * fill caches may simply return their result.
   */
  complete(tx: Tx, result: JobResult, message: string): Promise<void>;
}

export interface JobKind<Payload = unknown> {
  kind: string;
  /** Validates the input when the job is queued (and again when a worker runs it). */
  payload: z.ZodType<Payload>;
  /** Jobs of one group never run two at a time on one work (an exclusion constraint); queuing another is refused. */
  group?: string;
  /** Queuing this kind while one is queued for the work returns the queued one instead of queuing another. */
  coalesce?: boolean;
  /** Runs at most this many times (a run whose worker died counts); unexpected errors are retried with back-off. */
  maxAttempts: number;
  /** What the job does, for the UI: "Aligning the work", "Computing the row signals". */
  title(payload: Payload): string;
  /** The refusal when another job of the group is active. */
  conflictMessage?(active: { kind: string; userName: string | null }): string;
  /** Does the work; returns the result, or calls ctx.complete itself (see above). */
  run(ctx: JobContext<Payload>): Promise<JobResult & { message?: string }>;
}

/** Checks a kind against its payload's type, then keeps it as one of the registry's kinds (payload checked at run time by its schema). */
export function defineJobKind<Payload>(kind: JobKind<Payload>): JobKind<unknown> {
  return kind as unknown as JobKind<unknown>;
}

/** The run stopped because the job is no longer its own to run (cancelled, taken over) or its worker is stopping. */
export class JobStoppedError extends Error {
  constructor(message = "The job was stopped.") {
    super(message);
    this.name = "JobStoppedError";
  }
}
