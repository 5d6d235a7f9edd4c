/**
 * The per-account sign-in limit: a few failed sign-ins are free; from the `freeFailures`-th failure in a row on,
 * the account is locked for a while that doubles with each further failure (30 s, 1 min, 2 min, … up to an hour).
 * An attempt counts as failed when it starts and the count is cleared when it succeeds, so concurrent guesses
 * cannot slip past the limit. Failures a day old are forgotten. Pure: lib/db/auth/sign-in-throttle.ts stores the state.
 */

export interface BackoffPolicy {
  freeFailures: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
  forgetAfterSeconds: number;
}

export const DEFAULT_BACKOFF: Omit<BackoffPolicy, "freeFailures"> = { firstLockSeconds: 30, maxLockSeconds: 60 * 60, forgetAfterSeconds: 24 * 60 * 60 };

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
  updatedAt: Date;
}

export type AttemptDecision = { allowed: true; state: ThrottleState } | { allowed: false; retryAfterSeconds: number };

/** Whether an attempt may start now, and the state to store if it does. */
export function decideAttempt(previous: ThrottleState | null, now: Date, policy: BackoffPolicy): AttemptDecision {
  const fresh = !previous || now.getTime() - previous.updatedAt.getTime() > policy.forgetAfterSeconds * 1000;
  const state = fresh ? { failures: 0, lockedUntil: null, updatedAt: now } : previous;
  if (state.lockedUntil && state.lockedUntil > now) {
    return { allowed: false, retryAfterSeconds: Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000) };
  }
  const failures = state.failures + 1;
  const over = failures - policy.freeFailures;
  const lockSeconds = over < 0 ? 0 : Math.min(policy.maxLockSeconds, policy.firstLockSeconds * 2 ** Math.min(over, 30));
  return { allowed: true, state: { failures, lockedUntil: lockSeconds ? new Date(now.getTime() + lockSeconds * 1000) : null, updatedAt: now } };
}
