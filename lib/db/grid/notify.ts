/**
 * Live updates between editors through PostgreSQL: every write transaction sends a NOTIFY (delivered only
 * when it commits); each app process LISTENs on one connection and fans the changes out to its open streams
 * (lib/db/live/). Any app server can write and any can serve the stream; no app process keeps state for it.
 */
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
