/**
 * Nothing waits on the database forever: a request whose statement is stuck (here behind a lock a stuck
 * transaction holds) fails after HEXAPLA_STATEMENT_TIMEOUT_SECONDS with 503 and Retry-After, and a query that finds
 * every connection of its pool taken fails after the pool's wait, also as 503 — each leaving the pool usable.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { describeError } from "../http/errors";
import { createPrismaClient, db } from "./client";
import { waitFor } from "./jobs/jobs.fixtures";

let database: TestDatabase;
let blocker: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: database.url, HEXAPLA_STATEMENT_TIMEOUT_SECONDS: "1" });
  process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789";
  blocker = new pg.Client({ connectionString: database.url });
  await blocker.connect();
});

afterAll(async () => {
  await blocker?.end();
  await db().$disconnect();
  await database?.drop();
});

it("a request stuck behind a lock is answered 503 with Retry-After once its statement times out, and the next one works", async () => {
  const { GET } = await import("@/app/api/works/route");
  const request = () => GET(new Request("http://hexapla.test/api/works"));
  expect((await request()).status).toBe(200);
  await blocker.query("BEGIN; LOCK TABLE work IN ACCESS EXCLUSIVE MODE");
  try {
    const stuck = await request();
    expect(stuck.status).toBe(503);
    expect(stuck.headers.get("retry-after")).toBe("5");
    expect(await stuck.json()).toEqual({ error: { code: "unavailable", message: expect.stringContaining("too busy") } });
  } finally {
    await blocker.query("ROLLBACK");
  }
  expect((await request()).status).toBe(200);
});

it("a query that finds its pool all in use fails after the pool's wait, as 503, and the pool serves again once freed", async () => {
  const prisma = createPrismaClient(database.url, { poolSize: 1, connectTimeoutMs: 500 });
  try {
    await blocker.query("BEGIN; LOCK TABLE work IN ACCESS EXCLUSIVE MODE");
    const holding = prisma.$queryRaw`SELECT count(*) FROM work`.then((rows) => rows);
    await waitFor(async () => {
      const [{ waiting }] = await database.prisma.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      return waiting > 0 ? true : undefined;
    }, "the pool's one connection to wait for the lock");
    const waiting = await prisma.$queryRaw`SELECT 1`.then(
      () => null,
      (error: unknown) => error,
    );
    await blocker.query("ROLLBACK");
    await holding;
    expect(describeError(waiting)).toMatchObject({ status: 503, body: { error: { code: "unavailable" } } });
    expect(await prisma.$queryRaw`SELECT 1 AS ok`).toEqual([{ ok: 1 }]);
  } finally {
    await prisma.$disconnect();
  }
});
