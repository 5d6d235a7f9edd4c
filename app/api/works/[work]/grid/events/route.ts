/**
 * Server-Sent Events of a work's grid changes. Each stream LISTENs on a PostgreSQL connection of its own, so
 * whichever app server committed a change, every open page hears of it. After listening starts, a `ready`
 * event gives the current version, so a page that (re)connects catches up on anything it missed.
 *
 * Reading is checked on connect and again before every change is sent, whenever someone's access changes
 * (lib/db/auth/access-events.ts) and with every keep-alive: a stream whose reader may no longer read (reading
 * made sign-in only, signed out, disabled, token revoked or expired) gets a `denied` event and is closed.
 */
import { db } from "@/lib/db/client";
import { onAccessChange } from "@/lib/db/auth/access-events";
import { listenForGridChanges, type GridListener } from "@/lib/db/grid/notify";
import { findReadableWorkId } from "@/lib/db/works/readable-work";
import { readAccessOf, requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const KEEP_ALIVE_MS = 20_000;

export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  let workId: string;
  try {
    const access = await requireReader(request.headers);
    workId = await findReadableWorkId(access, db(), (await params).work);
  } catch (error) {
    return errorResponse(error);
  }
  const encoder = new TextEncoder();
  let listener: GridListener | null = null;
  let stopWatchingAccess: (() => void) | null = null;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  // Changes and access checks run one after another, so no change is sent once a check has failed.
  let queue: Promise<void> = Promise.resolve();

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = async () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        stopWatchingAccess?.();
        await listener?.close();
        try {
          controller.close();
        } catch {
          // The browser went away first and the stream is already cancelled: nothing is left to close.
        }
      };
      const mayStillRead = async () => {
        if (closed) return false;
        if (await readAccessOf(request.headers).catch(() => null)) return true;
        write(`event: denied\ndata: ${JSON.stringify({ message: "Reading needs signing in on this site." })}\n\n`);
        await close();
        return false;
      };
      const enqueue = (step: () => Promise<unknown>) => {
        queue = queue.then(async () => void (await step())).catch((error) => {
          console.error(error);
          return close();
        });
      };
      request.signal.addEventListener("abort", () => void close());
      write("retry: 3000\n\n");
      try {
        stopWatchingAccess = await onAccessChange(process.env.DATABASE_URL!, () => enqueue(mayStillRead));
        listener = await listenForGridChanges(
          process.env.DATABASE_URL!,
          workId,
          (change) =>
            enqueue(async () => {
              if (await mayStillRead()) write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
            }),
          () => void close(),
        );
        if (closed) {
          await close();
          await listener.close();
          return;
        }
        const { gridVersion } = await db().work.findUniqueOrThrow({ where: { id: workId }, select: { gridVersion: true } });
        write(`event: ready\ndata: ${JSON.stringify({ version: gridVersion })}\n\n`);
        keepAlive = setInterval(
          () =>
            enqueue(async () => {
              if (await mayStillRead()) write(": keep-alive\n\n");
            }),
          KEEP_ALIVE_MS,
        );
      } catch (error) {
        console.error(error);
        await close();
      }
    },
    async cancel() {
      closed = true;
      clearInterval(keepAlive);
      stopWatchingAccess?.();
      await listener?.close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
