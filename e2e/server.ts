/**
 * The app as e2e tests see it: the production build (`next build` runs before `playwright test`), served by
 * `next start` on a fresh embedded PostgreSQL in a temporary folder, migrated and loaded with the demo corpus, with
 * one account per role (e2e/users.ts), and a job worker (scripts/worker.ts) as `npm start` runs one. Tests that
 * change data make their own work (e2e/fixtures.ts). Exports over 280 cells are made by jobs, so that the demo's
 * whole-work JSON (50 rows × 6 editions = 300 cells) goes through the export job while its other exports stay direct.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { createPrismaClient } from "../lib/db/client";
import { createUser } from "../lib/db/users/create-user";
import { E2E_PASSWORD, E2E_USERS, e2eStateFile } from "./users";
import { freePort } from "../test/global-setup";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-e2e-"));
fs.chmodSync(dataDir, 0o755);

const database = await bootDatabase({ dataDir, pgPort: await freePort(), seedDemo: true, log: (line) => console.log(`[e2e] ${line}`) });
const prisma = createPrismaClient(database.url);
for (const user of E2E_USERS) await createUser(prisma, { ...user, password: E2E_PASSWORD });
await prisma.$disconnect();
fs.writeFileSync(e2eStateFile(port), JSON.stringify({ databaseUrl: database.url }));
const next = spawn(process.execPath, [path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? database.authSecret, HEXAPLA_SIGNIN_LIMIT: "1000", NEXT_TELEMETRY_DISABLED: "1", HEXAPLA_EXPORT_JOB_CELLS: "280" },
});

const worker = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "worker.ts")], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url },
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of [worker, next]) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await database.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(e2eStateFile(port), { force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
next.on("exit", () => void stop());
worker.on("exit", (code, signal) => {
  if (!stopping) console.error(`[e2e] The job worker stopped (${signal ?? `exit ${code}`}); jobs will not run.`);
});
