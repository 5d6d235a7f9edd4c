/**
 * `npm run bench:compare`: the compare view's server time for the whole demo chapter with all five editions,
 * against a production build made first (so the figures are of the code as it is), on a fresh embedded PostgreSQL.
 * Prints, in one run: the cold first request (the first one the freshly started server answers), warm sequential
 * requests (median, p95), and 8 concurrent clients (latency per request and throughput); each next to the same
 * figures for the home page as the baseline measured on the same server in the same run.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { freePort } from "../test/global-setup";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const WARMUP = 10;
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Waits until the server accepts connections, without sending it any HTTP request (the first one is measured). */
async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the app did not listen on port ${port}`);
}

async function timed(url: string): Promise<{ ms: number; bytes: number; body: string }> {
  const start = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  const ms = performance.now() - start;
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return { ms, bytes: body.length, body };
}

async function sequential(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push((await timed(url)).ms);
  return times.sort((a, b) => a - b);
}

/** `clients` loops, each sending `count / clients` requests one after another; all latencies and the wall time. */
async function concurrent(url: string, count: number, clients: number): Promise<{ times: number[]; seconds: number }> {
  const times: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < Math.ceil(count / clients); i++) times.push((await timed(url)).ms);
    }),
  );
  return { times: times.sort((a, b) => a - b), seconds: (performance.now() - start) / 1000 };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const buildStart = performance.now();
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: projectRoot, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
  console.log(`next build: ${((performance.now() - buildStart) / 1000).toFixed(1)} s (the figures below are of this build)`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-bench-"));
  fs.chmodSync(dataDir, 0o755);
  const database = await bootDatabase({ dataDir, pgPort: await freePort(), seedDemo: true, log: () => undefined });
  const port = await freePort();
  const started = performance.now();
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: database.authSecret, NEXT_TELEMETRY_DISABLED: "1" },
  });
  try {
    const compare = `http://127.0.0.1:${port}/works/thirst-for-power/compare?editions=ru,fr,es,it,en`;
    const home = `http://127.0.0.1:${port}/`;
    await waitForPort(port);
    const listening = performance.now() - started;
    const cold = await timed(compare);
    const coldHome = await timed(home);
    console.log(`next start accepted connections ${(listening / 1000).toFixed(1)} s after it was spawned (not counted below)`);
    const rows = cold.body.match(/data-row-id=/g)?.length ?? 0;
    console.log(`compare view, 5 editions, ${rows} rows, ${(cold.bytes / 1024).toFixed(0)} KiB of HTML; baseline: the home page, ${(coldHome.bytes / 1024).toFixed(0)} KiB`);
    console.log(`  cold first request:  compare ${ms(cold.ms)}   (home, requested next: ${ms(coldHome.ms)})`);

    for (const url of [compare, home]) await sequential(url, WARMUP);
    const warm = await sequential(compare, REQUESTS);
    const warmHome = await sequential(home, REQUESTS);
    const line = (times: number[]) => `median ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times.at(-1)!)}`;
    console.log(`  warm, sequential (${REQUESTS} requests after ${WARMUP} warm-up):`);
    console.log(`    compare  ${line(warm)}   ${(1000 / percentile(warm, 50)).toFixed(1)} req/s`);
    console.log(`    home     ${line(warmHome)}   ${(1000 / percentile(warmHome, 50)).toFixed(1)} req/s`);

    const together = await concurrent(compare, REQUESTS, CLIENTS);
    const togetherHome = await concurrent(home, REQUESTS, CLIENTS);
    const rate = (run: { times: number[]; seconds: number }) => `${(run.times.length / run.seconds).toFixed(1)} req/s`;
    console.log(`  ${CLIENTS} concurrent clients (${REQUESTS} requests in all; latency of each request):`);
    console.log(`    compare  ${line(together.times)}   ${rate(together)}`);
    console.log(`    home     ${line(togetherHome.times)}   ${rate(togetherHome)}`);
    console.log(`  (${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at the end; one next start process; the database on the same machine)`);
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
