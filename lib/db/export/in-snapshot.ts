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
  /* One item at a time passes from the transaction (producer) to the caller (consumer); each waits for the other. */
  const state: { slot: Slot<T> | null; stop: boolean; consumer: (() => void) | null; producer: (() => void) | null } = { slot: null, stop: false, consumer: null, producer: null };
  const wake = (who: "consumer" | "producer") => {
    const resolve = state[who];
    state[who] = null;
    resolve?.();
  };
  const hand = (next: Slot<T>) => {
    state.slot = next;
    wake("consumer");
  };
  const transaction = db
    .$transaction(
      async (tx) => {
        for await (const item of produce(tx)) {
          if (state.stop) return;
          hand({ item });
          await new Promise<void>((resolve) => (state.producer = resolve));
          if (state.stop) return;
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
      if (state.slot == null) await new Promise<void>((resolve) => (state.consumer = resolve));
      const taken = state.slot!;
      state.slot = null;
      if ("done" in taken) return;
      if ("error" in taken) throw taken.error;
      yield taken.item;
      wake("producer");
    }
  } finally {
    state.stop = true;
    wake("producer");
    await transaction;
  }
}
