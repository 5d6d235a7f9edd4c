/**
 * Gets a database ready for the app, the import command, the benchmarks and the e2e server: with
 * DATABASE_URL, that server; without it, the embedded PostgreSQL. Then applies pending migrations and,
 * when asked, loads the demo corpus into an empty database.
 */
import path from "node:path";
import { APP_ROLE, connectsAsSuperuser, ensureAppRole, transferOwnership } from "./app-role";
import { createPrismaClient } from "./client";
import { isDatabaseEmpty, seedDemo } from "./demo/seed-demo";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { enqueueJob } from "./jobs/enqueue-job";
import { ensureDatabase, migrate } from "./migrate";
import { ensureAuthSecret } from "./settings";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const demoCorpusDir = path.join(projectRoot, "data", "thirst-for-power");

export interface BootOptions {
  databaseUrl?: string;
  dataDir: string;
  pgPort: number;
  seedDemo: boolean;
  log: (line: string) => void;
  /** The embedded server in a process group of its own (lib/db/embedded-postgres.ts): for `npm start`. */
  ownProcessGroup?: boolean;
}

export interface BootedDatabase {
  url: string;
  /** Signs sessions; kept in the database so every app server shares it. */
  authSecret: string;
  embedded: boolean;
  /** The embedded server this boot started or found running (none with DATABASE_URL): `npm start` watches it. */
  server?: EmbeddedPostgres;
  stop(): Promise<void>;
}

export async function bootDatabase(options: BootOptions): Promise<BootedDatabase> {
  let url = options.databaseUrl;
  let stop: () => Promise<void> = async () => undefined;
  let server: EmbeddedPostgres | undefined;
  if (!url) {
    server = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, "postgres"), port: options.pgPort, log: options.log, ownProcessGroup: options.ownProcessGroup });
    stop = server.stop;
    try {
      await ensureAppRole(server.adminUrl, server.appPassword);
      await ensureDatabase(server.adminUrl, "hexapla", undefined, APP_ROLE);
      await transferOwnership(server.url("hexapla"));
    } catch (error) {
      await stop();
      throw error;
    }
    url = server.appUrl("hexapla");
    options.log(`Embedded PostgreSQL ready on 127.0.0.1:${server.port} (data in ${server.dataDir}; the app connects as ${APP_ROLE}, not a superuser).`);
  } else if (await connectsAsSuperuser(url).catch(() => false)) {
    options.log("Warning: DATABASE_URL connects as a superuser. The app needs only a role that owns its database (README: External PostgreSQL).");
  }
  try {
    const applied = await migrate(url, migrationsDir);
    if (applied.length) options.log(`Applied migrations: ${applied.join(", ")}.`);
    const prisma = createPrismaClient(url);
    try {
      const authSecret = await ensureAuthSecret(prisma);
      if (options.seedDemo && (await isDatabaseEmpty(prisma))) {
        const seeded = await seedDemo(prisma, demoCorpusDir);
        /* Its compare view's row signals: computed by the first worker to start. */
        await enqueueJob(prisma, { kind: "row-signals", workId: seeded.workId, userId: null });
        options.log(`Loaded the demo corpus: ${seeded.editions} editions, ${seeded.rows} aligned rows.`);
      }
      return { url, authSecret, embedded: !options.databaseUrl, server, stop };
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
