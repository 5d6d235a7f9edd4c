/**
 * The worker's thread pool (piscina) for CPU-heavy steps such as the aligner: while a thread aligns, the worker's
 * event loop stays free to renew its jobs' leases, hear cancellations and run other jobs, and a worker uses as
 * many cores as it has. An aborted signal ends the task at once (piscina stops its thread). Only worker processes
 * use it; it is started on first use and closed with the worker.
 */
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { ThreadInput, ThreadMessage, ThreadOutput, ThreadTaskName } from "./thread-tasks";

let pool: Piscina | null = null;
/** Threads at most: a worker sets it to its concurrency (a job uses one thread at a time); else one per core. */
let maxThreads = os.availableParallelism();

export function configureThreadPool(options: { maxThreads: number }): void {
  maxThreads = Math.max(1, options.maxThreads);
}

function newPool(threads: number): Piscina {
  return new Piscina({
    filename: pathToFileURL(path.join(import.meta.dirname, "thread-entry.mjs")).href,
    maxThreads: threads,
    minThreads: 0,
    idleTimeout: 30_000,
    /* The entry registers tsx itself; nothing of the parent's command line (tsx, Vitest) is needed. */
    execArgv: [],
  });
}

function threadPool(): Piscina {
  pool ??= newPool(maxThreads);
  return pool;
}

export interface ThreadRunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, message: string) => void;
}

export async function runOnThread<T extends ThreadTaskName>(task: T, input: ThreadInput<T>, options: ThreadRunOptions = {}): Promise<ThreadOutput<T>> {
  return runOn(threadPool(), task, input, options);
}

/**
 * Runs a task on a thread of its own, ended as soon as the task is: for a task whose memory is large (the word
 * alignment of a whole work: about 0.8 GB at its peak for a five-edition novel), so that none of it stays with the
 * worker between jobs — a pooled thread would keep its heap, garbage and caches until it was idle 30 s.
 */
export async function runOnOwnThread<T extends ThreadTaskName>(task: T, input: ThreadInput<T>, options: ThreadRunOptions = {}): Promise<ThreadOutput<T>> {
  const own = newPool(1);
  try {
    return await runOn(own, task, input, options);
  } finally {
    await own.destroy();
  }
}

async function runOn<T extends ThreadTaskName>(threads: Piscina, task: T, input: ThreadInput<T>, options: ThreadRunOptions): Promise<ThreadOutput<T>> {
  const { port1, port2 } = new MessageChannel();
  port1.on("message", (message: { done: number; message: string }) => options.onProgress?.(message.done, message.message));
  try {
    const request: ThreadMessage = { task, input, port: port2 };
    return (await threads.run(request, { transferList: [port2], signal: options.signal })) as ThreadOutput<T>;
  } finally {
    port1.close();
  }
}

export async function closeThreadPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
