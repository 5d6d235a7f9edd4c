/**
 * Integration tests run against a real, throwaway PostgreSQL: the embedded server in a temporary folder on
 * a free port, with a migrated template database from which every test file clones its own database. Like the
 * app, tests connect as the app role (owner of the database, not a superuser), so a migration or a query that
 * needs more fails here first.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { APP_ROLE, ensureAppRole } from "../lib/db/app-role";
import { ensureDatabase, migrate } from "../lib/db/migrate";
import { migrationsDir } from "../lib/db/boot";

export const TEMPLATE_DATABASE = "hexapla_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    /** The app role's URL of the template database (test databases swap in their own name). */
    appTemplateUrl: string;
    templateDatabase: string;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-test-"));
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port: await freePort() });
  await ensureAppRole(server.adminUrl, server.appPassword);
  await ensureDatabase(server.adminUrl, TEMPLATE_DATABASE, undefined, APP_ROLE);
  await migrate(server.appUrl(TEMPLATE_DATABASE), migrationsDir);
  project.provide("adminUrl", server.adminUrl);
  project.provide("appTemplateUrl", server.appUrl(TEMPLATE_DATABASE));
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
