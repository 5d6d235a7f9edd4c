import { describe, expect, it } from "vitest";
import { decideAttempt, DEFAULT_BACKOFF, type ThrottleState } from "./sign-in-backoff";

const policy = { ...DEFAULT_BACKOFF, freeFailures: 3 };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 6) + seconds * 1000);

/** Attempts at the given times, all failing; answers each decision's allowed flag and retry-after. */
function run(times: number[]): (number | true)[] {
  let state: ThrottleState | null = null;
  return times.map((t) => {
    const decision = decideAttempt(state, at(t), policy);
    if (!decision.allowed) return decision.retryAfterSeconds;
    state = decision.state;
    return true;
  });
}

describe("the per-account sign-in back-off", () => {
  it("allows the free failures, then locks the account after the last of them", () => {
    expect(run([0, 1, 2, 3])).toEqual([true, true, true, 29]);
  });

  it("doubles the lock with every further failure, up to the maximum", () => {
    expect(run([0, 1, 2, 32, 33, 93, 94])).toEqual([true, true, true, true, 59, true, 119]);
    const many: ThrottleState = { failures: 40, lockedUntil: null, updatedAt: at(0) };
    const decision = decideAttempt(many, at(1), policy);
    expect(decision.allowed && decision.state.lockedUntil!.getTime() - at(1).getTime()).toBe(DEFAULT_BACKOFF.maxLockSeconds * 1000);
  });

  it("forgets failures a day old", () => {
    const old: ThrottleState = { failures: 9, lockedUntil: at(0), updatedAt: at(0) };
    const decision = decideAttempt(old, at(DEFAULT_BACKOFF.forgetAfterSeconds + 1), policy);
    expect(decision).toMatchObject({ allowed: true, state: { failures: 1, lockedUntil: null } });
  });
});
