/**
 * Server-Sent Events of a work's grid changes. Each stream LISTENs on a PostgreSQL connection of its own, so
 * whichever app server committed a change, every open page hears of it. After listening starts, a `ready`
 * event gives the current version, so a page that (re)connects catches up on anything it missed.
 */
import { db } from "@/lib/db/client";
import { listenForGridChanges, type GridListener } from "@/lib/db/grid/notify";
import { findWorkId } from "@/lib/db/grid/work-lock";
import { requireReader } from "@/lib/db/users/reading-access";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const KEEP_ALIVE_MS = 20_000;

export async function GET(request: Request, { params }: { params: Promise<{ work: string }> }) {
  let workId: string;
  try {
    await requireReader(request.headers);
    workId = await findWorkId(db(), (await params).work);
  } catch (error) {
    return errorResponse(error);
  }
  const encoder = new TextEncoder();
  let listener: GridListener | null = null;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = async () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        await listener?.close();
        try {
          controller.close();
        } catch {
          // The browser went away first and the stream is already cancelled: nothing is left to close.
        }
      };
      request.signal.addEventListener("abort", () => void close());
      write("retry: 3000\n\n");
      try {
        listener = await listenForGridChanges(
          process.env.DATABASE_URL!,
          workId,
          (change) => write(`event: change\ndata: ${JSON.stringify(change)}\n\n`),
          () => void close(),
        );
        if (closed) {
          await listener.close();
          return;
        }
        const { gridVersion } = await db().work.findUniqueOrThrow({ where: { id: workId }, select: { gridVersion: true } });
        write(`event: ready\ndata: ${JSON.stringify({ version: gridVersion })}\n\n`);
        keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      } catch (error) {
        console.error(error);
        await close();
      }
    },
    async cancel() {
      closed = true;
      clearInterval(keepAlive);
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
