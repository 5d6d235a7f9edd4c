import { afterEach, describe, expect, it, vi } from "vitest";
import { ConcurrencyLimit } from "./concurrency-limit";

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe("ConcurrencyLimit", () => {
  it("lets `limit` holders in at once and the others in the order they came, as slots are released", async () => {
    const limit = new ConcurrencyLimit(2);
    const order: number[] = [];
    const releases: Array<() => void> = [];
    for (let i = 0; i < 5; i += 1) void limit.acquire().then((release) => (order.push(i), releases.push(release)));
    await settle();
    expect(order).toEqual([0, 1]);
    expect([limit.running, limit.queued]).toEqual([2, 3]);

    releases[1]();
    await settle();
    expect(order).toEqual([0, 1, 2]);
    expect([limit.running, limit.queued]).toEqual([2, 2]);

    releases[0]();
    releases[2]();
    await settle();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect([limit.running, limit.queued]).toEqual([2, 0]);
    releases[3]();
    releases[4]();
    expect([limit.running, limit.queued]).toEqual([0, 0]);
  });

  it("counts a release once however often it is called", async () => {
    const limit = new ConcurrencyLimit(1);
    const first = await limit.acquire();
    const waiting = limit.acquire();
    const third = limit.acquire();
    first();
    first();
    first();
    const second = await waiting;
    await settle();
    expect([limit.running, limit.queued]).toEqual([1, 1]);
    second();
    (await third)();
    expect([limit.running, limit.queued]).toEqual([0, 0]);
  });

  it("takes back a slot its holder never released after maxHoldMs", async () => {
    vi.useFakeTimers();
    const limit = new ConcurrencyLimit(1, 1_000);
    await limit.acquire();
    let second = false;
    void limit.acquire().then(() => (second = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(second).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(second).toBe(true);
  });

  it("refuses a limit below one", () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(/≥ 1/);
  });
});
