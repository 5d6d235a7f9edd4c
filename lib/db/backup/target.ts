/**
 * The database a backup or a restore works on: DATABASE_URL's, or the embedded PostgreSQL's `hexapla` database
 * (started for the command when `npm start` is not running it, stopped after), as the app role, which owns every
 * object in it (the role and the database are made as `npm start` makes them, when missing). Nothing is migrated or
 * loaded: the command sees the database as it is.
 */
import path from "node:path";
import { APP_ROLE, ensureAppRole, transferOwnership } from "../app-role";
import { projectRoot } from "../boot";
import { ensureDatabase } from "../migrate";
import { startEmbeddedPostgres } from "../embedded-postgres";
import type { Env } from "../../env";

export interface Target {
  url: string;
  stop(): Promise<void>;
}

export async function openTarget(env: Env, log: (line: string) => void): Promise<Target> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => undefined };
  const dataDir = path.join(env.HEXAPLA_DATA_DIR ?? path.join(projectRoot, ".data"), "postgres");
  const server = await startEmbeddedPostgres({ dataDir, port: env.HEXAPLA_PG_PORT, log });
  try {
    await ensureAppRole(server.adminUrl, server.appPassword);
    await ensureDatabase(server.adminUrl, "hexapla", undefined, APP_ROLE);
    await transferOwnership(server.url("hexapla"));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.appUrl("hexapla"), stop: server.stop };
}
