/**
 * `npm run bench`: the compare view's server time for the whole demo chapter with all five editions,
 * against the production build on a fresh embedded PostgreSQL. Prints median and p95 of repeated requests.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { freePort } from "../test/global-setup";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const WARMUP = 10;
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the app did not answer at ${url}`);
}

async function main() {
  if (!fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: projectRoot, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-"));
  fs.chmodSync(dataDir, 0o755);
  const database = await bootDatabase({ dataDir, pgPort: await freePort(), seedDemo: true, log: () => undefined });
  const port = await freePort();
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: database.authSecret, NEXT_TELEMETRY_DISABLED: "1" },
  });
  try {
    const url = `http://127.0.0.1:${port}/works/thirst-for-power/compare?editions=ru,fr,es,it,en`;
    await waitForServer(url);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const start = performance.now();
      const response = await fetch(url);
      const body = await response.text();
      const elapsed = performance.now() - start;
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (i >= WARMUP) times.push(elapsed);
      bytes = body.length;
    }
    times.sort((a, b) => a - b);
    const rows = (await (await fetch(url)).text()).match(/data-row-id=/g)?.length ?? 0;
    console.log(`compare view, 5 editions, ${rows} rows, ${(bytes / 1024).toFixed(0)} KiB of HTML; ${REQUESTS} requests after ${WARMUP} warm-up`);
    console.log(`  median ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   min ${times[0].toFixed(1)} ms   max ${times.at(-1)!.toFixed(1)} ms`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
