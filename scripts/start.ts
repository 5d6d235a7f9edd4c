/**
 * `npm start`: the database (embedded PostgreSQL unless DATABASE_URL is set), migrations, the demo corpus on first
 * run, a production build when none exists, then `next start` on PORT — on 127.0.0.1 only unless HEXAPLA_BASE_URL
 * names the public address (lib/http/public-url.ts) — and one job worker (scripts/worker.ts), each a child process.
 *
 * SIGINT (Ctrl-C) or SIGTERM stops everything in order and exits 0: the worker (it hands its running jobs
 * back) and the app server (it stops taking connections, ends its live-update streams and finishes the requests in
 * flight) first, each given STOP_WAIT_MS before it is killed, then the embedded database (a clean shutdown: its
 * data directory is ready for the next start). A signal that comes while the database is being set up stops it
 * as soon as it is up. The database runs in a process group of its own, so Ctrl-C reaches it only through here.
 *
 * When the app server stops by itself — it crashed or was killed — everything stops and `npm start` exits non-zero,
 * so a process manager sees it. When the worker dies, it is restarted after a second (the app keeps serving; the
 * job it was running is taken up again by the new worker as it starts); only a worker that keeps dying (5 times in
 * a minute) stops everything with a non-zero exit. When the embedded PostgreSQL stops by itself (killed, crashed),
 * it is started again after a second — the app and the worker wait for it meanwhile (requests get 503) — and only one
 * that keeps stopping (5 times in a minute) stops everything with a non-zero exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { bootDatabase, projectRoot } from "../lib/db/boot";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded-postgres";
import { readEnv } from "../lib/env";
import { listenPlan } from "../lib/http/public-url";
import { appServerEnv, appServerNodeFlags } from "./app-server-flags";

const log = (line: string) => console.log(`[hexapla] ${line}`);
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
const RESTARTS = { limit: 5, withinMs: 60_000, delayMs: 1_000 };
/** How long a child may take to stop after SIGTERM (the app server finishing its requests) before it is killed. */
const STOP_WAIT_MS = 30_000;

function runNext(args: string[], env: NodeJS.ProcessEnv, heapMb?: number) {
  const flags = heapMb === undefined ? [] : appServerNodeFlags(heapMb);
  return spawn(process.execPath, [...flags, nextBin, ...args], { cwd: projectRoot, stdio: "inherit", env: heapMb === undefined ? env : appServerEnv(env) });
}

function runWorker(env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "worker.ts")], { cwd: projectRoot, stdio: "inherit", env });
}

const running = (child: ChildProcess | null): child is ChildProcess => child !== null && child.exitCode === null && child.signalCode === null;

/** Stops a child and waits for it, killing it after STOP_WAIT_MS; a child that has already exited is not waited for. */
async function stopChild(child: ChildProcess | null, name: string): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    log(`The ${name} has not stopped ${STOP_WAIT_MS / 1000} s after SIGTERM; killing it.`);
    child.kill("SIGKILL");
  }, STOP_WAIT_MS);
  await exited;
  clearTimeout(timer);
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

/** Counts deaths and says whether the last one makes it die too often (RESTARTS.limit within RESTARTS.withinMs). */
function deathCounter() {
  const deaths: number[] = [];
  return () => {
    const now = Date.now();
    deaths.push(now);
    return deaths.filter((at) => now - at < RESTARTS.withinMs).length;
  };
}

async function main() {
  const env = readEnv();
  const plan = listenPlan(env);
  for (const warning of plan.warnings) log(`Warning: ${warning}`);
  if (!(await portFree(Number(env.PORT), plan.host))) {
    throw new Error(`Port ${env.PORT} on ${plan.host} is already in use (another Hexapla, or another program). Stop it, or start on another port, e.g. PORT=${Number(env.PORT) + 1} npm start`);
  }
  let stopping = false;
  let exitCode = 0;
  let stopDatabase: () => Promise<void> = async () => undefined;
  let server = null as ChildProcess | null;
  let worker = null as ChildProcess | null;
  let stopped: Promise<never> | null = null;
  const shutdown = (code: number, reason: string): Promise<never> => {
    stopped ??= (async () => {
      stopping = true;
      exitCode = code;
      log(`${reason} Stopping the worker and the app server, then the database…`);
      await Promise.all([stopChild(worker, "job worker"), stopChild(server, "app server")]);
      await stopDatabase();
      log(code === 0 ? "Stopped." : `Stopped (exit ${code}).`);
      process.exit(code);
    })();
    return stopped;
  };
  let booting = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (booting) {
      if (!stopping) log(`${signal}: stopping as soon as the database is set up.`);
      stopping = true;
      return;
    }
    void shutdown(0, `${signal}:`);
  };
  /* Not SIGHUP: under nohup it is ignored, and a handler would undo that. */
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, onSignal);

  const database = await bootDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.HEXAPLA_DATA_DIR ?? path.join(projectRoot, ".data"),
    pgPort: env.HEXAPLA_PG_PORT,
    seedDemo: env.HEXAPLA_SKIP_DEMO !== "1",
    log,
    /* Ctrl-C in a terminal signals the whole foreground group: the database must outlive the app and the worker, which need it to stop cleanly. */
    ownProcessGroup: true,
  });
  stopDatabase = database.stop;
  booting = false;
  if (stopping) return shutdown(exitCode, "Stopping as asked.");
  if (database.server) superviseDatabase(database.server);

  function superviseDatabase(first: EmbeddedPostgres) {
    const died = deathCounter();
    const watch = (pg: EmbeddedPostgres) =>
      void pg.exited.then(async (how) => {
        if (stopping) return;
        const recent = died();
        if (recent >= RESTARTS.limit) return shutdown(1, `The embedded PostgreSQL stopped ${recent} times within a minute (last: ${how}).`);
        log(`The embedded PostgreSQL stopped (${how}); starting it again. The app answers 503 and the worker waits until it is back.`);
        await new Promise((resolve) => setTimeout(resolve, RESTARTS.delayMs));
        for (;;) {
          if (stopping) return;
          try {
            const next = await startEmbeddedPostgres({ dataDir: pg.dataDir, port: pg.port, log, ownProcessGroup: true });
            if (stopping) return next.stop();
            stopDatabase = next.stop;
            log("The embedded PostgreSQL is running again.");
            return watch(next);
          } catch (error) {
            const again = died();
            const why = error instanceof Error ? error.message.trim().split("\n")[0] : String(error);
            if (again >= RESTARTS.limit) return shutdown(1, `The embedded PostgreSQL does not start again (${why}).`);
            log(`The embedded PostgreSQL did not start (${why}); trying again in a second.`);
            await new Promise((resolve) => setTimeout(resolve, RESTARTS.delayMs));
          }
        }
      });
    watch(first);
  }

  const childEnv = { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? database.authSecret, NEXT_TELEMETRY_DISABLED: "1" };
  if (!fs.existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
    log("No production build yet: running `next build` (once).");
    server = runNext(["build"], childEnv);
    const code = await new Promise<number>((resolve) => server!.once("exit", (status) => resolve(status ?? 1)));
    if (stopping) return;
    if (code !== 0) return shutdown(code, "The build failed.");
  }
  server = runNext(["start", "--port", String(env.PORT), "--hostname", plan.host], childEnv, env.HEXAPLA_SERVER_HEAP_MB);
  server.once("exit", (code, signal) => {
    if (stopping) return;
    void shutdown(code === 0 ? 1 : (code ?? 1), `The app server stopped (${describeExit(code, signal)}).`);
  });
  const starting = server;
  void answering(Number(env.PORT), plan.host, starting).then((ready) => {
    if (ready && !stopping) log(`Serving on ${plan.url}${plan.host === "127.0.0.1" ? " (this machine only; set HEXAPLA_BASE_URL to serve others)" : ""}`);
  });

  const workerDied = deathCounter();
  const startWorker = () => {
    if (stopping) return;
    worker = runWorker(childEnv);
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      const recent = workerDied();
      if (recent >= RESTARTS.limit) {
        void shutdown(1, `The job worker died ${recent} times within a minute (last: ${describeExit(code, signal)}).`);
        return;
      }
      log(`The job worker stopped (${describeExit(code, signal)}); starting it again.`);
      setTimeout(startWorker, RESTARTS.delayMs);
    });
  };
  startWorker();
}

main().catch((error) => {
  console.error(`[hexapla] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
