/**
 * One LISTEN connection per app process for every live update, fanned out in memory: grid changes
 * (`hexapla_grid`, delivered to the streams of the work they concern, parsed once) and access changes
 * (`hexapla_access`, delivered to every subscriber). However many streams are open, the process holds one
 * PostgreSQL connection for them; PostgreSQL delivers NOTIFYs in commit order on it, so an access change committed
 * before a grid change is always heard first.
 *
 * When the connection is lost (the database restarted, the network dropped), subscribers hear `onStatus(false)`
 * and the hub connects again with back-off (0.5 s doubling to 15 s, with jitter) for as long as anyone listens —
 * an outage of any length. Once listening again, subscribers hear `onStatus(true)`: whatever was committed in
 * between was not heard, so they resynchronise (the streams send the current version). A periodic ping finds a
 * connection that died without a word. The connection closes a little after the last subscriber leaves. When the
 * app server stops (SIGTERM, instrumentation.ts), shutdown() ends every stream, so the server's in-flight requests can
 * finish and the process exit, and the browsers reconnect elsewhere.
 */
import pg from "pg";
import { GRID_CHANNEL, GridNotificationSchema, type GridNotification } from "../grid/notify";

export interface HubSubscriber {
  /** The work whose grid changes this subscriber hears; null for access changes only. */
  workId: string | null;
  onChange?(change: GridNotification): void;
  onAccessChange?(): void;
  /** false: the connection is lost (nothing will be heard until true); true: listening again, resynchronise. */
  onStatus?(listening: boolean): void;
  /** The app server is stopping: end the stream (the browser reconnects, to another server or to this one restarted). */
  onShutdown?(): void;
}

/** Whatever can take away someone's access (the reading setting, sessions, users, tokens) NOTIFYs here (triggers in the account_controls migration). */
export const ACCESS_CHANNEL = "hexapla_access";
export const APPLICATION_NAME = "hexapla-live";
const RETRY_MS = { first: 500, max: 15_000 };
const PING_MS = 30_000;
const LINGER_MS = 10_000;

export class LiveHub {
  private readonly subscribers = new Set<HubSubscriber>();
  private readonly byWork = new Map<string, Set<HubSubscriber>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private retryDelay = RETRY_MS.first;
  private waiters = new Set<() => void>();
  /** Counts access changes (and reconnections, after which any may have been missed). */
  accessEpoch = 0;
  /** Set by shutdown(): the process is stopping and takes no new stream. */
  shuttingDown = false;

  constructor(private readonly databaseUrl: string) {}

  get listening(): boolean {
    return this.client !== null;
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Adds a subscriber (and connects when needed); returns its removal. */
  subscribe(subscriber: HubSubscriber): () => void {
    this.subscribers.add(subscriber);
    if (subscriber.workId) {
      let set = this.byWork.get(subscriber.workId);
      if (!set) this.byWork.set(subscriber.workId, (set = new Set()));
      set.add(subscriber);
    }
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    if (!this.client && !this.connecting && !this.retryTimer && !this.shuttingDown) void this.connect();
    return () => this.unsubscribe(subscriber);
  }

  /** Resolves true once listening, false when not listening within `timeoutMs` (or shutting down). */
  async ready(timeoutMs: number): Promise<boolean> {
    if (this.shuttingDown) return false;
    if (this.client) return true;
    if (!this.connecting && !this.retryTimer) void this.connect();
    return new Promise<boolean>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.client !== null);
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Ends the connection now (tests, shutdown). */
  async close(): Promise<void> {
    clearTimeout(this.retryTimer);
    clearTimeout(this.lingerTimer);
    clearInterval(this.pingTimer);
    this.retryTimer = this.lingerTimer = undefined;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** The process is stopping: every subscriber hears onShutdown, the connection closes and is not opened again. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    this.tell((subscriber) => subscriber.onShutdown?.());
    this.waiters.forEach((waiter) => waiter());
    await this.close();
  }

  private unsubscribe(subscriber: HubSubscriber) {
    this.subscribers.delete(subscriber);
    if (subscriber.workId) {
      const set = this.byWork.get(subscriber.workId);
      set?.delete(subscriber);
      if (set?.size === 0) this.byWork.delete(subscriber.workId);
    }
    if (this.subscribers.size === 0) this.startLinger();
  }

  private startLinger() {
    if (this.lingerTimer) return;
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = undefined;
      if (this.subscribers.size === 0) void this.close();
    }, LINGER_MS);
    this.lingerTimer.unref?.();
  }

  private tell(each: (subscriber: HubSubscriber) => void, among: Iterable<HubSubscriber> = this.subscribers) {
    for (const subscriber of [...among]) {
      try {
        each(subscriber);
      } catch (error) {
        console.error(error);
      }
    }
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
      for (const waiter of [...this.waiters]) waiter();
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: APPLICATION_NAME,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 5_000,
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => this.heard(message));
    try {
      await client.connect();
      await client.query(`LISTEN ${GRID_CHANNEL}`);
      await client.query(`LISTEN ${ACCESS_CHANNEL}`);
    } catch {
      client.removeAllListeners("end");
      await client.end().catch(() => undefined);
      this.scheduleRetry();
      return;
    }
    if (this.shuttingDown || (this.subscribers.size === 0 && this.waiters.size === 0)) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Asked for by a request that then subscribed nothing (e.g. refused): closed like an abandoned one.
    if (this.subscribers.size === 0) this.startLinger();
    this.retryDelay = RETRY_MS.first;
    this.pingTimer = setInterval(() => void client.query("SELECT 1").catch(() => this.lost(client)), PING_MS);
    this.pingTimer.unref?.();
    this.accessEpoch += 1;
    this.tell((subscriber) => subscriber.onStatus?.(true));
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    clearInterval(this.pingTimer);
    void client.end().catch(() => undefined);
    this.accessEpoch += 1;
    this.tell((subscriber) => subscriber.onStatus?.(false));
    this.scheduleRetry();
  }

  private scheduleRetry() {
    if (this.shuttingDown || (this.subscribers.size === 0 && this.waiters.size === 0)) return;
    const delay = this.retryDelay * (0.75 + Math.random() / 2);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MS.max);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private heard(message: pg.Notification) {
    if (message.channel === ACCESS_CHANNEL) {
      this.accessEpoch += 1;
      this.tell((subscriber) => subscriber.onAccessChange?.());
      return;
    }
    if (message.channel !== GRID_CHANNEL || !message.payload) return;
    let parsed;
    try {
      parsed = GridNotificationSchema.safeParse(JSON.parse(message.payload));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const change = parsed.data;
    const listeners = this.byWork.get(change.workId);
    if (listeners) this.tell((subscriber) => subscriber.onChange?.(change), listeners);
  }
}

const globalForHubs = globalThis as unknown as { hexaplaLiveHubs?: Map<string, LiveHub> };

/** The process's hub for a database (one per URL: tests may use several databases in one process). */
export function liveHub(databaseUrl: string): LiveHub {
  globalForHubs.hexaplaLiveHubs ??= new Map();
  let hub = globalForHubs.hexaplaLiveHubs.get(databaseUrl);
  if (!hub) globalForHubs.hexaplaLiveHubs.set(databaseUrl, (hub = new LiveHub(databaseUrl)));
  return hub;
}

/** Ends every stream of the process and its listening connections: the app server is stopping (instrumentation.ts). */
export async function shutDownLiveHubs(): Promise<void> {
  await Promise.all([...(globalForHubs.hexaplaLiveHubs?.values() ?? [])].map((hub) => hub.shutdown()));
}
