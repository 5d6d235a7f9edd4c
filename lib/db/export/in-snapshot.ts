/**
 * An async iterable read inside one REPEATABLE READ transaction, handed out item by item as its consumer asks for
 * them: every page an export reads sees the same state of the work, and nothing is read ahead of what the
 * consumer (a streamed response, a job writing a file) has taken. Ending the iteration early ends the
 * transaction; a failure of the transaction (e.g. its time limit, when a client reads too slowly) is thrown to the
 * consumer.
 */
import type { Db } from "../client";
import type { Tx } from "../grid/types";

type Slot<T> = { item: T } | { done: true } | { error: unknown };

export async function* inSnapshot<T>(db: Db, produce: (tx: Tx) => AsyncIterable<T>, options: { timeoutMs?: number } = {}): AsyncGenerator<T> {
  let slot: Slot<T> | null = null;
  let stop = false;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const hand = (next: Slot<T>) => {
    slot = next;
    const wake = wakeConsumer;
    wakeConsumer = null;
    wake?.();
  };
  const transaction = db
    .$transaction(
      async (tx) => {
        for await (const item of produce(tx)) {
          if (stop) return;
          hand({ item });
          await new Promise<void>((resolve) => (wakeProducer = resolve));
          if (stop) return;
        }
      },
      { isolationLevel: "RepeatableRead", maxWait: 10_000, timeout: options.timeoutMs ?? 600_000 },
    )
    .then(
      () => hand({ done: true }),
      (error: unknown) => hand({ error }),
    );
  try {
    for (;;) {
      if (slot == null) await new Promise<void>((resolve) => (wakeConsumer = resolve));
      const taken: Slot<T> = slot!;
      slot = null;
      if ("done" in taken) return;
      if ("error" in taken) throw taken.error;
      yield taken.item;
      const wake = wakeProducer;
      wakeProducer = null;
      wake?.();
    }
  } finally {
    stop = true;
    const wake = wakeProducer;
    wakeProducer = null;
    wake?.();
    await transaction;
  }
}
