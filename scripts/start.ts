/**
 * `npm start`: the database (embedded PostgreSQL unless DATABASE_URL is set), migrations, the demo corpus
 * on first run, a production build when none exists, then `next start` on PORT — on 127.0.0.1 only unless
 * HEXAPLA_BASE_URL names the public address (lib/http/public-url.ts). Ctrl-C stops both cleanly.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { readEnv } from "../lib/env";
import { listenPlan } from "../lib/http/public-url";

const log = (line: string) => console.log(`[hexapla] ${line}`);
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

function runNext(args: string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [nextBin, ...args], { cwd: projectRoot, stdio: "inherit", env });
}

async function main() {
  const env = readEnv();
  const plan = listenPlan(env);
  for (const warning of plan.warnings) log(`Warning: ${warning}`);
  const database = await bootDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.HEXAPLA_DATA_DIR ?? path.join(projectRoot, ".data"),
    pgPort: env.HEXAPLA_PG_PORT,
    seedDemo: env.HEXAPLA_SKIP_DEMO !== "1",
    log,
  });
  const childEnv = { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? database.authSecret, NEXT_TELEMETRY_DISABLED: "1" };
  let stopping = false;
  let child = null as ReturnType<typeof runNext> | null;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    await database.stop();
    log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (!fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
    log("No production build yet: running `next build` (once).");
    child = runNext(["build"], childEnv);
    const code = await new Promise<number>((resolve) => child!.once("exit", (status) => resolve(status ?? 1)));
    if (stopping) return;
    if (code !== 0) return shutdown(code);
  }
  child = runNext(["start", "--port", String(env.PORT), "--hostname", plan.host], childEnv);
  log(`Serving on ${plan.url}${plan.host === "127.0.0.1" ? " (this machine only; set HEXAPLA_BASE_URL to serve others)" : ""}`);
  child.once("exit", (status) => void shutdown(status ?? 0));
}

main().catch((error) => {
  console.error(`[hexapla] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
