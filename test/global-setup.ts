/**
 * Integration tests run against a real, throwaway PostgreSQL: the embedded server in a temporary folder on
 * a free port, with a migrated template database from which every test file clones its own database.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { ensureDatabase, migrate } from "../lib/db/migrate";
import { migrationsDir } from "../lib/db/boot";

export const TEMPLATE_DATABASE = "hexapla_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
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
  await ensureDatabase(server.adminUrl, TEMPLATE_DATABASE);
  await migrate(server.url(TEMPLATE_DATABASE), migrationsDir);
  project.provide("adminUrl", server.adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
