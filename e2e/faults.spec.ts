/**
 * `npm start` under faults, run here on ports and data of its own beside the e2e server (no browser needed):
 *
 * - its database stops for ten seconds while the app server and the worker run (DATABASE_URL to a PostgreSQL this
 *   test stops and starts): nothing crashes; requests made meanwhile are answered at once, 503 with Retry-After for
 *   the API, a page that says the database cannot be reached (no stack trace), a live-update stream says `unavailable`; once the database is back,
 *   without restarting anything, the stream says `ready`, an edit reaches it, and an alignment queued then is run;
 * - its embedded PostgreSQL is killed: `npm start` starts it again and the app serves again; SIGTERM with a
 *   live-update stream open ends the stream, stops everything in order without killing anything and exits 0,
 *   leaving no PostgreSQL behind; on the same data
 *   directory it starts again, and when its app server is killed it stops everything, says why and exits non-zero.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createApiToken } from "../lib/db/api-tokens/api-tokens";
import { APP_ROLE, appRolePassword, ensureAppRole } from "../lib/db/app-role";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { createActor, createWork, oneToOneSpec } from "../lib/db/grid/grid.fixtures";
import { ensureDatabase } from "../lib/db/migrate";
import { freePort } from "../test/global-setup";
import { readSse } from "../test/sse";

test.describe.configure({ mode: "serial" });

interface Hexapla {
  child: ChildProcess;
  base: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];

/** `npm start` (scripts/start.ts) with the given environment, once it serves. */
async function startHexapla(env: Record<string, string>): Promise<Hexapla> {
  const port = await freePort();
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "start.ts")], {
    env: { ...inherited, PORT: String(port), HEXAPLA_SKIP_DEMO: "1", HEXAPLA_SIGNIN_LIMIT: "1000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const hexapla = { child, base: `http://127.0.0.1:${port}`, output: () => output, exited };
  await expect.poll(async () => (await fetch(`${hexapla.base}/`).then((r) => r.status, () => 0)) || child.exitCode, { timeout: 120_000, message: output }).toBe(200);
  await expect.poll(() => /Worker \d+ running/.test(output), { timeout: 60_000 }).toBe(true);
  return hexapla;
}

test.afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

const mkdir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-faults-"));
  fs.chmodSync(dir, 0o755);
  return dir;
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("the database stops for ten seconds under npm start: answers meanwhile are clear, and everything works again after", async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdir();
  const pgPort = await freePort();
  const startDatabase = () => startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port: pgPort });
  let database = await startDatabase();
  try {
    await ensureAppRole(database.adminUrl, database.appPassword);
    await ensureDatabase(database.adminUrl, "hexapla", undefined, APP_ROLE);
    const url = database.appUrl("hexapla");
    const app = await startHexapla({ DATABASE_URL: url });
    const prisma = createPrismaClient(url);
    const slug = `faults-${randomBytes(4).toString("hex")}`;
    const work = await createWork(prisma, oneToOneSpec(slug, ["ru", "en"], 6));
    const editor = await createActor(prisma, "editor", "Eda Editor");
    const headers = { authorization: `Bearer ${(await createApiToken(prisma, editor.id, { name: "faults" })).token}`, "content-type": "application/json" };
    const merge = (rowIndex: number, baseVersion: number) =>
      fetch(`${app.base}/api/works/${slug}/grid/operations`, { method: "POST", headers, body: JSON.stringify({ op: { type: "mergeRows", rowId: work.rowIds[rowIndex] }, baseVersion }) });
    const stream = readSse(await fetch(`${app.base}/api/works/${slug}/grid/events`, { headers }));
    const { version } = (await stream.next("ready")).data as { version: number };

    await database.stop();
    await stream.next("unavailable", { timeoutMs: 60_000 });
    const read = await fetch(`${app.base}/api/works/${slug}`, { headers });
    expect(read.status).toBe(503);
    expect(read.headers.get("retry-after")).toBe("5");
    expect(await read.json()).toEqual({ error: { code: "unavailable", message: expect.stringContaining("cannot be reached") } });
    const write = await merge(0, version);
    expect(write.status).toBe(503);
    const shown = await page.goto(`${app.base}/works/${slug}/compare`);
    expect(shown?.status()).toBe(500);
    await expect(page.getByRole("heading", { name: "The database cannot be reached" })).toBeVisible();
    await expect(page.getByText("Try again in a moment")).toBeVisible();
    expect(await shown?.text()).not.toMatch(/\n\s+at [\w.<>]+ \(|ECONNREFUSED|PrismaClient/);
    const lateStream = await fetch(`${app.base}/api/works/${slug}/grid/events`, { headers });
    expect(lateStream.status, "a stream opened meanwhile is one EventSource retries").toBe(200);
    expect(await lateStream.text()).toMatch(/^retry: \d+/);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    expect(app.child.exitCode, app.output()).toBeNull();

    database = await startDatabase();
    const back = stream.events.length;
    await stream.next("ready", { from: back, timeoutMs: 60_000 });
    await expect.poll(async () => (await merge(0, version)).status, { timeout: 30_000 }).toBe(200);
    expect((await stream.next("change", { from: back })).data).toMatchObject({ version: version + 1, kind: "mergeRows" });
    await stream.cancel();

    const queued = await fetch(`${app.base}/api/works/${slug}/align`, { method: "POST", headers, body: JSON.stringify({ mode: "realign" }) });
    expect(queued.status).toBe(202);
    const { job } = (await queued.json()) as { job: { id: string } };
    await expect
      .poll(async () => ((await (await fetch(`${app.base}/api/works/${slug}/jobs/${job.id}`, { headers })).json()) as { job?: { status: string } }).job?.status, { timeout: 90_000 })
      .toBe("done");
    expect(app.output()).not.toMatch(/stopping|Stopped/i);
    await prisma.$disconnect();

    app.child.kill("SIGTERM");
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.output()).toContain("[hexapla] Stopped.");
  } finally {
    await database.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("npm start restarts a killed embedded PostgreSQL, stops cleanly on SIGTERM, starts again, and stops when its app server dies", async () => {
  test.setTimeout(300_000);
  const dir = mkdir();
  const env = { HEXAPLA_DATA_DIR: dir, HEXAPLA_PG_PORT: String(await freePort()) };
  const pidFile = path.join(dir, "postgres", "postmaster.pid");
  const postmaster = () => Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    const first = await startHexapla(env);
    const killed = postmaster();
    process.kill(killed, "SIGKILL");
    await expect.poll(() => first.output(), { timeout: 60_000 }).toContain("The embedded PostgreSQL is running again.");
    expect(first.output()).toContain("The embedded PostgreSQL stopped (killed by SIGKILL); starting it again.");
    await expect.poll(async () => (await fetch(`${first.base}/api/works`)).status, { timeout: 30_000 }).toBe(200);

    const restarted = postmaster();
    expect(restarted).not.toBe(killed);
    /* The app role's URL, as lib/db/embedded-postgres.ts makes it, to give the stream a work to follow. */
    const password = appRolePassword(fs.readFileSync(path.join(dir, "postgres.password"), "utf8").trim());
    const prisma = createPrismaClient(`postgresql://${APP_ROLE}:${encodeURIComponent(password)}@127.0.0.1:${env.HEXAPLA_PG_PORT}/hexapla`);
    const slug = `faults-${randomBytes(4).toString("hex")}`;
    await createWork(prisma, oneToOneSpec(slug, ["ru", "en"], 2));
    await prisma.$disconnect();
    const stream = readSse(await fetch(`${first.base}/api/works/${slug}/grid/events`));
    await stream.next("ready");
    first.child.kill("SIGTERM");
    await stream.end(60_000);
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain("[hexapla] Stopped.");
    expect(first.output()).not.toContain("killing it");
    expect(fs.existsSync(pidFile), "PostgreSQL removed its pid file: it shut down cleanly").toBe(false);
    expect(alive(restarted)).toBe(false);

    const second = await startHexapla(env);
    expect(second.output()).not.toContain("already running");
    const appServer = Number(
      fs
        .readdirSync("/proc")
        .filter((entry) => /^\d+$/.test(entry))
        .find((pid) => {
          try {
            const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
            return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === second.child.pid && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next");
          } catch {
            return false;
          }
        }),
    );
    expect(appServer).toBeGreaterThan(0);
    const database = postmaster();
    process.kill(appServer, "SIGKILL");
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.output()).toContain("The app server stopped (killed by SIGKILL). Stopping the worker and the app server, then the database…");
    expect(second.output()).toContain("[hexapla] Stopped (exit 1).");
    expect(fs.existsSync(pidFile)).toBe(false);
    expect(alive(database)).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
