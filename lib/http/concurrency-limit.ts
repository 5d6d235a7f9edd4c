/**
 * At most `limit` holders at once; the others wait in the order they came. The app server takes one of these per
 * page render (app/page-render-slot.ts), so a few heavy pages are rendered at a time instead of all interleaved on
 * the one event loop, where every await of a short write would queue behind every render's work. A holder that never
 * releases (a bug, a response that never ends) is released after `maxHoldMs`, so a leak slows pages but never stops them.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    private readonly maxHoldMs = 60_000,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`A concurrency limit must be a whole number ≥ 1, not ${limit}`);
  }

  /** Holders now (at most `limit`). */
  get running(): number {
    return this.active;
  }

  /** Callers waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Waits for a slot; resolves with its release, which may be called any number of times (only the first counts). */
  async acquire(): Promise<() => void> {
    if (this.active < this.limit) this.active += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    };
    const timer = setTimeout(release, this.maxHoldMs);
    timer.unref?.();
    return release;
  }
}
