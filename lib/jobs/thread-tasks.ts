/**
 * The CPU-heavy functions workers run on their thread pool (thread-pool.ts), by name. This file is the thread's
 * entry point: each task gets its input (structured-cloned) and a progress callback that posts to the job on the
 * main thread. Adding a task is one line in THREAD_TASKS; its input and output must be plain data.
 */
import type { MessagePort } from "node:worker_threads";
import { alignPair } from "../alignment/aligner";
import { computeAlignment } from "../db/alignment/compute-alignment";
import { computeWordSets } from "../db/words/align-work-words";

type Report = (done: number, message: string) => void;

export const THREAD_TASKS = {
  alignPair: (input: Parameters<typeof alignPair>) => alignPair(...input),
  computeAlignment: ([pieces, pivot, others, options]: Parameters<typeof computeAlignment>, report: Report) =>
    computeAlignment(pieces, pivot, others, { ...options, onProgress: report }),
  computeWordSets: ([input, glossaries, options]: Parameters<typeof computeWordSets>, report: Report) =>
    computeWordSets(input, glossaries, { ...options, onProgress: report }),
};

export type ThreadTaskName = keyof typeof THREAD_TASKS;
export type ThreadInput<T extends ThreadTaskName> = Parameters<(typeof THREAD_TASKS)[T]>[0];
export type ThreadOutput<T extends ThreadTaskName> = Awaited<ReturnType<(typeof THREAD_TASKS)[T]>>;

export interface ThreadMessage {
  task: ThreadTaskName;
  input: unknown;
  port: MessagePort;
}

export default async function runThreadTask({ task, input, port }: ThreadMessage): Promise<unknown> {
  const run = THREAD_TASKS[task] as (input: unknown, report: Report) => unknown;
  try {
    return await run(input, (done, message) => port.postMessage({ done, message }));
  } finally {
    port.close();
  }
}
