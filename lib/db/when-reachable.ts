/**
 * Runs a step that needs the database (booting, starting a worker) again and again while the database cannot be
 * reached — down, restarting, refusing connections — with back-off (0.5 s doubling to 15 s, with jitter), for as
 * long as it takes or until `signal` is aborted. Any other failure (a wrong password, a missing database, a bug) is
 * thrown at once: waiting would not mend it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { databaseTrouble } from "./unavailable";

const RETRY_MS = { first: 500, max: 15_000 };

export class StoppedWaitingError extends Error {
  constructor() {
    super("Stopped while waiting for the database.");
    this.name = "StoppedWaitingError";
  }
}

export interface WhenReachableOptions {
  /** Told once when waiting starts ("Waiting for the database…") and once when the step succeeded after waiting. */
  log: (line: string) => void;
  signal?: AbortSignal;
}

const lastLine = (error: unknown) => (error instanceof Error ? error.message.trim().split("\n").at(-1)! : String(error));

export async function whenReachable<T>(step: () => Promise<T>, { log, signal }: WhenReachableOptions): Promise<T> {
  let delay = RETRY_MS.first;
  let waiting = false;
  for (;;) {
    if (signal?.aborted) throw new StoppedWaitingError();
    try {
      const result = await step();
      if (waiting) log("The database is back.");
      return result;
    } catch (error) {
      if (!databaseTrouble(error)) throw error;
      if (!waiting) log(`Waiting for the database (${lastLine(error)}); trying again until it answers.`);
      waiting = true;
    }
    await sleep(delay * (0.75 + Math.random() / 2), undefined, { signal }).catch(() => undefined);
    delay = Math.min(delay * 2, RETRY_MS.max);
  }
}
