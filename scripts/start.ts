/**
 * `npm start`: the database (embedded PostgreSQL unless DATABASE_URL is set), migrations, the demo corpus on first
 * run, a production build when none exists, then `next start` on PORT — on 127.0.0.1 only unless HEXAPLA_BASE_URL
 * names the public address (lib/http/public-url.ts) — and one job worker (scripts/worker.ts), each a child process.
 * Ctrl-C (or SIGTERM) stops them and the database cleanly.
 *
 * When the app server stops by itself — it crashed or was killed — everything stops and `npm start` exits non-zero,
 * so a process manager sees it. When the worker dies, it is restarted after a second (the app keeps serving; the
 * job it was running is taken up again by the new worker as it starts); only a worker that keeps dying (5 times in
 * a minute) stops everything with a non-zero exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { readEnv } from "../lib/env";
import { listenPlan } from "../lib/http/public-url";
import { appServerNodeFlags } from "./app-server-flags";

const log = (line: string) => console.log(`[hexapla] ${line}`);
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
const WORKER_RESTARTS = { limit: 5, withinMs: 60_000, delayMs: 1_000 };

function runNext(args: string[], env: NodeJS.ProcessEnv, heapMb?: number) {
  const flags = heapMb === undefined ? [] : appServerNodeFlags(heapMb);
  return spawn(process.execPath, [...flags, nextBin, ...args], { cwd: projectRoot, stdio: "inherit", env });
}

function runWorker(env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "worker.ts")], { cwd: projectRoot, stdio: "inherit", env });
}

const running = (child: ChildProcess | null): child is ChildProcess => child !== null && child.exitCode === null && child.signalCode === null;

/** Stops a child and waits for it; a child that has already exited (by itself or by a signal) is not waited for. */
async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Whether the app's port is free now: checked before the database starts, so a busy port fails at once and clearly. */
function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, host);
  });
}

/** Resolves once the app server answers HTTP (any status), or when it has exited. */
async function answering(port: number, host: string, server: ChildProcess): Promise<boolean> {
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}/icon.svg`;
  while (server.exitCode === null && server.signalCode === null) {
    if (await fetch(url, { method: "HEAD" }).then(() => true, () => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const describeExit = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `killed by ${signal}` : `exit ${code}`);

async function main() {
  const env = readEnv();
  const plan = listenPlan(env);
  for (const warning of plan.warnings) log(`Warning: ${warning}`);
  if (!(await portFree(Number(env.PORT), plan.host))) {
    throw new Error(`Port ${env.PORT} on ${plan.host} is already in use (another Hexapla, or another program). Stop it, or start on another port, e.g. PORT=${Number(env.PORT) + 1} npm start`);
  }
  const database = await bootDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.HEXAPLA_DATA_DIR ?? path.join(projectRoot, ".data"),
    pgPort: env.HEXAPLA_PG_PORT,
    seedDemo: env.HEXAPLA_SKIP_DEMO !== "1",
    log,
  });
  const childEnv = { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? database.authSecret, NEXT_TELEMETRY_DISABLED: "1" };
  let stopping = false;
  let server = null as ChildProcess | null;
  let worker = null as ChildProcess | null;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([stopChild(worker), stopChild(server)]);
    await database.stop();
    log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (!fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
    log("No production build yet: running `next build` (once).");
    server = runNext(["build"], childEnv);
    const code = await new Promise<number>((resolve) => server!.once("exit", (status) => resolve(status ?? 1)));
    if (stopping) return;
    if (code !== 0) return shutdown(code);
  }
  server = runNext(["start", "--port", String(env.PORT), "--hostname", plan.host], childEnv, env.HEXAPLA_SERVER_HEAP_MB);
  server.once("exit", (code, signal) => {
    if (stopping) return;
    log(`The app server stopped (${describeExit(code, signal)}); stopping.`);
    void shutdown(code === 0 ? 1 : (code ?? 1));
  });
  const starting = server;
  void answering(Number(env.PORT), plan.host, starting).then((ready) => {
    if (ready && !stopping) log(`Serving on ${plan.url}${plan.host === "127.0.0.1" ? " (this machine only; set HEXAPLA_BASE_URL to serve others)" : ""}`);
  });

  const deaths: number[] = [];
  const startWorker = () => {
    if (stopping) return;
    worker = runWorker(childEnv);
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      deaths.push(now);
      const recent = deaths.filter((at) => now - at < WORKER_RESTARTS.withinMs).length;
      if (recent >= WORKER_RESTARTS.limit) {
        log(`The job worker died ${recent} times within a minute (last: ${describeExit(code, signal)}); stopping.`);
        void shutdown(1);
        return;
      }
      log(`The job worker stopped (${describeExit(code, signal)}); starting it again.`);
      setTimeout(startWorker, WORKER_RESTARTS.delayMs);
    });
  };
  startWorker();
}

main().catch((error) => {
  console.error(`[hexapla] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
