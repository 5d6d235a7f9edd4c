/**
 * Two app servers on one database, as behind a proxy: the e2e server (with its job worker) and a second `next
 * start` of the same build started here, with no worker. An edit made through the second appears live in an
 * editor page served by the first; an edit through the first reaches a live-update stream served by the second; a
 * session made on one server is good on the other; an alignment queued through the second is run by the worker
 * started with the first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createApiToken } from "../lib/db/api-tokens/api-tokens";
import type { Db } from "../lib/db/client";
import { createWork, oneToOneSpec, type TestWork } from "../lib/db/grid/grid.fixtures";
import { ensureAuthSecret } from "../lib/db/settings";
import { freePort } from "../test/global-setup";
import { readSse } from "../test/sse";
import { expect, test, userOf } from "./fixtures";
import { E2E_PASSWORD, e2eStateFile } from "./users";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const FIRST = `http://127.0.0.1:${PORT}`;
let second: string;
let server: ChildProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ db }) => {
  test.setTimeout(120_000);
  const { databaseUrl } = JSON.parse(fs.readFileSync(e2eStateFile(PORT), "utf8")) as { databaseUrl: string };
  const port = await freePort();
  second = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? (await ensureAuthSecret(db)), HEXAPLA_SIGNIN_LIMIT: "1000", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (let attempt = 0; !(await fetch(`${second}/`).then((r) => r.ok, () => false)); attempt++) {
    expect(attempt, "the second app server answers").toBeLessThan(600);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
});

async function editorToken(db: Db): Promise<Record<string, string>> {
  const editor = await db.user.findUniqueOrThrow({ where: { email: userOf("editor").email } });
  return { authorization: `Bearer ${(await createApiToken(db, editor.id, { name: `scale-out ${randomBytes(3).toString("hex")}` })).token}`, "content-type": "application/json" };
}

async function newWork(db: Db): Promise<{ slug: string; work: TestWork }> {
  const slug = `e2e-scale-${randomBytes(4).toString("hex")}`;
  return { slug, work: await createWork(db, oneToOneSpec(slug, ["ru", "en"], 4)) };
}

const merge = (base: string, slug: string, work: TestWork, rowIndex: number, version: number, headers: Record<string, string>) =>
  fetch(`${base}/api/works/${slug}/grid/operations`, { method: "POST", headers, body: JSON.stringify({ op: { type: "mergeRows", rowId: work.rowIds[rowIndex] }, baseVersion: version }) });

test("an edit through one app server appears live on a page of the other, and in a stream the other serves", async ({ page, db }) => {
  const { slug, work } = await newWork(db);
  const headers = await editorToken(db);
  await page.goto(`/works/${slug}/align`);
  await expect(page.locator(".live-status")).toContainText("Live:");
  const version = (await db.work.findUniqueOrThrow({ where: { id: work.workId } })).gridVersion;

  const throughSecond = await merge(second, slug, work, 0, version, headers);
  expect(throughSecond.status).toBe(200);
  await expect(page.locator(".status-line")).toContainText("Eda Editor changed the grid: Merged row 1 with row 2");
  await expect(page.locator(".live-status")).toContainText(`Version ${version + 1}.`);

  const stream = readSse(await fetch(`${second}/api/works/${slug}/grid/events`));
  expect(stream.status).toBe(200);
  await stream.next("ready");
  expect((await merge(FIRST, slug, work, 2, version + 1, headers)).status).toBe(200);
  expect((await stream.next("change")).data).toMatchObject({ version: version + 2, kind: "mergeRows", userName: "Eda Editor" });
  await stream.cancel();
});

test("a session made on one server is good on the other", async () => {
  const signIn = await fetch(`${FIRST}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: FIRST },
    body: JSON.stringify({ email: userOf("scholar").email, password: E2E_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const session = await (await fetch(`${second}/api/auth/get-session`, { headers: { cookie } })).json();
  expect(session?.user?.email).toBe(userOf("scholar").email);
});

test("an alignment queued through one server is run by the worker started with the other", async ({ db }) => {
  test.setTimeout(90_000);
  const { slug } = await newWork(db);
  const queued = await fetch(`${second}/api/works/${slug}/align`, { method: "POST", headers: await editorToken(db), body: JSON.stringify({ mode: "align" }) });
  expect(queued.status).toBe(202);
  const { job } = (await queued.json()) as { job: { id: string } };
  await expect
    .poll(async () => ((await (await fetch(`${FIRST}/api/works/${slug}/jobs/${job.id}`)).json()) as { job?: { status: string } }).job?.status, { timeout: 60_000 })
    .toBe("done");
  const record = await db.job.findUniqueOrThrow({ where: { id: job.id } });
  expect(record.workerId, "a worker ran it; the second server has none").not.toBeNull();
});
