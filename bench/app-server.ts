/**
 * The app as the HTTP benchmarks run it: a production build (made first unless BENCH_SKIP_BUILD=1, so the figures
 * are of the code as it is), a fresh embedded PostgreSQL with the demo corpus, and `next start` processes on it,
 * with the Node.js flags `npm start` gives them (scripts/app-server-flags.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { readEnv } from "../lib/env";
import { appServerEnv, appServerNodeFlags } from "../scripts/app-server-flags";
import { freePort } from "../test/global-setup";

const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

export interface BenchApp {
  databaseUrl: string;
  /** Starts one more `next start` on the database; resolves with its base URL once it answers. */
  startServer(env?: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
}

export function buildOnce(): void {
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) return;
  const started = performance.now();
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: projectRoot, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
  console.log(`next build: ${((performance.now() - started) / 1000).toFixed(1)} s (the figures below are of this build)`);
}

export async function startBenchApp(): Promise<BenchApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-"));
  fs.chmodSync(dataDir, 0o755);
  const database = await bootDatabase({ dataDir, pgPort: await freePort(), seedDemo: true, log: () => undefined });
  const servers: ChildProcess[] = [];
  return {
    databaseUrl: database.url,
    async startServer(env = {}) {
      const port = await freePort();
      const server = spawn(process.execPath, [...appServerNodeFlags(readEnv().HEXAPLA_SERVER_HEAP_MB), nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
        cwd: projectRoot,
        stdio: ["ignore", "ignore", "inherit"],
        env: appServerEnv({ ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: database.authSecret, NEXT_TELEMETRY_DISABLED: "1", HEXAPLA_SIGNIN_LIMIT: "100000", ...env }),
      });
      servers.push(server);
      const base = `http://127.0.0.1:${port}`;
      for (let attempt = 0; ; attempt++) {
        if (server.exitCode !== null) throw new Error("next start exited");
        const ok = await fetch(`${base}/`).then((r) => r.ok, () => false);
        if (ok) return base;
        if (attempt > 600) throw new Error("next start did not answer");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      for (const server of servers) {
        if (server.exitCode !== null || server.signalCode !== null) continue;
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      }
      await database.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
