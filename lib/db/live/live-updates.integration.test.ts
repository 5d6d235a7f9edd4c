/**
 * The live-update stream route in-process, against a PostgreSQL of its own (a child process this test stops and
 * starts again): every stream of the process shares one LISTEN connection; a stream outlives a database outage
 * longer than EventSource's retry and catches up (`ready` with the current version) and hears later changes; while
 * the database is down a new stream gets a 200 that EventSource retries, never a 500; streams are capped per client
 * and in total with 429/503 and Retry-After; idle streams are closed; a reader who may no longer read is cut off.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../test/global-setup";
import { readSse, type SseReader } from "../../../test/sse";
import { createApiToken } from "../api-tokens/api-tokens";
import { APP_ROLE, ensureAppRole } from "../app-role";
import { migrationsDir } from "../boot";
import { createPrismaClient, db, type Db } from "../client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../embedded-postgres";
import { applyEditorOperation } from "../grid/apply-operation";
import { createActor, createWork, gridVersionOf, oneToOneSpec, type TestWork } from "../grid/grid.fixtures";
import type { Actor } from "../grid/types";
import { ensureDatabase, migrate } from "../migrate";
import { setReadingPublic } from "../settings";
import { APPLICATION_NAME, liveHub } from "./live-hub";

const SLUG = "live-outage";
let dir: string;
let port: number;
let server: EmbeddedPostgres;
let url: string;
let prisma: Db;
let work: TestWork;
let editor: Actor;
const open: SseReader[] = [];

const startServer = () => startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port });

async function stream(headers: Record<string, string> = {}): Promise<Response> {
  const { GET } = await import("@/app/api/works/[work]/grid/events/route");
  return GET(new Request(`http://hexapla.test/api/works/${SLUG}/grid/events`, { headers }), { params: Promise.resolve({ work: SLUG }) });
}

async function openStream(headers: Record<string, string> = {}): Promise<SseReader> {
  const reader = readSse(await stream(headers));
  open.push(reader);
  return reader;
}

const merge = async (rowIndex: number) =>
  applyEditorOperation(prisma, work.workId, editor, { op: { type: "mergeRows", rowId: work.rowIds[rowIndex] }, baseVersion: await gridVersionOf(prisma, work.workId) });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hexapla-live-"));
  fs.chmodSync(dir, 0o755);
  port = await freePort();
  server = await startServer();
  await ensureAppRole(server.adminUrl, server.appPassword);
  await ensureDatabase(server.adminUrl, "hexapla", undefined, APP_ROLE);
  url = server.appUrl("hexapla");
  await migrate(url, migrationsDir);
  Object.assign(process.env, {
    DATABASE_URL: url,
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "integration-test-secret-0123456789",
    HEXAPLA_STREAMS_MAX: "6",
    HEXAPLA_STREAMS_PER_CLIENT: "2",
    HEXAPLA_STREAMS_ANONYMOUS: "3",
  });
  prisma = createPrismaClient(url);
  work = await createWork(prisma, oneToOneSpec(SLUG, ["ru", "en"], 8));
  editor = await createActor(prisma, "editor", "Eda Editor");
});

afterAll(async () => {
  await Promise.all(open.map((reader) => reader.cancel()));
  await liveHub(url).close();
  await prisma?.$disconnect();
  await db().$disconnect();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map(async (reader) => {
    await reader.cancel();
    await reader.end();
  }));
});

describe("live updates", () => {
  it("share one LISTEN connection, outlive a database outage, answer EventSource's retries with 200, and catch up", async () => {
    const a = await openStream();
    const ready = await a.next("ready");
    const version = (ready.data as { version: number }).version;
    await merge(0);
    expect((await a.next("change")).data).toMatchObject({ version: version + 1, kind: "mergeRows", userName: "Eda Editor" });

    const others = await Promise.all([openStream(), openStream()]);
    await Promise.all(others.map((reader) => reader.next("ready")));
    const listening = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ${APPLICATION_NAME}`;
    expect(Number(listening[0].n), "three streams, one listening connection").toBe(1);
    await Promise.all(others.map((reader) => reader.cancel()));

    await prisma.$disconnect();
    await server.stop();
    const down = await a.next("unavailable");
    expect(down.data).toMatchObject({ message: expect.stringMatching(/cannot be reached/) });
    expect(a.ended).toBe(false);

    const during = await stream();
    expect(during.status, "EventSource gives up on anything but 200").toBe(200);
    expect(during.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const body = await during.text();
    expect(body).toMatch(/^retry: \d+\n/);
    expect(body).toContain("event: unavailable");

    await new Promise((resolve) => setTimeout(resolve, 6_000)); // well past EventSource's own retry
    const seen = a.events.length;
    server = await startServer();
    prisma = createPrismaClient(url);
    const again = await a.next("ready", { from: seen, timeoutMs: 30_000 });
    expect(again.data).toEqual({ version: version + 1 });

    await merge(2);
    expect((await a.next("change", { from: seen })).data).toMatchObject({ version: version + 2, kind: "mergeRows" });
    const fresh = await openStream();
    expect((await fresh.next("ready")).data).toEqual({ version: version + 2 });
  }, 120_000);

  it("caps streams per client (429) and in total (503), with a message and Retry-After, and frees a place on close", async () => {
    const anonymous = await Promise.all([openStream(), openStream(), openStream()]);
    await Promise.all(anonymous.map((reader) => reader.next("ready")));
    const fourth = await stream();
    expect(fourth.status).toBe(503);
    expect(fourth.headers.get("retry-after")).toBe("30");
    expect((await fourth.json()).error.message).toMatch(/not signed in are at their limit \(3 streams\)/);

    const token = (await createApiToken(prisma, editor.id, { name: "streams" })).token;
    const signedIn = { authorization: `Bearer ${token}` };
    const mine = await Promise.all([openStream(signedIn), openStream(signedIn)]);
    await Promise.all(mine.map((reader) => reader.next("ready")));
    const third = await stream(signedIn);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("60");
    expect((await third.json()).error.message).toMatch(/You have 2 live-update streams open/);

    const scholar = await createActor(prisma, "scholar");
    const other = { authorization: `Bearer ${(await createApiToken(prisma, scholar.id, { name: "streams" })).token}` };
    await (await openStream(other)).next("ready");
    const full = await stream(other);
    expect(full.status).toBe(503);
    expect((await full.json()).error.message).toMatch(/as many live-update streams open as it allows \(6\)/);

    await mine[0].cancel();
    await mine[0].end();
    const admitted = await openStream(signedIn);
    expect(admitted.status).toBe(200);
    await admitted.next("ready");
  });

  it("closes a stream that has sent nothing for the idle time, saying so", async () => {
    process.env.HEXAPLA_STREAM_IDLE_MINUTES = "0.02";
    try {
      const reader = await openStream();
      await reader.next("ready");
      expect((await reader.next("idle", { timeoutMs: 10_000 })).data).toMatchObject({ message: expect.stringMatching(/paused/) });
      await reader.end();
    } finally {
      delete process.env.HEXAPLA_STREAM_IDLE_MINUTES;
    }
  });

  it("cuts off a reader who may no longer read, and sends no later change", async () => {
    const reader = await openStream();
    await reader.next("ready");
    await setReadingPublic(false);
    try {
      await reader.next("denied");
      await reader.end();
      await merge(4);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reader.events.map((e) => e.event)).toEqual(["ready", "denied"]);
      expect((await stream()).status).toBe(401);
    } finally {
      await setReadingPublic(true);
    }
  });
});
