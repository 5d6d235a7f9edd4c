import { describe, expect, it } from "vitest";
import { htmlOnlyWaiting, putHtmlOnly, takeHtmlOnly } from "./html-only";

describe("html-only hand-over", () => {
  it("gives a value back by its token, and for a few seconds only once taken", () => {
    const now = Date.now();
    const token = putHtmlOnly({ rows: [1, 2] }, now);
    expect(takeHtmlOnly(token, now)).toEqual({ rows: [1, 2] });
    expect(takeHtmlOnly(token, now + 1_000)).toEqual({ rows: [1, 2] });
    expect(takeHtmlOnly(token, now + 6_000)).toBeUndefined();
    expect(takeHtmlOnly("no-such-token", now)).toBeUndefined();
  });

  it("does not give an expired value, and drops expired entries as new ones come", () => {
    const start = 1_000_000;
    const old = putHtmlOnly("old", start);
    expect(takeHtmlOnly(old, start + 16_000)).toBeUndefined();
    const stale = putHtmlOnly("stale", start);
    const before = htmlOnlyWaiting();
    putHtmlOnly("fresh", start + 16_000);
    expect(htmlOnlyWaiting()).toBe(before - 1);
    expect(takeHtmlOnly(stale, start + 16_000)).toBeUndefined();
  });

  it("keeps at most 64 entries, dropping the oldest", () => {
    const now = Date.now();
    const first = putHtmlOnly("first", now);
    for (let i = 0; i < 100; i++) putHtmlOnly(i, now);
    expect(htmlOnlyWaiting()).toBeLessThanOrEqual(64);
    expect(takeHtmlOnly(first, now)).toBeUndefined();
  });
});
