/**
 * A work's grid changes as Server-Sent Events (`GET /api/works/<work>/grid/events`), served from the process's one
 * LISTEN connection (live-hub.ts). Events: `ready` (the current version: on connect and after the database comes
 * back, so the page catches up from the journal), `change`, `unavailable` (the database is unreachable; the stream
 * stays open and `ready` follows when it is back), `denied` (the reader may no longer read; closed), `idle` (no
 * change for HEXAPLA_STREAM_IDLE_MINUTES; closed, the page reopens it when used again).
 *
 * What EventSource does with each answer decides how it is given: a browser reconnects (after `retry:`) only when a
 * 200 `text/event-stream` response ends, and gives up for good on any other status. So while the database is down
 * a new stream is answered 200 with `retry:` and an `unavailable` event, then ended — never a 500 — and the browser
 * keeps trying however long the outage lasts. Refusals that should not be retried at once are other statuses: 401
 * and 404 (errorResponse), 429 (this client holds too many streams) and 503 (the server is full), each with a
 * message and `Retry-After`; the page's own back-off (use-live-updates.ts) retries those later.
 *
 * Reading is checked on connect and before every change it sends, whenever someone's access changes and with
 * every keep-alive (reader-check.ts): a stream whose reader may no longer read gets `denied` and is closed.
 */
import { ZodError } from "zod";
import { readEnv } from "../../env";
import { StreamAdmission, type StreamClient, type StreamRefusal } from "../../live/stream-admission";
import { errorResponse } from "../../http/errors";
import { db } from "../client";
import { DomainError } from "../errors";
import { findReadableWorkId } from "../works/readable-work";
import type { ReadAccess } from "../users/reading-access";
import { liveHub } from "./live-hub";
import { checkReader } from "./reader-check";

const KEEP_ALIVE_MS = 20_000;
const RECONNECT_MS = 3_000;
const CONNECT_WAIT_MS = 2_000;

const globalForStreams = globalThis as unknown as { hexaplaStreamAdmission?: StreamAdmission };

/** The process's count of open streams, with the limits read from the environment when the first stream opens. */
function streamAdmission(): StreamAdmission {
  if (!globalForStreams.hexaplaStreamAdmission) {
    const env = readEnv();
    globalForStreams.hexaplaStreamAdmission = new StreamAdmission({
      total: env.HEXAPLA_STREAMS_MAX,
      perClient: env.HEXAPLA_STREAMS_PER_CLIENT,
      anonymous: env.HEXAPLA_STREAMS_ANONYMOUS ?? Math.ceil(env.HEXAPLA_STREAMS_MAX / 2),
    });
  }
  return globalForStreams.hexaplaStreamAdmission;
}

const HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
};

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
const UNAVAILABLE = { message: "The database cannot be reached; live updates resume by themselves when it is back." };

/** 200, `retry:` and `unavailable`, then the end: EventSource tries again after the delay, for as long as it takes. */
function unavailableResponse(): Response {
  const retry = Math.round(RECONNECT_MS * (0.7 + Math.random() * 0.6));
  return new Response(`retry: ${retry}\n: the database is not reachable; try again\n\n${event("unavailable", UNAVAILABLE)}`, { status: 200, headers: HEADERS });
}

function refusalResponse(refusal: StreamRefusal): Response {
  const code = refusal.status === 429 ? "too_many_streams" : "streams_full";
  return Response.json({ error: { code, message: refusal.message } }, { status: refusal.status, headers: { "retry-after": String(refusal.retryAfterSeconds) } });
}

function clientOf(access: ReadAccess, headers: Headers, trustedIpHeader: string | undefined): StreamClient {
  if (access.user) return { kind: "user", id: access.user.id };
  const address = trustedIpHeader ? headers.get(trustedIpHeader)?.trim() : undefined;
  return address ? { kind: "address", address } : { kind: "anonymous" };
}

/**
 * The stream of a work's changes for a request; `checkReading` is the route's check of the request's read access
 * (requireReader), made once the cheap refusals (server full, database unreachable) are out of the way.
 */
export async function gridEventStream(request: Request, workSlug: string, checkReading: () => Promise<ReadAccess>): Promise<Response> {
  const env = readEnv();
  const admission = streamAdmission();
  const full = admission.full();
  if (full) return refusalResponse(full);
  const hub = liveHub(process.env.DATABASE_URL!);
  if (!(await hub.ready(CONNECT_WAIT_MS))) return unavailableResponse();
  let access: ReadAccess;
  let workId: string;
  try {
    access = await checkReading();
    workId = await findReadableWorkId(access, db(), workSlug);
  } catch (error) {
    if (error instanceof DomainError || error instanceof ZodError) return errorResponse(error);
    console.error(`[live] a stream could not start: ${error instanceof Error ? error.message : error}`);
    return unavailableResponse();
  }
  const admitted = admission.admit(clientOf(access, request.headers, env.HEXAPLA_TRUSTED_IP_HEADER));
  if (!admitted.admitted) return refusalResponse(admitted.refusal);
  const release = admitted.release;

  const encoder = new TextEncoder();
  const idleMs = env.HEXAPLA_STREAM_IDLE_MINUTES * 60_000;
  const keepAliveMs = Math.min(KEEP_ALIVE_MS, idleMs / 2);
  let closed = false;
  let down = false;
  let lastChange = Date.now();
  let unsubscribe: (() => void) | null = null;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  // Changes, checks and status run one after another, so no change is sent once a check has failed.
  let queue: Promise<void> = Promise.resolve();

  const write = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };
  function close() {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    unsubscribe?.();
    release();
    try {
      controller.close();
    } catch {
      // The browser went away first and the stream is already cancelled: nothing is left to close.
    }
  }
  const enqueue = (step: () => Promise<unknown>) => {
    queue = queue
      .then(async () => {
        if (!closed) await step();
      })
      .catch(() => close()); // e.g. the version could not be read: the page reconnects and catches up
  };
  const deny = () => {
    write(event("denied", { message: "Reading needs signing in on this site." }));
    close();
  };
  const sendReady = async () => {
    const { gridVersion } = await db().work.findUniqueOrThrow({ where: { id: workId }, select: { gridVersion: true } });
    write(event("ready", { version: gridVersion }));
  };

  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      request.signal.addEventListener("abort", close);
      write(`retry: ${RECONNECT_MS}\n\n`);
      unsubscribe = hub.subscribe({
        workId,
        onChange: (change) =>
          enqueue(async () => {
            const verdict = await checkReader(hub, request.headers);
            if (verdict === "denied") return deny();
            if (verdict === "unknown") return close();
            write(event("change", change));
            lastChange = Date.now();
          }),
        onAccessChange: () =>
          enqueue(async () => {
            if ((await checkReader(hub, request.headers)) === "denied") deny();
          }),
        onShutdown: close,
        onStatus: (listening) =>
          enqueue(async () => {
            if (!listening) {
              if (!down) write(event("unavailable", UNAVAILABLE));
              down = true;
              return;
            }
            if (!down) return;
            down = false;
            const verdict = await checkReader(hub, request.headers);
            if (verdict === "denied") return deny();
            if (verdict === "unknown") return close();
            await sendReady();
          }),
      });
      enqueue(async () => {
        if (!hub.listening) {
          down = true;
          write(event("unavailable", UNAVAILABLE));
        } else await sendReady();
      });
      keepAlive = setInterval(
        () =>
          enqueue(async () => {
            if (Date.now() - lastChange >= idleMs) {
              write(event("idle", { message: "Live updates paused: nothing changed for a while. They resume when you use the page." }));
              return close();
            }
            if (!down && (await checkReader(hub, request.headers)) === "denied") return deny();
            write(": keep-alive\n\n");
          }),
        keepAliveMs,
      );
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, { headers: HEADERS });
}
