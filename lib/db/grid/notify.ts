/**
 * Live updates between editors through PostgreSQL: every write transaction sends a NOTIFY (delivered only
 * when it commits), and each open editor page's event stream LISTENs on its own connection. Any app server can
 * write and any can serve the stream; no app process keeps state for it.
 */
import pg from "pg";
import { z } from "zod";
import type { Tx } from "./types";

export const GRID_CHANNEL = "hexapla_grid";

export const GridNotificationSchema = z.object({
  workId: z.string(),
  version: z.number().int(),
  operationId: z.string(),
  kind: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  summary: z.string(),
});
export type GridNotification = z.infer<typeof GridNotificationSchema>;

export async function notifyGridChange(tx: Tx, notification: GridNotification): Promise<void> {
  const payload = JSON.stringify({ ...notification, summary: notification.summary.slice(0, 500) });
  await tx.$executeRaw`SELECT pg_notify(${GRID_CHANNEL}, ${payload})`;
}

export interface GridListener {
  close(): Promise<void>;
}

/**
 * Listens for grid changes of one work on a connection of its own; `onError` hears of a lost connection (the
 * caller ends the stream and the browser reconnects).
 */
export async function listenForGridChanges(
  databaseUrl: string,
  workId: string,
  onChange: (notification: GridNotification) => void,
  onError: (error: Error) => void,
): Promise<GridListener> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", onError);
  client.on("notification", (message) => {
    if (message.channel !== GRID_CHANNEL || !message.payload) return;
    const parsed = GridNotificationSchema.safeParse(JSON.parse(message.payload));
    if (parsed.success && parsed.data.workId === workId) onChange(parsed.data);
  });
  await client.connect();
  await client.query(`LISTEN ${GRID_CHANNEL}`);
  let closed = false;
  return {
    async close() {
      if (closed) return;
      closed = true;
      await client.end().catch(() => undefined);
    },
  };
}
