/** Readers for the HTTP benchmarks: `count` clients loading pages one after another, as fast as answers come, for a while. */
import { performance } from "node:perf_hooks";

export interface ReadResult {
  /** Each page's time from request to the whole body, sorted. */
  times: number[];
  statuses: Map<number, number>;
  seconds: number;
}

export async function runReaders(urls: readonly string[], count: number, durationMs: number): Promise<ReadResult> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: count }, async (_, reader) => {
      for (let n = reader; performance.now() < deadline; n += count) {
        const start = performance.now();
        const status = await fetch(urls[n % urls.length]).then(
          async (response) => (await response.arrayBuffer(), response.status),
          () => 0,
        );
        times.push(performance.now() - start);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return { times: times.sort((a, b) => a - b), statuses, seconds: (performance.now() - started) / 1000 };
}

/** Answers that are not pages: 5xx, and 0 for a request that got no answer at all. */
export const failedReads = (result: ReadResult) => [...result.statuses].filter(([status]) => status >= 500 || status === 0).reduce((sum, [, n]) => sum + n, 0);
